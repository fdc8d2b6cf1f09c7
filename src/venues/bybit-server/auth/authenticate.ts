// Checks a private request as Bybit does (§2.3–2.4, §14): the key (10003), the timestamp window (10002), then the signature (10004).
import { BybitError, RET } from '../http/envelope.js';
import type { ApiKey } from './api-keys.js';
import { prehash, signatureMatches } from './signature.js';

/** Bybit's default X-BAPI-RECV-WINDOW. */
export const DEFAULT_RECV_WINDOW = 5000;
/** How far ahead of server time a timestamp may be (the rule's "+ 1000"). */
const FUTURE_TOLERANCE_MS = 1000;

export interface SignedRequest {
  /** A request header by name (case-insensitive), undefined when absent. */
  header(name: string): string | undefined;
  /** The raw query string of a GET (no "?"), the raw body of a POST: what the client signed. */
  readonly payload: string;
}

/**
 * The key that signed `request`, or a BybitError. A missing or unknown key answers HTTP 401 with
 * 10003 (§4.1: use the correct key, put the auth headers in); the other failures HTTP 200.
 * `clockRate` is how many server milliseconds pass per real one (a replay played faster than real
 * time): the window is the client's real time, so it widens by that factor (Infinity: any time).
 */
export function authenticate(keys: ReadonlyMap<string, ApiKey>, request: SignedRequest, serverTime: number, clockRate = 1): ApiKey {
  const apiKey = request.header('X-BAPI-API-KEY');
  if (apiKey === undefined || apiKey === '') throw new BybitError(RET.apiKey, 'API key is invalid: the X-BAPI-API-KEY header is missing', 401);
  const key = keys.get(apiKey);
  if (key === undefined) throw new BybitError(RET.apiKey, 'API key is invalid.', 401);
  const timestampText = request.header('X-BAPI-TIMESTAMP') ?? '';
  const windowText = request.header('X-BAPI-RECV-WINDOW');
  checkTimestamp(timestampText, windowText, serverTime, clockRate);
  const signature = request.header('X-BAPI-SIGN') ?? '';
  // The recvWindow in the signed string is the header exactly as sent ("" when the client sent none).
  if (!signatureMatches(key.secret, prehash(timestampText, apiKey, windowText ?? '', request.payload), signature)) {
    throw new BybitError(RET.sign, 'Error sign, please check your signature generation algorithm.');
  }
  return key;
}

/** server_time - recv_window <= timestamp < server_time + 1000 (both scaled by `clockRate`), else 10002 in the words Bybit uses. */
function checkTimestamp(timestampText: string, windowText: string | undefined, serverTime: number, clockRate: number): void {
  const timestamp = /^\d{1,16}$/.test(timestampText) ? Number(timestampText) : NaN;
  const window = windowText === undefined ? DEFAULT_RECV_WINDOW : /^\d{1,9}$/.test(windowText) ? Number(windowText) : NaN;
  const unbounded = clockRate === Infinity && Number.isFinite(timestamp) && Number.isFinite(window);
  const inWindow = unbounded || (serverTime - window * clockRate <= timestamp && timestamp < serverTime + FUTURE_TOLERANCE_MS * clockRate);
  if (!inWindow) {
    throw new BybitError(
      RET.timestamp,
      `invalid request, please check your server timestamp or recv_window param. req_timestamp[${timestampText}],server_timestamp[${serverTime}],recv_window[${windowText ?? DEFAULT_RECV_WINDOW}]`,
    );
  }
}
