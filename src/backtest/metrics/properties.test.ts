// Laws the metrics keep for any input: bounds, sums, no NaN, brute-force agreement, and trade-order independence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute.js';
import { maxDrawdown } from './drawdown.js';
import { exposureMs } from './exposure.js';
import { equityCurveOf } from './equity-curve.js';
import { DAY_MS } from './stats.js';
import { trade } from './test-support/fixtures.js';
import type { BacktestMetrics, ClosedTrade, EquityCurve, MetricsInput } from './types.js';

const START = Date.UTC(2024, 0, 1);
const money = (max: number) => fc.double({ min: -max, max, noNaN: true, noDefaultInfinity: true });

const tradeArb: fc.Arbitrary<ClosedTrade> = fc
  .record({
    side: fc.constantFrom<'long' | 'short'>('long', 'short'),
    entry: fc.integer({ min: -DAY_MS, max: 20 * DAY_MS }),
    hold: fc.integer({ min: 0, max: 3 * DAY_MS }),
    pnl: money(1e4),
    fees: fc.double({ min: 0, max: 50, noNaN: true }),
    funding: money(20),
  })
  .map(({ side, entry, hold, pnl, fees, funding }) =>
    trade({ side, entryTime: START + entry, exitTime: START + entry + hold, pnl, fees, funding }),
  );

/**
 * Samples at increasing times (gaps up to two days) with equity in cents that may even go negative.
 * Cents, not any double: a denormal equity such as 5e-324 would make the next day's return overflow.
 */
const equityArb: fc.Arbitrary<EquityCurve> = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 2 * DAY_MS }), cents: fc.integer({ min: -10_000, max: 10_000_000 }) }), { maxLength: 60 })
  .map((steps) => {
    let time = START;
    return equityCurveOf(steps.map(({ gap, cents }) => ({ time: (time += gap), equity: cents / 100 })));
  });

const inputArb: fc.Arbitrary<MetricsInput> = fc
  .record({
    trades: fc.array(tradeArb, { maxLength: 40 }),
    equity: equityArb,
    initialEquity: fc.double({ min: 1, max: 1e5, noNaN: true }),
    periodMs: fc.integer({ min: 0, max: 30 * DAY_MS }),
    closes: fc.tuple(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.double({ min: 0.01, max: 1e5, noNaN: true })),
  })
  .map(({ trades, equity, initialEquity, periodMs, closes }) => ({
    trades,
    equity,
    initialEquity,
    start: START,
    end: START + periodMs,
    buyAndHold: { firstClose: closes[0], lastClose: closes[1] },
  }));

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('metric laws', () => {
  it('max drawdown lies in 0..100 %; win rates and exposure in 0..100; nothing is NaN', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = computeMetrics(input);
        for (const pct of [m.maxDrawdownPct, m.winRate, m.winRateLong, m.winRateShort, m.exposurePct]) {
          expect(pct).toBeGreaterThanOrEqual(0);
          expect(pct).toBeLessThanOrEqual(100);
        }
        expect(m.maxDrawdown).toBeGreaterThanOrEqual(0);
        expect(m.maxDrawdownDurationMs).toBeGreaterThanOrEqual(0);
        const numbers = JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v));
        expect(numbers).not.toContain('"NaN"');
      }),
    );
  });

  it('net profit is Σ pnl, and gross profit plus gross loss', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const m = computeMetrics(input);
        let total = 0;
        for (const t of input.trades) total += t.pnl;
        expect(m.netProfit).toBe(total);
        expect(close(m.netProfit, m.grossProfit + m.grossLoss) || Math.abs(m.netProfit - m.grossProfit - m.grossLoss) < 1e-6).toBe(true);
        expect(m.wins + m.losses + m.breakevens).toBe(m.trades);
      }),
    );
  });

  it('order-independent metrics do not change when the trades are shuffled', () => {
    // Streaks are left out: trades closing at the same moment keep their input order.
    const orderDependent = new Set(['maxConsecutiveWins', 'maxConsecutiveLosses']);
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const shuffled = [...input.trades];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as ClosedTrade, shuffled[i] as ClosedTrade];
        }
        const a = computeMetrics(input);
        const b = computeMetrics({ ...input, trades: shuffled });
        for (const key of Object.keys(a) as (keyof BacktestMetrics)[]) {
          if (orderDependent.has(key)) continue;
          const [x, y] = [a[key], b[key]];
          if (typeof x === 'number' && typeof y === 'number') expect(close(x, y) || Math.abs(x - y) < 1e-6, key).toBe(true);
          else expect(y, key).toEqual(x);
        }
      }),
    );
  });

  it('max drawdown % equals the brute-force largest fall from any earlier point', () => {
    fc.assert(
      fc.property(equityArb, fc.double({ min: 1, max: 1e5, noNaN: true }), (curve, initial) => {
        const values = [initial, ...Array.from(curve.equity)];
        let brute = 0;
        for (let i = 0; i < values.length; i++) {
          for (let j = i + 1; j < values.length; j++) {
            const [high, low] = [values[i] as number, values[j] as number];
            if (high > 0) brute = Math.max(brute, Math.min((high - low) / high, 1) * 100);
          }
        }
        expect(close(maxDrawdown(curve, initial, START, START + 100 * DAY_MS).pct, brute)).toBe(true);
      }),
    );
  });

  it('exposure equals the count of unit cells covered by some trade', () => {
    const interval = fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (spans) => {
        const trades = spans.map(([from, length]) => trade({ entryTime: from, exitTime: from + length }));
        let cells = 0;
        for (let c = 0; c < 50; c++) if (spans.some(([from, length]) => from <= c && c + 1 <= from + length)) cells++;
        expect(exposureMs(trades, 0, 50)).toBe(cells);
      }),
    );
  });
});
