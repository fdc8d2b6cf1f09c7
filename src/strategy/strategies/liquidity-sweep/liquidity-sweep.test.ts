import { describe, expect, it } from 'vitest';
import type { Trade } from '../../../domain/trade.js';
import { MIN, T0, runScenario, type Row } from '../../../engine/test-support/scripted.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import type { Intent, StrategyDefinition } from '../../api.js';
import { resolveStrategyParams } from '../../registry.js';
import { testContext } from '../../test-support/context.js';
import { closeOf, scaled, valuesOf } from '../multitf-volume/test-support/candle-legs.js';
import { describeOnRealSol } from '../multitf-volume/test-support/real-sol-run.js';
import { lastIntents, mirror, repeat, toCandles } from '../shared/test-support/scenario.js';
import { liquiditySweep } from './index.js';

const definition = liquiditySweep as unknown as StrategyDefinition;
const GATES = ['pool touches', 'sweep depth', 'reclaim', 'reward/risk', 'target move'];
/** Swings of two candles each side keep the charts short. */
const SWING2 = { swingBars: 2 };

/** A rise to a swing high at 105, confirmed two candles later. */
const RISE_TO_105: Row[] = [
  [100, 101.5, 99.8, 101.2],
  [101.2, 103, 101, 102.8],
  [102.8, 105, 102.5, 104.2],
  [104.2, 104.6, 103, 103.4],
  [103.4, 103.8, 101.5, 101.8],
];

/** The same, topping at 102. */
const RISE_TO_102: Row[] = [
  [100, 101, 99.8, 100.8],
  [100.8, 101.6, 100.5, 101.4],
  [101.4, 102, 101.2, 101.6],
  [101.6, 101.8, 101, 101.2],
  [101.2, 101.5, 100.8, 101],
];

/**
 * A flat start (no swings), the `rise`, then equal lows at 99.0 and `secondLow` (a pool of two when
 * within tolerance, each confirmed two candles later) with a lone swing high at 100.9 between them.
 */
function chart(rise = RISE_TO_105, secondLow = 99.05): Row[] {
  const top = closeOf(rise);
  return [
    ...repeat([100, 100.5, 99.5, 100], 16),
    ...rise,
    [top, top + 0.2, 100, 100.2],
    [100.2, 100.4, 99.0, 99.4],
    [99.4, 100.2, 99.3, 100],
    [100, 100.6, 99.6, 100.3],
    [100.3, 100.9, 100.1, 100.5],
    [100.5, 100.7, 99.8, 100],
    [100, 100.2, secondLow, 99.5],
    [99.5, 100.3, 99.4, 100.1],
    [100.1, 100.4, 99.7, 99.9],
  ];
}

/** The sweep: down to 98.6 through the pool at 99.0, back to close at 99.7. */
const SWEEP: Row = [99.9, 100, 98.6, 99.7];
const SETUP = [...chart(), SWEEP];
const SWEEP_TIME = T0 + 30 * 5 * MIN;

/** ATR(14) of the candles before the sweep: the strategy's yardstick for the sweep candle. */
const atrBefore = (rows: readonly Row[]): number => {
  const atr = new ATR(14);
  for (const candle of toCandles(rows.slice(0, -1))) atr.add(candle);
  return atr.value;
};

let tradeId = 0;
const trade = (at: number, side: 'buy' | 'sell', size: number, price: number): Trade => ({ symbol: 'SOLUSDT', time: SWEEP_TIME + at, price, size, side, id: String(tradeId++) });

/** The intents on the last candle, after `trades` of that candle went to onTrade (as the engine delivers them). */
function lastIntentsWithTrades(rows: readonly Row[], trades: readonly Trade[]): readonly Intent[] {
  const strategy = liquiditySweep.create(liquiditySweep.params.parse(SWING2));
  const candles = toCandles(rows);
  let last: readonly Intent[] = [];
  candles.forEach((_, i) => {
    const ctx = testContext({ candles: candles.slice(0, i + 1), equity: 10_000 });
    if (i === candles.length - 1) for (const t of trades) strategy.onTrade!(ctx, t);
    last = strategy.onCandle(ctx) ?? [];
    if (i < candles.length - 1 && last.length > 0) throw new Error(`acted on candle ${i}`);
  });
  return last;
}

describe('liquidity-sweep parameters', () => {
  it('has defaults, asks for trades, and refuses values out of range', () => {
    const params = resolveStrategyParams(definition, {});
    expect(params).toEqual({
      swingBars: 3,
      memory: 20,
      poolToleranceAtr: 0.25,
      minTouches: 2,
      maxSweepAtr: 1.5,
      minReclaimAtr: 0,
      minTurnShare: 0,
      atr: 14,
      stopBufferAtr: 0.5,
      minRewardRisk: 1.5,
      minTargetMove: 1,
      maxMinutes: 360,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(definition.needs?.(params as never)).toEqual({ trades: true });
    expect(() => resolveStrategyParams(definition, { minTouches: 0 })).toThrow(/minTouches = 0/);
    expect(() => resolveStrategyParams(definition, { pool: 2 })).toThrow(/unknown parameter/);
  });
});

describe('liquidity-sweep entries on hand-made candles', () => {
  it('goes long when a candle sweeps the equal lows and closes back above: stop under the sweep, targets halfway and at the opposite pool', () => {
    const atr = atrBefore(SETUP);
    const stop = 98.6 - 0.5 * atr;
    const risk = 99.7 - stop;
    expect(lastIntents(liquiditySweep, SWING2, SETUP)).toEqual([
      {
        kind: 'enter',
        side: 'long',
        qty: expect.closeTo(Math.min(100 / risk, 10_000 / 99.7), 9),
        stopLoss: expect.closeTo(stop, 9),
        // The lone high at 100.9 is closer than SOL's $2: the target is the pool at 105.
        targets: [
          { price: expect.closeTo(99.7 + 2.65, 9), fraction: 0.5 },
          { price: 105, fraction: 0.5 },
        ],
        reason: 'long: swept 2-swing pool at 99, target pool at 105',
        signal: {
          strategy: 'liquidity-sweep',
          symbol: 'SOLUSDT',
          time: SWEEP_TIME,
          side: 'long',
          // Every weighted factor passed; the order-flow one has no weight without trades.
          strength: 1,
          level: 99,
          factors: [
            { name: 'pool touches', value: 2, threshold: 2, passed: true, weight: 0.15 },
            { name: 'sweep depth', value: expect.closeTo(0.4 / atr, 9), threshold: 1.5, passed: true, weight: 0.1 },
            { name: 'reclaim', value: expect.closeTo(0.7 / atr, 9), threshold: 0, passed: true, weight: 0.15 },
            { name: 'reward/risk', value: expect.closeTo(5.3 / risk, 9), threshold: 1.5, passed: true, weight: 0.15 },
            { name: 'target move', value: expect.closeTo(5.3, 9), threshold: 2, passed: true, weight: 0.1 },
            { name: 'order flow: no trades (candles only)', value: 0, passed: false, weight: 0 },
            { name: 'close location in candle', value: expect.closeTo(1.1 / 1.4, 9), threshold: expect.closeTo(2 / 3, 12), passed: true, weight: 0.1 },
          ],
        },
      },
    ]);
    expect(atr).toBeGreaterThan(1);
    expect(atr).toBeLessThan(1.5);
  });

  it('goes short on the mirrored chart: equal highs swept, stop above, target the pool below', () => {
    const [intent] = lastIntents(liquiditySweep, SWING2, mirror(SETUP, 100));
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: expect.closeTo(101.4 + 0.5 * atrBefore(SETUP), 9),
      targets: [{ price: expect.closeTo(100.3 - 2.65, 9) }, { price: 95 }],
      signal: { side: 'short', level: 101, strength: 1 },
    });
  });

  it('does not enter when any one condition fails', () => {
    // Touches: the second low at 99.5 is 0.5 (about 0.4 ATR) from the first: two pools of one swing.
    expect(lastIntents(liquiditySweep, SWING2, [...chart(RISE_TO_105, 99.5), SWEEP])).toEqual([]);
    // Depth: down to 97, 2 ATR through the pool: a breakdown, not a stop run (reward/risk still 1.6).
    expect(lastIntents(liquiditySweep, SWING2, [...chart(), [99.9, 100, 97, 99.7]])).toEqual([]);
    // Reclaim: the close stays under the pool, at 98.9.
    expect(lastIntents(liquiditySweep, SWING2, [...chart(), [99.9, 100, 98.6, 98.9]])).toEqual([]);
    // Reward/risk: with the swing high at 102 the pool is 2.3 away, 1.4 times the risk.
    expect(lastIntents(liquiditySweep, SWING2, [...chart(RISE_TO_102), SWEEP])).toEqual([]);
    // Target move: at 0.35 of the price no opposite pool lies $2 away (and so nothing to measure the reward to).
    expect(lastIntents(liquiditySweep, SWING2, scaled(SETUP, 0.35))).toEqual([]);
  });

  it('judges order flow when the sweep candle had trades: takers must buy after the low', () => {
    const intoTheLow = [trade(10_000, 'sell', 10, 99.5), trade(60_000, 'sell', 20, 98.6)];
    // After the low, 30 + 10 bought: +40 of 70 traded.
    const [confirmed] = lastIntentsWithTrades(SETUP, [...intoTheLow, trade(120_000, 'buy', 30, 99.2), trade(240_000, 'buy', 10, 99.7)]);
    expect(confirmed).toMatchObject({ side: 'long', signal: { strength: 1 } });
    expect(confirmed?.kind === 'enter' && confirmed.signal?.factors[5]).toEqual({ name: 'taker delta after the sweep', value: expect.closeTo(40 / 70, 12), threshold: 0, passed: true, weight: 0.25 });
    expect(Object.keys(valuesOf(confirmed))).not.toContain('order flow: no trades (candles only)');
    // After the low, 5 bought and 15 sold: sellers kept hitting the reclaim.
    expect(lastIntentsWithTrades(SETUP, [...intoTheLow, trade(120_000, 'buy', 5, 99.2), trade(240_000, 'sell', 15, 99.7)])).toEqual([]);
    // Trades of an earlier candle say nothing about this one: judged on candles alone.
    const [stale] = lastIntentsWithTrades(SETUP, [trade(-60_000, 'sell', 50, 99.9)]);
    expect(valuesOf(stale)).toHaveProperty(['order flow: no trades (candles only)'], 0);
  });

  it('forgets a pool once swept: the same lows do not trigger twice', () => {
    // A first candle takes the lows and closes under them (no entry); the next one's reclaim finds no pool.
    const rows = [...chart(), [99.9, 100, 98.7, 98.9] as Row, [98.9, 99.9, 98.6, 99.7] as Row];
    expect(lastIntents(liquiditySweep, SWING2, rows)).toEqual([]);
  });
});

describe('liquidity-sweep through the engine', () => {
  it('takes half halfway and the rest at the opposite pool', () => {
    const after: Row[] = [
      [99.7, 101, 99.5, 100.8],
      [100.8, 102.5, 100.6, 102.4],
      [102.4, 105.2, 102.2, 105],
    ];
    const run = runScenario([...SETUP, ...after], liquiditySweep.create(liquiditySweep.params.parse(SWING2)));
    expect(run.trades).toHaveLength(1);
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: 99.7, exitReason: 'take-profit' });
    // 59.1 SOL: the first rung's half rounds down to 29.5 at +2.65, the other 29.6 go at +5.3.
    expect(run.trades[0]!.quantity).toBe(59.1);
    expect(run.trades[0]!.pnl).toBeCloseTo(29.5 * 2.65 + 29.6 * 5.3, 6);
  });
});

describeOnRealSol(liquiditySweep, {
  minTrades: 30,
  gates: GATES,
  exitReasons: ['stop-loss', 'take-profit'],
  maxMinutes: 360,
  // Candles only: every entry says it was judged without trades.
  alsoCheck: ({ entries }) => {
    for (const { intent } of entries) expect(valuesOf(intent)).toHaveProperty(['order flow: no trades (candles only)'], 0);
  },
});
