// Rejects metrics input that would make the numbers lie (non-finite money, time running backwards) with a message naming the field.

import { InputError, describeValue } from '../../core/errors.js';
import type { EquityPoint, MetricsInput } from './types.js';

function finite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new InputError(`metrics: ${name} must be a finite number, got ${describeValue(value)}`);
}

function positive(name: string, value: number): void {
  finite(name, value);
  if (value <= 0) throw new InputError(`metrics: ${name} must be positive, got ${describeValue(value)}`);
}

export function validateMetricsInput(input: MetricsInput): void {
  positive('initialEquity', input.initialEquity);
  finite('start', input.start);
  finite('end', input.end);
  if (input.end < input.start) {
    throw new InputError(`metrics: end ${describeValue(input.end)} is before start ${describeValue(input.start)}`);
  }
  positive('buyAndHold.firstClose', input.buyAndHold.firstClose);
  positive('buyAndHold.lastClose', input.buyAndHold.lastClose);

  // The curve has a point per candle (a million is common): names are only built for a bad point.
  let previousTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < input.equity.length; i++) {
    const p = input.equity[i] as EquityPoint;
    if (!Number.isFinite(p.time)) finite(`equity[${i}].time`, p.time);
    if (!Number.isFinite(p.equity)) finite(`equity[${i}].equity`, p.equity);
    if (p.time < previousTime) throw new InputError(`metrics: equity[${i}].time ${p.time} is before the previous point's ${previousTime}`);
    previousTime = p.time;
  }

  input.trades.forEach((t, i) => {
    for (const field of ['entryTime', 'exitTime', 'entryPrice', 'exitPrice', 'quantity', 'fees', 'funding', 'slippage', 'pnl'] as const) {
      finite(`trades[${i}].${field}`, t[field]);
    }
    if (t.exitTime < t.entryTime) throw new InputError(`metrics: trades[${i}] exits at ${t.exitTime}, before its entry at ${t.entryTime}`);
    if (t.risk !== undefined) finite(`trades[${i}].risk`, t.risk);
  });
}
