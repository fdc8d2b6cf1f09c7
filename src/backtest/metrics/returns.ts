// The equity curve cut into UTC days and months: the returns behind Sharpe, Sortino, Omega and the heatmap.

import { DAY_MS, dayLabel } from './stats.js';
import type { DailyReturn, DayResult, EquityCurve, MonthlyReturn } from './types.js';

function returnPct(equity: number, previous: number): number {
  return previous > 0 ? (equity / previous - 1) * 100 : 0;
}

/**
 * One entry per UTC day from the first sample's day to the last's: the day's last equity against the
 * previous day's (the first day against `initialEquity`). A day without samples carries the previous
 * equity forward, a 0 % day. A previous equity of zero or less gives a 0 % day (nothing left to return on).
 */
export function dailyReturns(curve: EquityCurve, initialEquity: number): DailyReturn[] {
  const closes: { day: number; equity: number }[] = [];
  const { time, equity: values } = curve;
  const n = values.length;
  // Times never run backwards, so each day's samples are one run: its last sample is found by a
  // search, not by visiting every sample (a million of them is common).
  for (let i = 0; i < n; ) {
    const day = Math.floor((time[i] as number) / DAY_MS);
    const next = firstAtOrAfter(time, (day + 1) * DAY_MS, i + 1, n);
    closes.push({ day, equity: values[next - 1] as number });
    i = next;
  }
  const out: DailyReturn[] = [];
  let previous = initialEquity;
  let previousDay = (closes[0]?.day ?? 0) - 1;
  for (const { day, equity } of closes) {
    for (let gap = previousDay + 1; gap < day; gap++) {
      out.push({ date: dayLabel(gap), equity: previous, pnl: 0, returnPct: 0 });
    }
    out.push({ date: dayLabel(day), equity, pnl: equity - previous, returnPct: returnPct(equity, previous) });
    previous = equity;
    previousDay = day;
  }
  return out;
}

/**
 * The first index in [from, to) whose time is at or after `t` (`to` when none), in times that never
 * decrease: steps doubling from `from`, then a binary search in the last step.
 */
function firstAtOrAfter(time: ArrayLike<number>, t: number, from: number, to: number): number {
  let low = from;
  let step = 1;
  while (low + step < to && (time[low + step - 1] as number) < t) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step, to);
  // Now every index before `low` is < t, and `high` is `to` or an index at or after t.
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((time[mid] as number) < t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One entry per UTC month: its last equity against the previous month's (the first month against `initialEquity`). */
export function monthlyReturns(days: readonly DailyReturn[], initialEquity: number): MonthlyReturn[] {
  const closes: { month: string; equity: number }[] = [];
  for (const d of days) {
    const month = d.date.slice(0, 7);
    const last = closes[closes.length - 1];
    if (last !== undefined && last.month === month) last.equity = d.equity;
    else closes.push({ month, equity: d.equity });
  }
  let previous = initialEquity;
  return closes.map(({ month, equity }) => {
    const entry = { month, returnPct: returnPct(equity, previous) };
    previous = equity;
    return entry;
  });
}

/** The day with the highest (`best`) or lowest return; the earliest on a tie; null without days. */
export function extremeDay(days: readonly DailyReturn[], which: 'best' | 'worst'): DayResult | null {
  let pick: DailyReturn | undefined;
  for (const d of days) {
    if (pick === undefined || (which === 'best' ? d.returnPct > pick.returnPct : d.returnPct < pick.returnPct)) pick = d;
  }
  return pick === undefined ? null : { date: pick.date, pnl: pick.pnl, pct: pick.returnPct };
}
