// Signal factors and their weighted strength, so every entry records what produced it in one shape.
import type { Signal, SignalFactor } from '../../../domain/signal.js';
import type { CandleView } from '../../api.js';

/** A factor compared with a threshold; `weight` is its share of the strength. */
export function factor(name: string, value: number, passed: boolean, weight: number, threshold?: number): SignalFactor {
  return threshold === undefined ? { name, value, passed, weight } : { name, value, threshold, passed, weight };
}

/** Weighted share of the factors that passed: 0 when none did, 1 when all did (weights need not add up to 1). */
export function weightedStrength(factors: readonly SignalFactor[]): number {
  let total = 0;
  let passed = 0;
  for (const f of factors) {
    const w = f.weight ?? 0;
    total += w;
    if (f.passed) passed += w;
  }
  return total > 0 ? Math.round((passed / total) * 1e6) / 1e6 : 0;
}

/** True when every factor named in `gates` passed (the strategy's hard conditions). */
export function gatesPass(factors: readonly SignalFactor[], gates: readonly string[]): boolean {
  return gates.every((name) => factors.some((f) => f.name === name && f.passed));
}

export function makeSignal(
  strategy: string,
  ctx: { readonly symbol: string; readonly time: number },
  side: 'long' | 'short',
  factors: readonly SignalFactor[],
  level?: number,
): Signal {
  const signal = { strategy, symbol: ctx.symbol, time: ctx.time, side, strength: weightedStrength(factors), factors };
  return level === undefined ? signal : { ...signal, level };
}

/**
 * Where the newest candle closed within its range, seen from `side`: 1 at the high for a long (the low
 * for a short), 0 at the other end; 0.5 for a candle without range. A strong close backs a breakout.
 */
export function closeLocation(candles: CandleView, side: 'long' | 'short'): number {
  const high = candles.high(0);
  const low = candles.low(0);
  if (!(high > low)) return 0.5;
  const fromLow = (candles.close(0) - low) / (high - low);
  return side === 'long' ? fromLow : 1 - fromLow;
}
