// Checks candles before anything trusts them: broken values, broken order, holes, frozen feeds, spikes, staleness.
import { CANDLE_FLAG, CandleSeries } from '../candle-series.js';
import { makeFinding, type Finding, type PolicyAction } from './finding.js';
import { DEFAULT_CANDLE_POLICY, DEFAULT_CANDLE_THRESHOLDS, type CandleCheck, type CandlePolicy, type CandleThresholds } from './policy.js';
import { RollingMedianMad } from './rolling-median.js';

export interface CandleValidationOptions {
  readonly timeframeMs: number;
  readonly policy?: Partial<CandlePolicy>;
  readonly thresholds?: Partial<CandleThresholds>;
  /** The clock's time; the stale check runs only when it is given. */
  readonly now?: number;
}

export interface CandleValidation {
  /** False when any finding's action is reject. */
  readonly ok: boolean;
  readonly findings: Finding[];
  /** The series after the repairs (the input itself when nothing was repaired). */
  readonly series: CandleSeries;
}

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString().replace('.000Z', 'Z') : String(t));

export function validateCandles(input: CandleSeries, options: CandleValidationOptions): CandleValidation {
  const policy: CandlePolicy = { ...DEFAULT_CANDLE_POLICY, ...options.policy };
  const limits: CandleThresholds = { ...DEFAULT_CANDLE_THRESHOLDS, ...options.thresholds };
  const tf = options.timeframeMs;
  const findings: Finding[] = [];
  const report = (check: CandleCheck, timestamp: number, value: number | string, message: string, action: PolicyAction = policy[check]) =>
    findings.push(makeFinding(check, action, timestamp, value, message));

  if (input.length === 0) {
    report('empty', NaN, 0, 'no candles at all');
    return { ok: policy.empty !== 'reject', findings, series: input };
  }

  let series = input;
  series = dropBadRows(series, policy, report);
  series = checkOhlc(series, policy.ohlc, report);
  series = checkOrder(series, policy, report);
  checkAlignment(series, tf, report);
  series = checkGaps(series, tf, policy.gap, limits.maxGapFill, report);
  checkRuns(series, limits, report);
  checkSpikes(series, limits, report);
  if (options.now !== undefined && series.length > 0) {
    const lastClose = series.columns.time[series.length - 1]! + tf;
    const age = options.now - lastClose;
    if (age > limits.staleAfterMs) report('stale', series.columns.time[series.length - 1]!, age, `last candle closed ${Math.round(age / 1000)} s ago (limit ${limits.staleAfterMs / 1000} s)`);
  }
  return { ok: !findings.some((f) => f.action === 'reject'), findings, series };
}

type Report = (check: CandleCheck, timestamp: number, value: number | string, message: string, action?: PolicyAction) => void;

/** Non-finite values and non-positive prices (or negative volume); repair drops the row. */
function dropBadRows(series: CandleSeries, policy: CandlePolicy, report: Report): CandleSeries {
  const c = series.columns;
  const drop: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const values = [c.time[i]!, c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!];
    const bad = values.find((v) => !Number.isFinite(v));
    if (bad !== undefined) {
      report('nonFinite', c.time[i]!, String(bad), `row ${i + 1} has a non-finite value (${bad})`);
      if (policy.nonFinite === 'repair') drop.push(i);
      continue;
    }
    const price = Math.min(c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!);
    if (price <= 0 || c.volume[i]! < 0) {
      const value = price <= 0 ? price : c.volume[i]!;
      report('nonPositive', c.time[i]!, value, price <= 0 ? `price ${price} at ${iso(c.time[i]!)} is not positive` : `volume ${value} at ${iso(c.time[i]!)} is negative`);
      if (policy.nonPositive === 'repair') drop.push(i);
    }
  }
  return drop.length === 0 ? series : keepRows(series, drop);
}

function keepRows(series: CandleSeries, drop: number[]): CandleSeries {
  const skip = new Set(drop);
  const out = new CandleSeries(series.length - drop.length);
  for (let i = 0; i < series.length; i++) if (!skip.has(i)) out.push(series.at(i));
  return out;
}

/** High below max(open, close), low above min(open, close); repair widens the range. */
function checkOhlc(series: CandleSeries, action: PolicyAction, report: Report): CandleSeries {
  let c = series.columns;
  let copied = false;
  for (let i = 0; i < series.length; i++) {
    const top = Math.max(c.open[i]!, c.close[i]!);
    const bottom = Math.min(c.open[i]!, c.close[i]!);
    if (c.high[i]! >= top && c.low[i]! <= bottom) continue;
    if (!Number.isFinite(top + bottom + c.high[i]! + c.low[i]!)) continue; // already reported by nonFinite
    const what = c.high[i]! < top ? `high ${c.high[i]} below max(open, close) ${top}` : `low ${c.low[i]} above min(open, close) ${bottom}`;
    report('ohlc', c.time[i]!, c.high[i]! < top ? c.high[i]! : c.low[i]!, `${what} at ${iso(c.time[i]!)}`);
    if (action === 'repair') {
      if (!copied) {
        series = series.slice(0, series.length);
        c = series.columns;
        copied = true;
      }
      c.high[i] = Math.max(c.high[i]!, top);
      c.low[i] = Math.min(c.low[i]!, bottom);
    }
  }
  return series;
}

/** Out-of-order and duplicate open times; repair sorts (stable) and keeps the last of equal times. */
function checkOrder(series: CandleSeries, policy: CandlePolicy, report: Report): CandleSeries {
  const t = series.columns.time;
  let unordered = false;
  for (let i = 1; i < series.length; i++) {
    if (t[i]! < t[i - 1]!) {
      report('outOfOrder', t[i]!, t[i]!, `candle ${iso(t[i]!)} comes after ${iso(t[i - 1]!)}`);
      unordered = true;
    }
  }
  if (unordered && policy.outOfOrder === 'repair') {
    const rows = series.toArray().map((candle, index) => ({ candle, index }));
    rows.sort((a, b) => a.candle.time - b.candle.time || a.index - b.index);
    series = CandleSeries.fromCandles(rows.map((r) => r.candle));
  }
  const times = series.columns.time;
  const duplicates: number[] = [];
  for (let i = 1; i < series.length; i++) {
    if (times[i] === times[i - 1]) {
      report('duplicate', times[i]!, times[i]!, `two candles open at ${iso(times[i]!)}`);
      duplicates.push(i - 1); // Keep the later row: a re-download corrects an earlier one.
    }
  }
  return duplicates.length > 0 && policy.duplicate === 'repair' ? keepRows(series, duplicates) : series;
}

function checkAlignment(series: CandleSeries, tf: number, report: Report): void {
  const t = series.columns.time;
  let count = 0;
  for (let i = 0; i < series.length; i++) {
    if (t[i]! % tf !== 0 && count++ < 20) report('misaligned', t[i]!, t[i]! % tf, `candle ${iso(t[i]!)} does not start on a ${tf / 60_000}-minute UTC boundary`);
  }
}

/** Missing candles; repair forward-fills short gaps with synthetic flat candles of zero volume. */
function checkGaps(series: CandleSeries, tf: number, action: PolicyAction, maxFill: number, report: Report): CandleSeries {
  const c = series.columns;
  const fills: Array<{ after: number; count: number }> = [];
  for (let i = 1; i < series.length; i++) {
    const step = c.time[i]! - c.time[i - 1]!;
    if (step <= tf) continue;
    const missing = Math.round(step / tf) - 1;
    if (missing < 1) continue;
    const fillable = action === 'repair' && missing <= maxFill;
    const span = `${iso(c.time[i - 1]! + tf)} to ${iso(c.time[i]! - tf)}`;
    report('gap', c.time[i - 1]! + tf, missing, fillable ? `${missing} missing candle(s) ${span}, forward-filled as synthetic` : `${missing} missing candle(s) ${span}${action === 'repair' ? ` (longer than ${maxFill}, not filled)` : ''}`, action === 'repair' && !fillable ? 'warn' : action);
    if (fillable) fills.push({ after: i - 1, count: missing });
  }
  if (fills.length === 0) return series;
  const out = new CandleSeries(series.length + fills.reduce((n, f) => n + f.count, 0));
  let next = 0;
  for (let i = 0; i < series.length; i++) {
    out.push(series.at(i));
    if (fills[next]?.after === i) {
      const close = c.close[i]!;
      for (let k = 1; k <= fills[next]!.count; k++) out.append(c.time[i]! + k * tf, close, close, close, close, 0, 0, CANDLE_FLAG.synthetic);
      next++;
    }
  }
  return out;
}

/** Runs of zero volume and of an unchanged price: a frozen or broken feed. */
function checkRuns(series: CandleSeries, limits: CandleThresholds, report: Report): void {
  const c = series.columns;
  const n = series.length;
  let zeroStart = -1;
  let flatStart = -1;
  for (let i = 0; i <= n; i++) {
    const synthetic = i < n && (c.flags[i]! & CANDLE_FLAG.synthetic) !== 0;
    const zero = i < n && !synthetic && c.volume[i] === 0;
    if (zero && zeroStart < 0) zeroStart = i;
    if (!zero && zeroStart >= 0) {
      if (i - zeroStart >= limits.zeroVolumeRun) report('zeroVolume', c.time[zeroStart]!, i - zeroStart, `${i - zeroStart} consecutive candles with zero volume from ${iso(c.time[zeroStart]!)}`);
      zeroStart = -1;
    }
    const flat = i < n && !synthetic && c.open[i] === c.high[i] && c.high[i] === c.low[i] && c.low[i] === c.close[i] && (flatStart < 0 || c.close[i] === c.close[flatStart]);
    if (flat && flatStart < 0) flatStart = i;
    if (!flat && flatStart >= 0) {
      if (i - flatStart >= limits.flatRun) report('flat', c.time[flatStart]!, i - flatStart, `price stuck at ${c.close[flatStart]} for ${i - flatStart} candles from ${iso(c.time[flatStart]!)}`);
      flatStart = i < n && c.open[i] === c.high[i] && c.high[i] === c.low[i] && c.low[i] === c.close[i] ? i : -1;
    }
  }
}

/** Close-to-close log returns far outside the rolling robust spread (median ± MAD) of the returns before them. */
function checkSpikes(series: CandleSeries, limits: CandleThresholds, report: Report): void {
  const close = series.columns.close;
  const time = series.columns.time;
  const window = new RollingMedianMad(limits.spikeWindow);
  for (let i = 1; i < series.length; i++) {
    const r = Math.log(close[i]! / close[i - 1]!);
    if (!Number.isFinite(r)) continue;
    if (window.full) {
      const { median, mad } = window.stats();
      if (mad > 0) {
        const z = Math.abs(r - median) / (1.4826 * mad);
        if (z > limits.spikeZ) report('spike', time[i]!, Number(z.toFixed(1)), `close ${close[i]} at ${iso(time[i]!)} moved ${(100 * (Math.exp(r) - 1)).toFixed(2)} % (robust z ${z.toFixed(1)} > ${limits.spikeZ})`);
      }
    }
    window.push(r);
  }
}
