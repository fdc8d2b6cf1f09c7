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
  // The curve has a sample per candle (a million is common): names are only built for a bad sample.
  let previousTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < time.length; i++) {
    const t = time[i] as number;
    const value = equity[i] as number;
    if (!Number.isFinite(t)) finite(`equity[${i}].time`, t);
    if (!Number.isFinite(value)) finite(`equity[${i}].equity`, value);
    if (t < previousTime) throw new InputError(`metrics: equity[${i}].time ${t} is before the previous point's ${previousTime}`);
    previousTime = t;
  }
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

  input.trades.forEach((t, i) => {
    for (const field of TRADE_NUMBERS) {
      if (!Number.isFinite(t[field])) finite(`trades[${i}].${field}`, t[field]);
    }
    if (t.exitTime < t.entryTime) throw new InputError(`metrics: trades[${i}] exits at ${t.exitTime}, before its entry at ${t.entryTime}`);
    if (t.risk !== undefined) finite(`trades[${i}].risk`, t.risk);
  });
}
