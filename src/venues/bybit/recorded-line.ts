// A line of a recorded WebSocket capture: the JSON payload, optionally after the local time it was received.
import { InputError, describeValue } from '../../core/errors.js';

export interface RecordedLine {
  /** Receive time in ms, when the recorder wrote one. */
  readonly receivedAt: number | undefined;
  /** The payload exactly as Bybit sent it. */
  readonly payload: string;
}

const EPOCH = /^(\d+)(?:\.(\d+))?$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\S+$/;

/**
 * Splits `{...}`, `<time> {...}` or `<time>,{...}` / `<time>\t{...}`. The time is epoch seconds
 * (10 digits, or with a fraction), ms (13), µs (16) or ns (19), or an ISO date-time.
 * @throws InputError when the text before the payload is not such a time.
 */
export function splitRecordedLine(line: string): RecordedLine {
  const start = line.indexOf('{');
  if (start <= 0) return { receivedAt: undefined, payload: start === 0 ? line : line.trim() };
  const prefix = line.slice(0, start).trim().replace(/[,;]$/, '').trim();
  return { receivedAt: receiveTime(prefix), payload: line.slice(start) };
}

function receiveTime(prefix: string): number {
  const epoch = EPOCH.exec(prefix);
  if (epoch) {
    const [, whole = '', fraction] = epoch;
    if (fraction !== undefined || whole.length <= 10) return Math.round(Number(prefix) * 1000);
    if (whole.length <= 13) return Number(whole);
    if (whole.length <= 16) return Math.floor(Number(whole) / 1000);
    if (whole.length <= 19) return Number(BigInt(whole) / 1_000_000n);
  } else if (ISO_TIME.test(prefix)) {
    const ms = Date.parse(prefix);
    if (Number.isFinite(ms)) return ms;
  }
  throw new InputError(`the text before the JSON payload must be a receive time (epoch s/ms/µs/ns or ISO), got ${describeValue(prefix)}`);
}
