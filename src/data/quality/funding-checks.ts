// Checks a funding history before the simulator charges it: order, holes in the settlement schedule, absurd rates.
import { DEFAULT_FUNDING_INTERVAL_MS } from '../../domain/funding.js';
import type { FundingSeries } from '../funding-series.js';
import { makeFinding, type Finding, type PolicyAction } from './finding.js';

export interface FundingValidationOptions {
  readonly intervalMs?: number;
  /** A rate beyond ± this fraction per interval is reported (Bybit caps most pairs far below 3 %). */
  readonly maxAbsRate?: number;
  readonly now?: number;
}

export function validateFunding(series: FundingSeries, options: FundingValidationOptions = {}): { ok: boolean; findings: Finding[] } {
  const interval = options.intervalMs ?? DEFAULT_FUNDING_INTERVAL_MS;
  const maxAbs = options.maxAbsRate ?? 0.03;
  const findings: Finding[] = [];
  const add = (check: string, timestamp: number, value: number | string, action: PolicyAction, message: string) =>
    findings.push(makeFinding(check, action, timestamp, value, message));
  const at = (t: number) => new Date(t).toISOString();

  if (series.length === 0) add('empty', NaN, 0, 'reject', 'no funding settlements at all');
  for (let i = 0; i < series.length; i++) {
    const t = series.time[i]!;
    const rate = series.rate[i]!;
    if (!Number.isFinite(t) || !Number.isFinite(rate)) {
      add('nonFinite', t, String(Number.isFinite(t) ? rate : t), 'reject', `row ${i + 1} has a non-finite value`);
      continue;
    }
    if (Math.abs(rate) > maxAbs) add('extremeRate', t, rate, 'warn', `funding rate ${rate} at ${at(t)} is beyond ±${maxAbs}`);
    if (i === 0) continue;
    const previous = series.time[i - 1]!;
    if (t < previous) add('outOfOrder', t, t, 'reject', `settlement ${at(t)} comes after ${at(previous)}`);
    else if (t === previous) add('duplicate', t, t, 'reject', `two settlements at ${at(t)}`);
    else if (t - previous > interval * 1.5) {
      const missing = Math.round((t - previous) / interval) - 1;
      add('gap', previous + interval, missing, 'warn', `${missing} funding settlement(s) missing after ${at(previous)}`);
    }
  }
  if (options.now !== undefined && series.length > 0) {
    const age = options.now - series.time[series.length - 1]!;
    if (age > interval * 2) add('stale', series.time[series.length - 1]!, age, 'warn', `last settlement is ${Math.round(age / 3_600_000)} h old`);
  }
  return { ok: !findings.some((f) => f.action === 'reject'), findings };
}
