import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MIN, T0, runScenario, type Row } from '../../../engine/test-support/scripted.js';
import type { Intent, StrategyContext, StrategyDefinition } from '../../api.js';
import { resolveStrategyParams } from '../../registry.js';
import { mirror } from '../shared/test-support/scenario.js';
import { multiTfVolume } from './index.js';
import { rLadderParams } from './r-ladder.js';
import { closeOf, leg, nextCandle, scaled, valuesOf } from './test-support/candle-legs.js';
import { describeOnRealSol } from './test-support/real-sol-run.js';

/** The target ladder's defaults (tested with the ladder). */
const LADDER_DEFAULTS = z.strictObject(rLadderParams).parse({});
const definition = multiTfVolume as unknown as StrategyDefinition;
const GATES = ['trend alignment', 'volume z-score', 'price position', 'target move'];
/** Short EMAs keep the scenarios short: the 1h EMA is stable after 11 hours. */
const FAST = { trendEma: 10 };

/** 12.5 hours rising 0.1 a candle from 100: every timeframe's close above its rising EMA. */
const UPTREND = leg(100, 0.1, 150);

/** The signal candle after UPTREND: one more step, on 1.5× the mean volume unless told. */
const signalCandle = (step = 0.1, volume = 1500, highWick?: number): Row => nextCandle(UPTREND, step, volume, highWick);

/** The engine's context as if it traded `symbol` (the scenario venue only lists SOLUSDT). */
const asSymbol = (ctx: StrategyContext, symbol: string): StrategyContext => ({
  time: ctx.time,
  symbol,
  timeframe: ctx.timeframe,
  candles: ctx.candles,
  candlesOf: (timeframe) => ctx.candlesOf(timeframe),
  position: ctx.position,
  account: ctx.account,
  equity: ctx.equity,
});

/**
 * Runs the strategy through the engine (which builds the 15m and 1h candles) and returns the candles
 * it acted on. With another `symbol` it only reads the intents and sends none.
 */
function actions(raw: Record<string, unknown>, rows: readonly Row[], symbol?: string): Array<{ index: number; intents: readonly Intent[] }> {
  const params = multiTfVolume.params.parse({ ...FAST, ...raw });
  const strategy = multiTfVolume.create(params);
  const acted: Array<{ index: number; intents: readonly Intent[] }> = [];
  let index = 0;
  const recording = {
    onCandle: (ctx: StrategyContext) => {
      const intents = strategy.onCandle(symbol ? asSymbol(ctx, symbol) : ctx) ?? [];
      if (intents.length > 0) acted.push({ index, intents });
      index++;
      return symbol ? [] : intents;
    },
  };
  runScenario(rows, recording, { needs: multiTfVolume.needs!(params) });
  return acted;
}

/** The intents on the last row, which must be the only candle the strategy acted on. */
function lastIntents(raw: Record<string, unknown>, rows: readonly Row[], symbol?: string): readonly Intent[] {
  const acted = actions(raw, rows, symbol);
  const early = acted.find((a) => a.index !== rows.length - 1);
  if (early) throw new Error(`acted on candle ${early.index}: ${JSON.stringify(early.intents)}`);
  return acted[0]?.intents ?? [];
}

describe('multitf-volume parameters', () => {
  it('has defaults, declares 15m and 1h, and refuses values out of range or out of order', () => {
    const params = resolveStrategyParams(definition, {});
    expect(params).toEqual({
      midTimeframe: '15m',
      highTimeframe: '1h',
      trendEma: 50,
      volumePeriod: 20,
      minVolumeZ: 1.5,
      maxExtensionAtr: 1.5,
      atr: 14,
      stopAtr: 1.5,
      ...LADDER_DEFAULTS,
      maxMinutes: 240,
      riskPct: 1,
      maxExposurePct: 100,
    });
    expect(definition.needs?.(params as never)).toEqual({ timeframes: ['15m', '1h'] });
    expect(() => resolveStrategyParams(definition, { trendEma: 2 })).toThrow(/trendEma = 2/);
    expect(() => resolveStrategyParams(definition, { midTimeframe: '1h', highTimeframe: '15m' })).toThrow(/midTimeframe must be shorter/);
    expect(() => resolveStrategyParams(definition, { target1R: 3 })).toThrow(/target1R must not exceed target2R/);
    expect(() => resolveStrategyParams(definition, { volume: 2 })).toThrow(/unknown parameter/);
  });
});

describe('multitf-volume entries on hand-made candles', () => {
  it('goes long when 5m, 15m and 1h rise and a heavy up candle closes near the EMA: stop 1.5 ATR, half at 1R and 2R', () => {
    const rows = [...UPTREND, signalCandle()];
    const close = closeOf(rows);
    expect(lastIntents({}, rows)).toEqual([
      {
        kind: 'enter',
        side: 'long',
        // 1 % of 10,000 over a 1.5 stop: 66.7 SOL (100 % exposure would allow 10,000 / 115.1).
        qty: expect.closeTo(100 / 1.5, 9),
        stopLoss: expect.closeTo(close - 1.5, 9),
        targets: [
          { price: expect.closeTo(close + 1.5, 9), fraction: 0.5 },
          { price: expect.closeTo(close + 3, 9), fraction: 0.5 },
        ],
        reason: 'long: 5m/15m/1h trend with volume',
        signal: {
          strategy: 'multitf-volume',
          symbol: 'SOLUSDT',
          time: T0 + 150 * 5 * MIN,
          side: 'long',
          // Every gate, but the close sits at 55 % of the candle: the close-location bonus (0.15) is missing.
          strength: 0.85,
          factors: [
            { name: 'trend alignment', value: 3, threshold: 3, passed: true, weight: 0.3 },
            // 1500 against 20 candles of 900 / 1100: (1500 − 1000) / (100 √(20/19)).
            { name: 'volume z-score', value: expect.closeTo(5 / Math.sqrt(20 / 19), 9), threshold: 1.5, passed: true, weight: 0.25 },
            // An EMA 10 of a steady rise lags it by 4.5 steps: 0.45 = 0.45 ATR.
            { name: 'price position', value: expect.closeTo(0.45, 9), threshold: 1.5, passed: true, weight: 0.2 },
            { name: 'target move', value: expect.closeTo(3, 9), threshold: 2, passed: true, weight: 0.1 },
            { name: 'close location in candle', value: expect.closeTo(0.55, 9), threshold: expect.closeTo(2 / 3, 12), passed: false, weight: 0.15 },
          ],
        },
      },
    ]);
  });

  it('gains the last 0.15 of strength on a close near the candle high', () => {
    const [intent] = lastIntents({}, [...UPTREND, signalCandle(0.1, 1500, 0.05)]);
    expect(intent).toMatchObject({ side: 'long', signal: { strength: 1 } });
    expect(valuesOf(intent)['close location in candle']).toBeCloseTo(0.55 / 0.6, 9);
  });

  it('goes short in the mirrored downtrend, stop above and targets below', () => {
    const rows = mirror([...UPTREND, signalCandle()], 100);
    const close = closeOf(rows);
    const [intent] = lastIntents({}, rows);
    expect(intent).toMatchObject({
      side: 'short',
      stopLoss: expect.closeTo(close + 1.5, 9),
      targets: [{ price: expect.closeTo(close - 1.5, 9) }, { price: expect.closeTo(close - 3, 9) }],
      signal: { side: 'short', strength: 0.85 },
    });
    expect(valuesOf(intent)).toEqual({
      'trend alignment': 3,
      'volume z-score': expect.closeTo(4.8734, 4),
      'price position': expect.closeTo(0.45, 9),
      'target move': expect.closeTo(3, 9),
      'close location in candle': expect.closeTo(0.55, 9),
    });
  });

  it('does not enter when any one condition fails', () => {
    // Volume: z 0.97 on 1100 (the alternating baseline), or a heavy candle that closed down inside the uptrend.
    expect(lastIntents({}, [...UPTREND, signalCandle(0.1, 1100)])).toEqual([]);
    expect(lastIntents({}, [...UPTREND, signalCandle(-0.1, 1500)])).toEqual([]);
    // Price position: a jump of 2.5 leaves the close 2.2 ATR beyond the EMA, stretched.
    expect(lastIntents({}, [...UPTREND, signalCandle(2.5, 1500)])).toEqual([]);
    // Target move: the same candles at half the price have a 1.5 target, short of SOL's $2.
    expect(lastIntents({}, scaled([...UPTREND, signalCandle()], 0.5))).toEqual([]);
  });

  it('does not enter while the last closed hour still falls, though 5m and 15m turned up', () => {
    // 12 hours down, then up 0.3 a candle: after 1h50 the 5m and 15m closes have turned, but the one
    // rebound hour that closed is still below the falling 1h EMA.
    const decline = leg(120, -0.1, 144);
    const rebound = leg(closeOf(decline), 0.3, 21);
    expect(lastIntents({ maxExtensionAtr: 3 }, [...decline, ...rebound, nextCandle(rebound, 0.3, 1500)])).toEqual([]);
    // Ten minutes later the second hour closes above a rising EMA, and the same kind of candle enters.
    const longer = leg(closeOf(decline), 0.3, 23);
    const [intent] = lastIntents({ maxExtensionAtr: 3 }, [...decline, ...longer, nextCandle(longer, 0.3, 1500)]);
    expect(intent).toMatchObject({ side: 'long' });
    expect(valuesOf(intent)['trend alignment']).toBe(3);
  });

  it('scales per pair: on ETH the stop widens by its ATR multiplier 1.2 and the target must reach $30', () => {
    const rows = [...UPTREND, signalCandle()];
    // ×15: ATR 15, stop 1.5 × 15 × 1.2 = 27, target 54 clears $30; ×5: a target of 18 does not.
    const [eth] = lastIntents({}, scaled(rows, 15), 'ETHUSDT');
    expect(eth).toMatchObject({ side: 'long', stopLoss: expect.closeTo(closeOf(rows) * 15 - 27, 6) });
    expect(valuesOf(eth)['target move']).toBeCloseTo(54, 6);
    expect(lastIntents({}, scaled(rows, 5), 'ETHUSDT')).toEqual([]);
  });
});

describe('multitf-volume through the engine', () => {
  it('takes half at 1R, moves the stop to the entry, and is stopped there', () => {
    const rows = [...UPTREND, signalCandle()];
    const entry = closeOf(rows);
    // Fill at the next open (= the close), then up through 1R, then back down through the entry.
    const after: Row[] = [
      [entry, entry + 0.5, entry - 0.2, entry + 0.3],
      [entry + 0.3, entry + 1.6, entry + 0.2, entry + 1.2],
      [entry + 1.2, entry + 1.3, entry + 0.5, entry + 0.6],
      [entry + 0.6, entry + 0.7, entry - 0.5, entry - 0.4],
    ];
    const params = multiTfVolume.params.parse(FAST);
    const run = runScenario([...rows, ...after], multiTfVolume.create(params), { needs: multiTfVolume.needs!(params) });
    expect(run.trades).toHaveLength(1);
    const qty = run.trades[0]!.quantity;
    expect(run.trades[0]).toMatchObject({ side: 'long', entryPrice: entry, exitReason: 'stop-loss' });
    // Half closed 1.5 above the entry, the other half at the entry (no fees in the scenario).
    expect(run.trades[0]!.pnl).toBeCloseTo((qty / 2) * 1.5, 1);
  });
});

describeOnRealSol(multiTfVolume, { minTrades: 15, gates: GATES, exitReasons: ['stop-loss', 'take-profit'], maxMinutes: 240 });
