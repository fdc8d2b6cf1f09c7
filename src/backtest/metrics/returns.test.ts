// Daily and monthly returns and the ratios over them, on small curves worked out by hand.
import { describe, expect, it } from 'vitest';
import { cagrPct, calmar, downsideDeviation, omega, sharpe, sortino } from './ratios.js';
import { equityCurveOf } from './equity-curve.js';
import { dailyReturns, extremeDay, monthlyReturns } from './returns.js';
import { DAY_MS, median, ratio } from './stats.js';
import { at, FIVE_DAYS } from './test-support/fixtures.js';
import { seededRandom } from '../../core/random.js';

describe('daily returns of a long curve', () => {
  it('take the last sample of each day, whatever the spacing: samples a second to three days apart, some on midnight', () => {
    const random = seededRandom(7);
    const n = 60_000;
    const time = new Float64Array(n);
    const equity = new Float64Array(n);
    let t = Date.UTC(2024, 0, 1);
    for (let i = 0; i < n; i++) {
      const gap = random.next() < 0.001 ? 3 * DAY_MS * random.next() : random.next() < 0.01 ? DAY_MS - (t % DAY_MS) : 1000 * Math.ceil(random.next() * 120);
      t += Math.round(gap);
      time[i] = t;
      equity[i] = 1000 + i / 100;
    }
    // The same days the slow way: every sample visited, the last one of each day kept.
    const last = new Map<number, number>();
    for (let i = 0; i < n; i++) last.set(Math.floor(time[i]! / DAY_MS), equity[i]!);
    const days = dailyReturns({ time, equity }, 1000);
    const withSamples = days.filter((d) => last.has(Date.parse(d.date) / DAY_MS));
    expect(withSamples.map((d) => [d.date, d.equity])).toEqual([...last].map(([day, value]) => [new Date(day * DAY_MS).toISOString().slice(0, 10), value]));
    expect(days).toHaveLength(Math.floor(time[n - 1]! / DAY_MS) - Math.floor(time[0]! / DAY_MS) + 1);
  });
});

// FIVE_DAYS (test-support/fixtures.ts) has daily returns +1, −1, +2, 0, −1 %.
describe('daily returns and the ratios over them', () => {
  const days = dailyReturns(FIVE_DAYS, 1000);
  const r = days.map((d) => d.returnPct);

  it('takes the last equity of each UTC day against the day before, the first against the initial equity', () => {
    expect(days.map((d) => d.date)).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    [1, -1, 2, 0, -1].forEach((expected, i) => expect(r[i]).toBeCloseTo(expected, 9));
    expect(days[0]?.pnl).toBeCloseTo(10, 9);
    expect(days[4]?.equity).toBe(1009.69902);
  });

  it('Sharpe: mean 0.2 %, sample variance (0.8² + 1.2² + 1.8² + 0.2² + 1.2²) / 4 = 6.8 / 4 = 1.7, so √(0.2² / 1.7 × 365) = 2.9306', () => {
    expect(sharpe(r)).toBeCloseTo(Math.sqrt((0.04 / 1.7) * 365), 9);
    expect(sharpe(r)).toBeCloseTo(2.930569, 5);
  });

  it('Sortino: downside deviation √((1² + 1²) / 5) = √0.4, so √(0.2² / 0.4 × 365) = √36.5 = 6.0415', () => {
    expect(downsideDeviation(r)).toBeCloseTo(Math.sqrt(0.4), 9);
    expect(sortino(r)).toBeCloseTo(Math.sqrt(36.5), 9);
  });

  it('Omega: (1 + 2) / (1 + 1) = 1.5', () => {
    expect(omega(r)).toBeCloseTo(1.5, 9);
  });

  it('best and worst day by percent, the earliest on a tie', () => {
    expect(extremeDay(days, 'best')).toMatchObject({ date: '2024-01-03', pct: expect.closeTo(2, 9) as number });
    const worst = extremeDay(days, 'worst');
    expect(worst?.date).toBe('2024-01-02');
    expect(worst?.pnl).toBeCloseTo(-10.1, 9);
    expect(extremeDay([], 'best')).toBeNull();
  });

  it('carries equity over a day without samples as a 0 % day', () => {
    const gap = dailyReturns(equityCurveOf([at(0, 1, 1100), at(3, 1, 1210)]), 1000);
    expect(gap.map((d) => [d.date, d.equity, d.pnl])).toEqual([
      ['2024-01-01', 1100, 100],
      ['2024-01-02', 1100, 0],
      ['2024-01-03', 1100, 0],
      ['2024-01-04', 1210, 110],
    ]);
    expect(gap[3]?.returnPct).toBeCloseTo(10, 9);
  });

  it('puts a sample stamped exactly at midnight into the new day', () => {
    expect(dailyReturns(equityCurveOf([at(0, 23, 1010), at(1, 0, 1020)]), 1000).map((d) => d.date)).toEqual(['2024-01-01', '2024-01-02']);
  });

  it('gives 0 % on a day that follows equity of zero or less', () => {
    expect(dailyReturns(equityCurveOf([at(0, 1, 0), at(1, 1, 50)]), 1000).map((d) => d.returnPct)).toEqual([-100, 0]);
  });
});

describe('monthly returns', () => {
  // Jan: 1050 / 1000 − 1 = +5 %; Feb: 1029 / 1050 − 1 = −2 %; Mar: no samples, 0 %; Apr: 1080.45 / 1029 − 1 = +5 %.
  const curve = equityCurveOf([
    { time: Date.UTC(2024, 0, 30, 12), equity: 1010 },
    { time: Date.UTC(2024, 0, 31, 23, 59), equity: 1050 },
    { time: Date.UTC(2024, 1, 1, 0, 0), equity: 1040 },
    { time: Date.UTC(2024, 1, 29, 10), equity: 1029 },
    { time: Date.UTC(2024, 3, 2, 8), equity: 1080.45 },
  ]);

  it('ends each month at the last sample before UTC midnight of the 1st', () => {
    const days = dailyReturns(curve, 1000);
    expect(days).toHaveLength(2 + 29 + 31 + 2);
    const months = monthlyReturns(days, 1000);
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    [5, -2, 0, 5].forEach((expected, i) => expect(months[i]?.returnPct).toBeCloseTo(expected, 9));
  });

  it('is empty without samples', () => {
    expect(monthlyReturns(dailyReturns(equityCurveOf([]), 1000), 1000)).toEqual([]);
  });
});

describe('degenerate ratios', () => {
  it('flat returns give Sharpe, Sortino and Omega of 0, not NaN', () => {
    expect([sharpe([0, 0, 0]), sortino([0, 0, 0]), omega([0, 0, 0])]).toEqual([0, 0, 0]);
  });

  it('fewer than two daily returns give Sharpe and Sortino 0', () => {
    expect([sharpe([]), sharpe([3]), sortino([-3]), sortino([])]).toEqual([0, 0, 0, 0]);
  });

  it('no losing day gives Sortino and Omega of +Infinity; no winning day an Omega of 0', () => {
    expect(sortino([1, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(omega([1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(omega([-1, 0])).toBe(0);
  });

  it('constant non-zero returns have no spread: Sharpe ±Infinity', () => {
    expect(sharpe([0.5, 0.5])).toBe(Number.POSITIVE_INFINITY);
    expect(sharpe([-0.5, -0.5])).toBe(Number.NEGATIVE_INFINITY);
  });

  it('ratio: x / 0 is ±Infinity by the sign of x, 0 / 0 is 0', () => {
    expect([ratio(6, 3), ratio(1, 0), ratio(-1, 0), ratio(0, 0)]).toEqual([2, Infinity, -Infinity, 0]);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect([median([]), median([5]), median([4, 1, 3]), median([4, 1, 3, 2])]).toEqual([0, 5, 3, 2.5]);
  });
});

describe('CAGR and Calmar', () => {
  it('compounds over years of 365.25 days', () => {
    // Doubling over exactly 365.25 days is 100 %; +21 % over two such years is 10 % a year (1.1² = 1.21).
    expect(cagrPct(1000, 2000, 365.25 * DAY_MS)).toBeCloseTo(100, 9);
    expect(cagrPct(1000, 1210, 2 * 365.25 * DAY_MS)).toBeCloseTo(10, 9);
    // The five-day curve: 1.00969902^(365.25 / 5) − 1 = 102.40 %.
    expect(cagrPct(1000, 1009.69902, 5 * DAY_MS)).toBeCloseTo(102.4048, 3);
  });

  it('is 0 for a period shorter than a day and −100 when the account is gone', () => {
    expect(cagrPct(1000, 1100, DAY_MS - 1)).toBe(0);
    expect(cagrPct(1000, 0, 30 * DAY_MS)).toBe(-100);
  });

  it('Calmar is CAGR % over max drawdown %, +Infinity for growth without a drawdown', () => {
    expect(calmar(30, 10)).toBe(3);
    expect(calmar(30, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(calmar(0, 0)).toBe(0);
  });
});
