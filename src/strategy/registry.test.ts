import { describe, expect, it } from 'vitest';
import type { Candle } from '../domain/candle.js';
import type { Intent } from './api.js';
import { testContext } from './test-support/context.js';
import { findStrategy, parseParamText, resolveStrategyParams } from './registry.js';

describe('strategy registry', () => {
  it('finds sma-cross and fills its defaults', () => {
    const definition = findStrategy('sma-cross');
    expect(resolveStrategyParams(definition, {})).toEqual({ fast: 10, slow: 30, size: 0.1, stopPct: 0 });
    expect(resolveStrategyParams(definition, parseParamText('fast=5,slow=20,size=1'))).toEqual({ fast: 5, slow: 20, size: 1, stopPct: 0 });
  });
  it('names an unknown strategy, an unknown parameter, a value out of range and a malformed pair', () => {
    expect(() => findStrategy('moon')).toThrow('--strategy: unknown strategy "moon"; known: sma-cross');
    const definition = findStrategy('sma-cross');
    expect(() => resolveStrategyParams(definition, parseParamText('speed=3'))).toThrow(/unknown parameter\(s\) speed \(known: fast, slow, size, stopPct\)/);
    expect(() => resolveStrategyParams(definition, parseParamText('fast=0'))).toThrow(/fast = 0: .*>=1/);
    expect(() => resolveStrategyParams(definition, parseParamText('fast=30,slow=10'))).toThrow(/fast must be shorter than slow/);
    expect(() => resolveStrategyParams(definition, parseParamText('size=lots'))).toThrow(/size = "lots"/);
    expect(() => parseParamText('fast')).toThrow('--params: "fast" is not key=value');
  });
});

describe('sma-cross', () => {
  function drive(closes: number[], fast = 2, slow = 3): Array<{ at: number; intents: Intent[] }> {
    const strategy = findStrategy('sma-cross').create({ fast, slow, size: 1 } as never);
    const seen: Candle[] = [];
    let size = 0;
    const out: Array<{ at: number; intents: Intent[] }> = [];
    closes.forEach((close, at) => {
      seen.push({ time: at, open: close, high: close, low: close, close, volume: 1, turnover: NaN, closed: true });
      const ctx = testContext({ candles: seen, position: { size, entryPrice: NaN } });
      const intents = [...(strategy.onCandle(ctx) ?? [])];
      for (const i of intents) size = i.kind === 'enter' ? 1 : i.kind === 'exit' ? 0 : size;
      if (intents.length) out.push({ at, intents });
    });
    return out;
  }
  it('goes long when the fast SMA crosses above the slow one and flat when it crosses below', () => {
    // SMA2/SMA3: falling, then rising (cross up at index 5), then falling (cross down at index 8).
    const signals = drive([10, 9, 8, 7, 8, 10, 12, 9, 6, 5]);
    expect(signals).toEqual([
      { at: 5, intents: [{ kind: 'enter', side: 'long', qty: 1, reason: 'fast crossed above slow' }] },
      { at: 8, intents: [{ kind: 'exit', reason: 'signal' }] },
    ]);
  });
  it('does not treat the first stable candle as a cross', () => {
    expect(drive([1, 2, 3, 4, 5])).toEqual([]);
  });
});
