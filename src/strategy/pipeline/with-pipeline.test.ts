import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Candle } from '../../domain/candle.js';
import type { Intent } from '../../domain/intent.js';
import type { StrategyDefinition } from '../api.js';
import { resolveStrategyParams } from '../registry.js';
import { testContext } from '../test-support/context.js';
import { regimeScale, scaleEntry } from './regime-scaling.js';
import { withPipeline } from './with-pipeline.js';

/** Enters long on every candle with a stop 2 below and a target 4 above the close. */
const eager: StrategyDefinition = {
  name: 'eager',
  description: 'always long',
  params: z.strictObject({ fast: z.number().default(1), slow: z.number().default(2) }).refine((p) => p.fast < p.slow, { message: 'fast must be shorter than slow', path: ['fast'] }),
  create: () => ({
    onCandle: (ctx) => [{ kind: 'enter', side: 'long', qty: 1, stopLoss: ctx.candles.close(0) - 2, takeProfit: ctx.candles.close(0) + 4, signal: { strategy: 'eager', symbol: ctx.symbol, time: ctx.time, side: 'long', strength: 0.6, factors: [{ name: 'always', value: 1, passed: true }] } }],
  }),
};

const HOUR = 3_600_000;
const DAY0 = Date.UTC(2025, 0, 6);
const candle = (time: number, close = 100): Candle => ({ time, open: close, high: close + 1, low: close - 1, close, volume: 1000, turnover: Number.NaN, closed: true });
const ALL_OFF = { ctxAdx: false, ctxAtrPct: false, ctxVolZ: false, ctxSession: false, ctxBtcCorr: false, regimeScaling: false };

function drive(definition: StrategyDefinition, params: Record<string, unknown>, times: number[]): Intent[][] {
  const strategy = definition.create(resolveStrategyParams(definition, params) as never);
  const seen: Candle[] = [];
  return times.map((time) => {
    seen.push(candle(time));
    return [...(strategy.onCandle(testContext({ candles: seen })) ?? [])];
  });
}

describe('the signal pipeline', () => {
  const wrapped = withPipeline(eager as StrategyDefinition<z.ZodObject>);

  it('adds its parameters to the strategy, keeps the strategy refinements, and needs BTC for the correlation check', () => {
    const all = resolveStrategyParams(wrapped, {});
    expect(all).toMatchObject({ fast: 1, slow: 2, ctxAdx: true, ctxAdxMin: 25, ctxAtrPctMin: 30, ctxVolZMin: 0.5, ctxBtcCorrMax: 0.8 });
    expect(() => resolveStrategyParams(wrapped, { fast: 3, slow: 2 })).toThrow(/fast must be shorter than slow/);
    expect(() => resolveStrategyParams(wrapped, { ctxAdxMin: 120 })).toThrow(/ctxAdxMin = 120/);
    expect(() => resolveStrategyParams(wrapped, { bogus: 1 })).toThrow(/unknown parameter\(s\) bogus/);
    expect(wrapped.needs?.(all as never)).toEqual({ symbols: [{ symbol: 'BTCUSDT', timeframe: '5m' }] });
    expect(wrapped.needs?.({ ...all, ctxBtcCorr: false } as never)).toEqual({});
  });

  it('with every check off, entries pass with the strategy own factors', () => {
    const [first] = drive(wrapped, ALL_OFF, [DAY0 + 3 * HOUR]);
    expect(first).toEqual([expect.objectContaining({ kind: 'enter', qty: 1, stopLoss: 98, takeProfit: 104, signal: expect.objectContaining({ strength: 0.6, factors: [{ name: 'always', value: 1, passed: true }] }) })]);
  });

  it('Level 1: an entry outside the trading sessions is dropped; inside, the session factor is recorded', () => {
    const sessionOnly = { ...ALL_OFF, ctxSession: true };
    const [asia, night] = drive(wrapped, sessionOnly, [DAY0 + 3 * HOUR, DAY0 + 23 * HOUR]);
    expect(asia![0]).toMatchObject({ signal: { factors: [{ name: 'session (asia/europe/us)', value: 1, passed: true }, { name: 'always' }] } });
    expect(night).toEqual([]);
  });

  it('Level 1: before the indicators are warm, ADX, ATR percentile and volume checks fail closed', () => {
    const results = drive(wrapped, { ...ALL_OFF, ctxAdx: true, ctxVolZ: true }, [DAY0, DAY0 + 300_000, DAY0 + 600_000]);
    expect(results.every((r) => r.length === 0)).toBe(true);
  });

  it('Level 3: a model score below the minimum drops the entry, above it is recorded as a factor', () => {
    const low = withPipeline(eager as StrategyDefinition<z.ZodObject>, { score: () => 0.3 });
    const high = withPipeline(eager as StrategyDefinition<z.ZodObject>, { score: (signal) => (signal.strategy === 'eager' ? 0.9 : 0) });
    expect(drive(low, ALL_OFF, [DAY0])[0]).toEqual([]);
    const [entry] = drive(high, ALL_OFF, [DAY0])[0]!;
    expect(entry).toMatchObject({ signal: { factors: [{ name: 'always' }, { name: 'model score', value: 0.9, threshold: 0.5, passed: true }] } });
  });
});

describe('regime scaling', () => {
  const entry = { kind: 'enter' as const, side: 'long' as const, qty: 10, stopLoss: 98, targets: [{ price: 102, fraction: 0.5 }, { price: 104, fraction: 0.5 }] };

  it('high volatility: stop ×1.5, targets ×2, size ×0.7; low: ×0.8, ×1.5, ×1.2; normal: unchanged', () => {
    expect(regimeScale(85).label).toBe('high volatility');
    expect(regimeScale(10).label).toBe('low volatility');
    expect(regimeScale(50).label).toBe('normal');
    const high = scaleEntry(entry, regimeScale(85), 100);
    expect(high.qty).toBeCloseTo(7, 12);
    expect(high.stopLoss).toBe(97);
    expect(high.targets).toEqual([{ price: 104, fraction: 0.5 }, { price: 108, fraction: 0.5 }]);
    const low = scaleEntry({ ...entry, targets: undefined, takeProfit: 104 }, regimeScale(10), 100);
    expect(low).toMatchObject({ qty: 12, stopLoss: 98.4, takeProfit: 106 });
    expect(scaleEntry(entry, regimeScale(50), 100)).toBe(entry);
  });
});
