import { describe, expect, it } from 'vitest';
import { NotStableError } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { alignByTime } from './align.js';
import { barsInSpan, returnStatsOn5m, RollingBeta, RollingCorrelation, RollingReturnStats, SPANS_5M, type PricePair } from './correlation.js';

/** Prices whose log returns are exactly the given numbers (up to exp/log rounding). */
function pricesFromReturns(start: number, returns: readonly number[]): number[] {
  const out = [start];
  let level = Math.log(start);
  for (const r of returns) out.push(Math.exp((level += r)));
  return out;
}

const pairsOf = (a: readonly number[], b: readonly number[]): PricePair[] => a.map((x, i) => ({ time: i * 300_000, a: x, b: b[i]! }));

/** Pearson over the last `w` log returns ending at index `end` of the pairs, by the one-pass textbook formula. */
function directPearson(pairs: readonly PricePair[], end: number, w: number): number {
  let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let i = end - w + 1; i <= end; i++) {
    const x = Math.log(pairs[i]!.a / pairs[i - 1]!.a);
    const y = Math.log(pairs[i]!.b / pairs[i - 1]!.b);
    sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
  }
  const vx = w * sxx - sx * sx;
  const vy = w * syy - sy * sy;
  return vx > 0 && vy > 0 ? (w * sxy - sx * sy) / Math.sqrt(vx * vy) : 0;
}

function directBeta(pairs: readonly PricePair[], end: number, w: number): number {
  let sx = 0, sy = 0, syy = 0, sxy = 0;
  for (let i = end - w + 1; i <= end; i++) {
    const x = Math.log(pairs[i]!.a / pairs[i - 1]!.a);
    const y = Math.log(pairs[i]!.b / pairs[i - 1]!.b);
    sx += x; sy += y; syy += y * y; sxy += x * y;
  }
  const vy = w * syy - sy * sy;
  return vy > 0 ? (w * sxy - sx * sy) / vy : 0;
}

describe('RollingReturnStats by hand', () => {
  it('a: returns 1, 2, 3 %; b: 1, 3, 2 % → correlation 0.5, beta 0.5, covariance 0.5e-4', () => {
    // deviations a: -1 0 1, b: -1 1 0 (in %): Σab = 1, Σaa = Σbb = 2.
    const pairs = pairsOf(pricesFromReturns(100, [0.01, 0.02, 0.03]), pricesFromReturns(50, [0.01, 0.03, 0.02]));
    const stats = new RollingReturnStats(3);
    for (const p of pairs.slice(0, 3)) stats.add(p);
    expect(stats.isStable).toBe(false);
    expect(() => stats.correlation).toThrow(NotStableError);
    expect(stats.getResult()).toBeUndefined();
    stats.add(pairs[3]!);
    expect(stats.correlation).toBeCloseTo(0.5, 12);
    expect(stats.beta).toBeCloseTo(0.5, 12);
    expect(stats.covariance).toBeCloseTo(0.5e-4, 15);
  });

  it('a moving half as much as b gives correlation 1 and beta 0.5; opposite moves give -1 and -2', () => {
    const b = pricesFromReturns(200, [0.02, 0.04, -0.02, 0.01]);
    const half = pairsOf(pricesFromReturns(10, [0.01, 0.02, -0.01, 0.005]), b);
    const c = new RollingCorrelation(4);
    const beta = new RollingBeta(4);
    for (const p of half) {
      c.add(p);
      beta.add(p);
    }
    expect(c.value).toBeCloseTo(1, 12);
    expect(beta.value).toBeCloseTo(0.5, 12);
    const opposite = pairsOf(pricesFromReturns(10, [-0.04, -0.08, 0.04, -0.02]), b);
    const c2 = new RollingCorrelation(4);
    const beta2 = new RollingBeta(4);
    for (const p of opposite) {
      c2.add(p);
      beta2.add(p);
    }
    expect(c2.value).toBeCloseTo(-1, 12);
    expect(beta2.value).toBeCloseTo(-2, 12);
    expect(Math.abs(c2.value)).toBeLessThanOrEqual(1);
  });

  it('slides: the oldest return leaves the window', () => {
    // window 3 over returns a: 5, 1, 2, 3 %, b: 9, 1, 3, 2 % → the last three are the first example.
    const pairs = pairsOf(pricesFromReturns(100, [0.05, 0.01, 0.02, 0.03]), pricesFromReturns(50, [0.09, 0.01, 0.03, 0.02]));
    const stats = new RollingReturnStats(3);
    for (const p of pairs) stats.add(p);
    expect(stats.correlation).toBeCloseTo(0.5, 12);
  });

  it('reads 0 when a series does not move (no correlation is measurable)', () => {
    const flat = pairsOf([100, 100, 100, 100], pricesFromReturns(50, [0.01, -0.02, 0.03]));
    const stats = new RollingReturnStats(3);
    for (const p of flat) stats.add(p);
    expect(stats.correlation).toBe(0);
    expect(stats.beta).toBe(0); // cov = 0 over var(b) > 0
    expect(stats.covariance).toBe(0);
  });

  it('replace() of the newest pair equals adding the final pair', () => {
    const pairs = pairsOf(pricesFromReturns(100, [0.01, -0.02, 0.015, 0.03, -0.01, 0.002]), pricesFromReturns(50, [0.02, -0.01, 0.01, 0.02, -0.03, 0.004]));
    const straight = new RollingReturnStats(3);
    const replaced = new RollingReturnStats(3);
    for (let i = 0; i < pairs.length; i++) {
      straight.add(pairs[i]!);
      replaced.add({ ...pairs[i]!, a: pairs[i]!.a * 1.3, b: pairs[i]!.b * 0.7 });
      replaced.replace({ ...pairs[i]!, a: pairs[i]!.a * 0.9 });
      replaced.replace(pairs[i]!);
      expect(replaced.getResult()).toEqual(straight.getResult());
    }
    expect(replaced.count).toBe(pairs.length);
  });

  it('rejects non-positive prices and windows under 2', () => {
    expect(() => new RollingReturnStats(1)).toThrow(RangeError);
    expect(() => new RollingReturnStats(3).add({ time: 0, a: 0, b: 1 })).toThrow(/positive/);
  });

  it('sizes span windows on 5m bars: 30m = 6, 1h = 12, 4h = 48', () => {
    expect(SPANS_5M).toEqual({ '30m': barsInSpan('30m', '5m'), '1h': barsInSpan('1h', '5m'), '4h': barsInSpan('4h', '5m') });
    expect(() => barsInSpan('5m', '5m')).toThrow(RangeError);
  });
});

/** Measured mean correlations: 0.749 (30m), 0.771 (1h), 0.788 (4h); the floors leave room. */
const MEAN_FLOOR = { '30m': 0.7, '1h': 0.72, '4h': 0.74 } as const;

const SOL = realBars(Infinity, 'candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');
const BTC = realBars(Infinity, 'candles/bybit-linear_BTCUSDT_5m_2025-09-24_2026-03-31.csv');

describe.skipIf(!SOL || !BTC)('SOL against BTC, 5m, 2025-09-24 → 2026-03-31', () => {
  const pairs = SOL && BTC ? alignByTime(SOL, BTC) : [];

  it('aligns every bar (both files are gap-free over the same span)', () => {
    expect(pairs.length).toBe(54_432);
  });

  it.each(Object.entries(SPANS_5M))('%s window (%i returns): in [-1, 1], equal to a direct Pearson and beta to 1e-9, positive on average', (span, w) => {
    const stats = new RollingReturnStats(w);
    let sum = 0;
    let n = 0;
    let worst = 0;
    let betaSum = 0;
    for (let i = 0; i < pairs.length; i++) {
      stats.add(pairs[i]!);
      if (i < w) {
        expect(stats.isStable).toBe(false);
        continue;
      }
      const r = stats.correlation;
      expect(r >= -1 && r <= 1).toBe(true);
      worst = Math.max(worst, Math.abs(r - directPearson(pairs, i, w)), Math.abs(stats.beta - directBeta(pairs, i, w)));
      sum += r;
      betaSum += stats.beta;
      n++;
    }
    expect(worst).toBeLessThan(1e-9);
    const mean = sum / n;
    expect(mean, span).toBeGreaterThan(MEAN_FLOOR[span as keyof typeof SPANS_5M]);
    // SOL moves more than BTC: its mean beta is about 1.32 at every span.
    expect(betaSum / n).toBeGreaterThan(1.2);
    expect(betaSum / n).toBeLessThan(1.45);
  });

  it('replace() of the forming pair is exact on real data', () => {
    const straight = new RollingReturnStats(12);
    const replaced = new RollingReturnStats(12);
    for (let i = 0; i < 3000; i++) {
      const p = pairs[i]!;
      straight.add(p);
      replaced.add({ time: p.time, a: p.a * 1.01, b: p.b });
      replaced.replace({ time: p.time, a: p.a, b: p.b * 0.98 });
      replaced.replace(p);
      if (straight.isStable) expect(replaced.correlation).toBe(straight.correlation);
    }
  });

  it('the three spans of returnStatsOn5m read the same as standalone instances', () => {
    const set = returnStatsOn5m();
    const alone = new RollingCorrelation(48);
    for (const p of pairs.slice(0, 500)) {
      for (const s of Object.values(set)) s.add(p);
      alone.add(p);
    }
    expect(set['4h'].correlation).toBe(alone.value);
  });
});

