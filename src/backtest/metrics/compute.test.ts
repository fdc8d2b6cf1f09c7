// computeMetrics end to end: the five-day example, the edge cases the definitions pin, and bad input.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { computeMetrics } from './compute.js';
import { equityCurveOf } from './equity-curve.js';
import { DAY_MS } from './stats.js';
import { at, FIVE_DAYS, HOUR_MS, JAN_1, trade } from './test-support/fixtures.js';
import type { BacktestMetrics, MetricsInput } from './types.js';

const base: MetricsInput = {
  trades: [],
  equity: equityCurveOf([]),
  initialEquity: 1000,
  start: JAN_1,
  end: JAN_1 + 5 * DAY_MS,
  buyAndHold: { firstClose: 100, lastClose: 110 },
};
const run = (overrides: Partial<MetricsInput>): BacktestMetrics => computeMetrics({ ...base, ...overrides });

/** Every number in the metrics, nested ones included. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersIn);
}

describe('computeMetrics on the five-day curve', () => {
  // Daily returns +1, −1, +2, 0, −1 % (see test-support/fixtures.ts); two trades: +25 in 6 h, −15.30098 in 23 h.
  const m = run({
    equity: FIVE_DAYS,
    trades: [
      trade({ pnl: 25, entryTime: at(2, 0, 0).time, exitTime: at(2, 6, 0).time, fees: 1.1 }),
      trade({ side: 'short', pnl: -15.30098, entryTime: at(4, 0, 0).time, exitTime: at(4, 23, 0).time, fees: 1.2 }),
    ],
  });

  it('returns-based ratios as worked out by hand', () => {
    expect(m.sharpe).toBeCloseTo(Math.sqrt((0.04 / 1.7) * 365), 9);
    expect(m.sortino).toBeCloseTo(Math.sqrt(36.5), 9);
    expect(m.omega).toBeCloseTo(1.5, 9);
    // (1009.69902 / 1000)^(365.25 / 5) − 1 = 102.40 %.
    expect(m.cagrPct).toBeCloseTo(102.4048, 3);
  });

  it('drawdown 1010 → 990 (−1.98 %) beats 1030 → 1009.7 (−1.97 %); recovered by 1019.898 on day 3', () => {
    expect(m.maxDrawdown).toBeCloseTo(20, 9);
    expect(m.maxDrawdownPct).toBeCloseTo((20 / 1010) * 100, 9);
    expect([m.maxDrawdownStart, m.maxDrawdownTrough, m.maxDrawdownEnd]).toEqual([at(0, 23, 0).time, at(1, 5, 0).time, at(2, 12, 0).time]);
    expect(m.maxDrawdownDurationMs).toBe(13 * HOUR_MS + 24 * HOUR_MS);
    expect(m.maxDrawdownRecovered).toBe(true);
    expect(m.calmar).toBeCloseTo(m.cagrPct / m.maxDrawdownPct, 9);
  });

  it('trade figures, buy & hold, days and months', () => {
    expect(m.netProfit).toBeCloseTo(9.69902, 9);
    expect(m.netProfitPct).toBeCloseTo(0.969902, 9);
    expect(m.finalEquity).toBe(1009.69902);
    expect(m.feesPaid).toBeCloseTo(2.3, 12);
    expect(m.tradesPerDay).toBe(0.4);
    expect(m.exposurePct).toBeCloseTo((29 / 120) * 100, 9);
    expect(m.buyAndHoldPct).toBeCloseTo(10, 9);
    expect(m.bestDay?.date).toBe('2024-01-03');
    expect(m.worstDay?.date).toBe('2024-01-02');
    expect(m.monthlyReturns).toHaveLength(1);
    expect(m.monthlyReturns[0]?.returnPct).toBeCloseTo(0.969902, 9);
    expect(m.dailyReturns).toHaveLength(5);
    expect('expectancyR' in m).toBe(false);
  });
});

describe('computeMetrics on typed-array columns', () => {
  it('gives the same metrics as plain arrays (the runner passes the engine\'s Float64Arrays)', () => {
    const typed = { time: Float64Array.from(FIVE_DAYS.time), equity: Float64Array.from(FIVE_DAYS.equity) };
    expect(run({ equity: typed })).toEqual(run({ equity: FIVE_DAYS }));
  });
});

describe('computeMetrics edge cases', () => {
  it('no trades on a flat curve: zeros everywhere, never NaN', () => {
    const m = run({ equity: equityCurveOf([at(0, 1, 1000), at(1, 1, 1000), at(2, 1, 1000)]) });
    expect(numbersIn(m).some(Number.isNaN)).toBe(false);
    expect(m).toMatchObject({ trades: 0, netProfit: 0, winRate: 0, profitFactor: 0, expectancy: 0, exposurePct: 0 });
    expect(m).toMatchObject({ sharpe: 0, sortino: 0, omega: 0, calmar: 0, cagrPct: 0, maxDrawdownPct: 0, maxDrawdownStart: null });
    expect(m.bestDay).toEqual({ date: '2024-01-01', pnl: 0, pct: 0 });
  });

  it('no equity samples: final equity is the initial one, no days, no months', () => {
    const m = run({});
    expect(m).toMatchObject({ finalEquity: 1000, cagrPct: 0, bestDay: null, worstDay: null, monthlyReturns: [], dailyReturns: [] });
  });

  it('one trade: its own figures, a profit factor of +Infinity when it wins', () => {
    const m = run({ trades: [trade({ pnl: 50 })], equity: equityCurveOf([at(0, 1, 1050)]) });
    expect(m).toMatchObject({ trades: 1, netProfit: 50, netProfitPct: 5, profitFactor: Infinity, winRate: 100, expectancy: 50 });
  });

  it('all wins and all losses', () => {
    const wins = run({ trades: [trade({ pnl: 5 }), trade({ pnl: 7 })] });
    expect(wins).toMatchObject({ profitFactor: Infinity, winLossRatio: Infinity, winRate: 100, maxConsecutiveWins: 2 });
    const losses = run({ trades: [trade({ pnl: -5 }), trade({ pnl: -7 })] });
    expect(losses).toMatchObject({ profitFactor: 0, winLossRatio: 0, winRate: 0, maxConsecutiveLosses: 2, largestLoss: -7 });
  });

  it('a period shorter than a day: no CAGR or Calmar, no Sharpe or Sortino from one day, trades per day over one day', () => {
    // 10:00 → 14:00, one 2 h trade; equity 1000 → 1010 → 990 → 1005.
    const m = run({
      start: JAN_1 + 10 * HOUR_MS,
      end: JAN_1 + 14 * HOUR_MS,
      equity: equityCurveOf([at(0, 11, 1010), at(0, 12, 990), at(0, 13, 1005)]),
      trades: [trade({ pnl: 5, entryTime: JAN_1 + 11 * HOUR_MS, exitTime: JAN_1 + 13 * HOUR_MS })],
    });
    expect(m).toMatchObject({ cagrPct: 0, calmar: 0, sharpe: 0, sortino: 0, omega: Infinity, tradesPerDay: 1, exposurePct: 50 });
    expect(m.dailyReturns).toHaveLength(1);
    expect(m.bestDay).toEqual(m.worstDay);
    expect(m.maxDrawdownPct).toBeCloseTo((20 / 1010) * 100, 9);
  });

  it('a short period across midnight has two daily returns and so a Sharpe', () => {
    const m = run({ start: JAN_1 - 2 * HOUR_MS, end: JAN_1 + 2 * HOUR_MS, equity: equityCurveOf([at(0, -1, 1010), at(0, 1, 1000)]) });
    expect(m.dailyReturns).toHaveLength(2);
    expect(Number.isFinite(m.sharpe) && m.sharpe !== 0).toBe(true);
  });

  it('expectancy in R appears when every trade carries its risk', () => {
    expect(run({ trades: [trade({ pnl: 20, risk: 10 }), trade({ pnl: -10, risk: 10 })] }).expectancyR).toBeCloseTo(0.5, 12);
  });
});

describe('computeMetrics rejects bad input', () => {
  it.each<[string, Partial<MetricsInput>, RegExp]>([
    ['a zero initial equity', { initialEquity: 0 }, /initialEquity must be positive/],
    ['an end before the start', { end: JAN_1 - 1 }, /before start/],
    ['a zero first close', { buyAndHold: { firstClose: 0, lastClose: 1 } }, /firstClose must be positive/],
    ['equity running backwards', { equity: equityCurveOf([at(1, 0, 1000), at(0, 0, 1000)]) }, /equity\[1\]\.time .* before/],
    ['a NaN equity', { equity: equityCurveOf([at(0, 0, Number.NaN)]) }, /equity\[0\]\.equity must be a finite number/],
    ['an infinite sample time', { equity: { time: [0, Infinity], equity: [1000, 1000] } }, /equity\[1\]\.time must be a finite number/],
    ['equity columns of different lengths', { equity: { time: [JAN_1, JAN_1 + 1], equity: [1000] } }, /equity\.time has 2 samples but equity\.equity has 1/],
    ['a trade exiting before it entered', { trades: [trade({ entryTime: JAN_1 + 1, exitTime: JAN_1 })] }, /trades\[0\] exits at/],
    ['an infinite PnL', { trades: [trade({ pnl: Infinity })] }, /trades\[0\]\.pnl must be a finite number/],
  ])('%s', (_name, overrides, message) => {
    expect(() => run(overrides)).toThrow(InputError);
    expect(() => run(overrides)).toThrow(message);
  });
});
