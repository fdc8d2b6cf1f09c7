import { describe, expect, it } from 'vitest';
import { MIN, T0, runScenario } from '../../../engine/test-support/scripted.js';
import { resolveStrategyParams } from '../../registry.js';
import type { StrategyDefinition } from '../../api.js';
import { describeRealRun } from '../shared/test-support/real-data.js';
import { lastIntents, repeat, type Row } from '../shared/test-support/scenario.js';
import { momentumBurst } from './index.js';

const definition = momentumBurst as unknown as StrategyDefinition;
const GATES = ['volume / average', 'close beyond recent extreme', 'RSI crossed 50'];

/**
 * 24 quiet candles between 99.75 and 100.5 on volume 1000, closes alternating 100.25 / 100. Starting
 * at 100.25 they end on a fall to 100 (RSI 47.2, below 50); shifted by one they end on a rise (RSI 52.8).
 */
const quiet = (endOnRise = false): Row[] =>
  Array.from({ length: 24 }, (_, i): Row => {
    const close = (i % 2 === 0) !== endOnRise ? 100.25 : 100;
    const open = i === 0 ? 100 : (i % 2 === 0) !== endOnRise ? 100 : 100.25;
    return [open, 100.5, 99.75, close];
  });

/** The burst: 3.5× the volume, a close of 101 above the last high (100.5), RSI 47.2 → 59.6. */
const BURST: Row = [100, 101.25, 99.75, 101, 3500];

describe('momentum-burst parameters', () => {
  it('has the issue defaults, takes no unknown key, and keeps the stop and target bounds in order', () => {
    expect(resolveStrategyParams(definition, {})).toEqual({
      volumePeriod: 20,
      volumeSpike: 3,
      breakBars: 1,
      rsi: 14,
      stopMinUsd: 0.8,
      stopMaxUsd: 1,
      target1Usd: 2,
      target2Usd: 2.5,
      maxMinutes: 45,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(() => resolveStrategyParams(definition, { volumeSpike: 1 })).toThrow(/volumeSpike = 1/);
    expect(() => resolveStrategyParams(definition, { spike: 3 })).toThrow(/unknown parameter\(s\) spike/);
    expect(() => resolveStrategyParams(definition, { stopMinUsd: 1.2 })).toThrow(/stopMinUsd must not exceed stopMaxUsd/);
    expect(() => resolveStrategyParams(definition, { target1Usd: 3 })).toThrow(/target1Usd must not exceed target2Usd/);
  });
});

describe('momentum-burst entries on hand-made candles', () => {
  it('goes long on the burst: stop $1 back (the candle low is further), half off at +$2 and +$2.5, the factors recorded', () => {
    expect(lastIntents(momentumBurst, {}, [...quiet(), BURST])).toEqual([
      {
        kind: 'enter',
        side: 'long',
        // 1 % of 10,000 over a $1 stop is 100 SOL, more than 100 % exposure allows at 101.
        qty: 10_000 / 101,
        stopLoss: 100,
        targets: [
          { price: 103, fraction: 0.5 },
          { price: 103.5, fraction: 0.5 },
        ],
        reason: 'long momentum burst',
        signal: {
          strategy: 'momentum-burst',
          symbol: 'SOLUSDT',
          time: T0 + 24 * 5 * MIN,
          side: 'long',
          strength: 1,
          level: 100.5,
          factors: [
            { name: 'volume / average', value: 3.5, threshold: 3, passed: true, weight: 0.35 },
            { name: 'close beyond recent extreme', value: 0.5, threshold: 0, passed: true, weight: 0.25 },
            { name: 'RSI crossed 50', value: expect.closeTo(59.6217, 4), threshold: 50, passed: true, weight: 0.25 },
            { name: 'close location in candle', value: expect.closeTo(1.25 / 1.5, 12), threshold: expect.closeTo(2 / 3, 12), passed: true, weight: 0.15 },
          ],
        },
      },
    ]);
  });

  it('keeps the stop at least $0.8 away when the burst candle is short, and loses strength on a weak close', () => {
    const [short] = lastIntents(momentumBurst, {}, [...quiet(), [100, 100.75, 100, 100.75, 3500]]);
    expect(short).toMatchObject({ side: 'long', stopLoss: 99.95, signal: { strength: 1 } });
    // Closing in the lower half of a long candle: the optional factor fails, 1 − 0.15 remains.
    const [weak] = lastIntents(momentumBurst, {}, [...quiet(), [100, 102, 99.75, 101, 3500]]);
    expect(weak).toMatchObject({ side: 'long', stopLoss: 100, signal: { strength: 0.85 } });
  });

  it('goes short on a downward burst: stop $1 above, targets $2 and $2.5 below', () => {
    const [intent] = lastIntents(momentumBurst, {}, [...quiet(true), [100.25, 100.5, 98.75, 99, 3500]]);
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: 100,
      targets: [
        { price: 97, fraction: 0.5 },
        { price: 96.5, fraction: 0.5 },
      ],
      signal: { side: 'short', strength: 1, level: 99.75, factors: [{ value: 3.5 }, { value: 0.75 }, { value: expect.closeTo(38.135, 3) }, { passed: true }] },
    });
  });

  it('scales the dollar distances per pair: on ETH ($30 ~ SOL $2) the stop is $15 and the targets $30 and $37.5', () => {
    const eth = (rows: Row[]): Row[] => rows.map(([o, h, l, c, v]) => [o * 15, h * 15, l * 15, c * 15, v]);
    const [intent] = lastIntents(momentumBurst, {}, eth([...quiet(), BURST]), { symbol: 'ETHUSDT' });
    expect(intent).toMatchObject({ side: 'long', stopLoss: 1500, targets: [{ price: 1545 }, { price: 1552.5 }] });
  });

  it('does not enter when any one condition fails', () => {
    // Volume 2.9× the average.
    expect(lastIntents(momentumBurst, {}, [...quiet(), [100, 101.25, 99.75, 101, 2900]])).toEqual([]);
    // A close at the last high, not above it (RSI still crosses 50).
    expect(lastIntents(momentumBurst, {}, [...quiet(), [100, 101.25, 99.75, 100.5, 3500]])).toEqual([]);
    // RSI was already above 50: no cross.
    expect(lastIntents(momentumBurst, {}, [...quiet(true), [100.25, 101.25, 99.75, 101, 3500]])).toEqual([]);
  });
});

describe('momentum-burst through the engine', () => {
  const strategy = () => momentumBurst.create(momentumBurst.params.parse({}));

  it('closes after 45 minutes when neither the stop nor a target is reached', () => {
    const run = runScenario([...quiet(), BURST, ...repeat([101, 101.5, 100.5, 101], 12)], strategy());
    expect(run.trades).toHaveLength(1);
    const [trade] = run.trades;
    expect(trade).toMatchObject({ side: 'long', entryPrice: 101, quantity: 99, exitPrice: 101, exitReason: 'time limit' });
    expect(trade!.entryTime).toBe(T0 + 25 * 5 * MIN);
    expect(trade!.exitTime - trade!.entryTime).toBe(45 * MIN);
  });

  it('takes half at the first target, then moves the stop to the entry', () => {
    const after: Row[] = [
      [101, 103.25, 100.75, 102.5],
      [102.5, 102.75, 102, 102.25],
      [102.25, 102.25, 100.5, 100.75],
    ];
    const run = runScenario([...quiet(), BURST, [101, 101.5, 100.5, 101], ...after], strategy());
    expect(run.trades).toHaveLength(1);
    // 49.5 SOL closed at 103 (+$2), the other 49.5 at the entry.
    expect(run.trades[0]).toMatchObject({ entryPrice: 101, quantity: 99, pnl: 99, exitReason: 'stop-loss' });
  });
});

describeRealRun(momentumBurst, { gates: GATES, minTrades: 30, exitReasons: ['stop-loss', 'take-profit', 'time limit'], maxMinutes: 45 });
