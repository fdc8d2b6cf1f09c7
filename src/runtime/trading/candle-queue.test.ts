// The candle queue: one candle at a time per symbol, in order, holes filled, duplicates and older candles dropped, a failing turn not stalling the rest.
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../domain/candle.js';
import { CandleQueue, type CandleSteps } from './candle-queue.js';
import { Journal } from './journal.js';

const MIN = 60_000;
const candle = (minute: number): Candle => ({ time: minute * MIN, open: 1, high: 1, low: 1, close: 1, volume: 1, turnover: 1, closed: true });

function queue(missed: (after: number, before: number) => Candle[], failAt?: number) {
  const calls: string[] = [];
  const errors: string[] = [];
  const journal = new Journal((error) => errors.push(error.message));
  const steps: CandleSteps = {
    warmedUpTo: () => 9 * MIN,
    intervalMs: () => MIN,
    match: (symbol, c) => void calls.push(`match ${symbol} ${c.time / MIN}`),
    act: async (symbol, c) => {
      calls.push(`act ${symbol} ${c.time / MIN}`);
      if (c.time === failAt) throw new Error(`act ${c.time / MIN} failed`);
    },
    missed: async (symbol, after, before) => {
      calls.push(`missed ${symbol} ${after / MIN}..${before / MIN}`);
      return missed(after, before);
    },
  };
  return { calls, errors, journal, candles: new CandleQueue(journal, steps) };
}

describe('CandleQueue', () => {
  it('handles each candle once, in order, matching before acting; fills a hole before the candle after it', async () => {
    const q = queue((after, before) => [candle(after / MIN + 1), candle(before / MIN - 1)]);
    // After the warm-up (minute 9): 10, then 13 (11 and 12 missed), 13 again, and an old 11.
    for (const minute of [10, 13, 13, 11, 14]) q.candles.push('SOL', candle(minute));
    await q.journal.idle();
    expect(q.calls).toEqual(['match SOL 10', 'act SOL 10', 'missed SOL 10..13', 'match SOL 11', 'act SOL 11', 'match SOL 12', 'act SOL 12', 'match SOL 13', 'act SOL 13', 'match SOL 14', 'act SOL 14']);
  });

  it('goes on without a hole the exchange cannot fill, and past a turn that failed', async () => {
    const q = queue(() => [], 12 * MIN);
    for (const minute of [9, 12, 13]) q.candles.push('SOL', candle(minute));
    await q.journal.idle();
    expect(q.calls).toEqual(['missed SOL 9..12', 'match SOL 12', 'act SOL 12', 'match SOL 13', 'act SOL 13']);
    expect(q.errors).toEqual(['act 12 failed']);
  });

  it('the journal is idle only once the whole chain of candles is handled; clear() drops what waits', async () => {
    const q = queue(() => []);
    for (const minute of [10, 11, 12]) q.candles.push('SOL', candle(minute));
    await q.journal.idle();
    expect(q.calls.filter((c) => c.startsWith('act'))).toEqual(['act SOL 10', 'act SOL 11', 'act SOL 12']);
    const stopping = queue(() => []);
    for (const minute of [10, 11, 12]) stopping.candles.push('SOL', candle(minute));
    stopping.candles.clear();
    await stopping.journal.idle();
    expect(stopping.calls).toEqual(['match SOL 10', 'act SOL 10']);
  });
});
