// Rejects metrics input that would make the numbers lie (non-finite money, time running backwards) with a message naming the field.

import { InputError, describeValue } from '../../core/errors.js';
import type { EquityCurve, MetricsInput } from './types.js';

function finite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new InputError(`metrics: ${name} must be a finite number, got ${describeValue(value)}`);
}

function positive(name: string, value: number): void {
  finite(name, value);
  if (value <= 0) throw new InputError(`metrics: ${name} must be positive, got ${describeValue(value)}`);
}

/** Same-length columns, finite samples, times never running backwards. */
function validateEquityCurve({ time, equity }: EquityCurve): void {
  if (time.length !== equity.length) {
    throw new InputError(`metrics: equity.time has ${time.length} samples but equity.equity has ${equity.length}; the columns must be the same length`);
  }
  const bad = firstBadSample(time, equity);
  if (bad < 0) return;
  const t = time[bad] as number;
  finite(`equity[${bad}].time`, t);
  finite(`equity[${bad}].equity`, equity[bad] as number);
  throw new InputError(`metrics: equity[${bad}].time ${t} is before the previous point's ${time[bad - 1]}`);
}

/**
 * Index of the first sample with a non-finite time or equity or a time before the previous one; -1 when
 * all are fine. A bare numeric loop: the curve has a sample per candle (a million is common), and names
 * and messages are only built for a bad sample.
 */
function firstBadSample(time: ArrayLike<number>, equity: ArrayLike<number>): number {
  let previous = Number.NEGATIVE_INFINITY;
  const n = time.length;
  for (let i = 0; i < n; i++) {
    const t = time[i] as number;
    const value = equity[i] as number;
    // x - x is 0 for every finite x, NaN for NaN and ±Infinity.
    if (t - t !== 0 || value - value !== 0 || t < previous) return i;
    previous = t;
  }
  return -1;
}

const TRADE_NUMBERS = ['entryTime', 'exitTime', 'entryPrice', 'exitPrice', 'quantity', 'fees', 'funding', 'slippage', 'pnl'] as const;

export function validateMetricsInput(input: MetricsInput): void {
  positive('initialEquity', input.initialEquity);
  finite('start', input.start);
  finite('end', input.end);
  if (input.end < input.start) {
    throw new InputError(`metrics: end ${describeValue(input.end)} is before start ${describeValue(input.start)}`);
  }
  positive('buyAndHold.firstClose', input.buyAndHold.firstClose);
  positive('buyAndHold.lastClose', input.buyAndHold.lastClose);

  validateEquityCurve(input.equity);

  const trades = input.trades;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    // The common case in one expression of plain field reads (a run can close tens of thousands of
    // trades); the field is named only once one of them is found wrong.
    if (!finiteTrade(t)) {
      for (const field of TRADE_NUMBERS) finite(`trades[${i}].${field}`, t[field]);
    }
    if (t.exitTime < t.entryTime) throw new InputError(`metrics: trades[${i}] exits at ${t.exitTime}, before its entry at ${t.entryTime}`);
    if (t.risk !== undefined) finite(`trades[${i}].risk`, t.risk);
  }
}

/** Every number of the trade is finite. */
function finiteTrade(t: MetricsInput['trades'][number]): boolean {
  return (
    Number.isFinite(t.entryTime) &&
    Number.isFinite(t.exitTime) &&
    Number.isFinite(t.entryPrice) &&
    Number.isFinite(t.exitPrice) &&
    Number.isFinite(t.quantity) &&
    Number.isFinite(t.fees) &&
    Number.isFinite(t.funding) &&
    Number.isFinite(t.slippage) &&
    Number.isFinite(t.pnl)
  );
}
