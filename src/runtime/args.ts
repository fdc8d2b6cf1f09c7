// Turns command-line text into checked values (times, symbols, timeframes), each error naming its argument.
import { InputError, describeValue } from '../core/errors.js';
import { parseTimeframe, TIMEFRAMES, type Timeframe } from '../domain/timeframe.js';

export { TIMEFRAMES, type Timeframe };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time argument: YYYY-MM-DD (UTC), an ISO date-time (UTC unless it names an offset) or epoch
 * milliseconds. A date-only `--to` means the end of that day, so `--to 2025-06-30` includes June 30.
 */
export function parseTimeArg(value: string, argument: string, bound: 'start' | 'end' = 'start'): number {
  const text = value.trim();
  let time: number;
  if (/^\d{10,16}$/.test(text)) time = Number(text);
  else if (DATE_ONLY.test(text)) {
    time = Date.parse(`${text}T00:00:00Z`);
    if (bound === 'end') time += 86_400_000 - 1;
  } else if (DATE_TIME.test(text)) {
    const iso = text.replace(' ', 'T');
    time = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
  } else time = NaN;
  if (!Number.isFinite(time) || (DATE_ONLY.test(text) && new Date(Date.parse(`${text}T00:00:00Z`)).toISOString().slice(0, 10) !== text)) {
    throw new InputError(`${argument}: ${describeValue(value)} is not a date; expected YYYY-MM-DD, an ISO date-time or epoch milliseconds`);
  }
  return time;
}

export function parseRange(from: string, to: string): { from: number; to: number } {
  const start = parseTimeArg(from, '--from', 'start');
  const end = parseTimeArg(to, '--to', 'end');
  if (start >= end) throw new InputError(`--from ${describeValue(from)} is not before --to ${describeValue(to)}`);
  return { from: start, to: end };
}

/** Optional --from/--to: both checked as a range when both are given. */
export function parseOptionalRange(from: string | undefined, to: string | undefined): { from?: number; to?: number } {
  if (from && to) return parseRange(from, to);
  return { ...(from ? { from: parseTimeArg(from, '--from') } : {}), ...(to ? { to: parseTimeArg(to, '--to', 'end') } : {}) };
}

export function parseSymbol(value: string, argument = '--symbol'): string {
  const symbol = value.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,30}$/.test(symbol)) throw new InputError(`${argument}: ${describeValue(value)} is not a symbol; expected letters and digits such as SOLUSDT`);
  return symbol;
}

export function parseTimeframeArg(value: string, argument = '--interval'): Timeframe {
  return parseTimeframe(value, argument);
}

export function parseDurationArg(value: string, argument: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim());
  if (!m) throw new InputError(`${argument}: ${describeValue(value)} is not a duration; expected a number with ms, s, m, h or d (e.g. 10m)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
