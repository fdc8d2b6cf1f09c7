// Bybit V5 HMAC-SHA256 signing (§2.4 REST, §9.3 WebSocket auth), with the API secret sealed inside one object.
import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { InputError, describeValue } from '../../core/errors.js';

/** Bybit's default X-BAPI-RECV-WINDOW, ms. */
export const DEFAULT_RECV_WINDOW = 5000;

/**
 * An API key and its secret. The secret cannot be read back: it is only used to sign, and
 * printing, logging or serialising the object shows the key alone, so it never reaches a message.
 */
export class ApiCredentials {
  readonly #secret: string;

  constructor(
    readonly apiKey: string,
    apiSecret: string,
  ) {
    if (typeof apiKey !== 'string' || apiKey.trim() === '') throw new InputError(`Bybit API key must be a non-empty string, got ${describeValue(apiKey)}`);
    // Never echo the secret, not even a malformed one.
    if (typeof apiSecret !== 'string' || apiSecret === '') throw new InputError('Bybit API secret must be a non-empty string');
    this.#secret = apiSecret;
  }

  /** Lowercase hex HMAC-SHA256 of `text` under the secret. */
  sign(text: string): string {
    return createHmac('sha256', this.#secret).update(text, 'utf8').digest('hex');
  }

  toJSON(): { apiKey: string } {
    return { apiKey: this.apiKey };
  }

  toString(): string {
    return `ApiCredentials(${this.apiKey})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

export interface SignOptions {
  /** X-BAPI-TIMESTAMP: the caller's clock (plus the server offset), ms. */
  readonly timestamp: number;
  readonly recvWindow?: number;
}

/** The string Bybit signs: timestamp + api key + recv window + (query string | JSON body). */
export function restPrehash(timestamp: number, apiKey: string, recvWindow: number, payload: string): string {
  return `${timestamp}${apiKey}${recvWindow}${payload}`;
}

/** The four auth headers for a request whose query string or body is exactly `payload`. */
export function signedHeaders(credentials: ApiCredentials, payload: string, options: SignOptions): Record<string, string> {
  const timestamp = requireInteger(options.timestamp, 'timestamp', 0);
  const recvWindow = requireInteger(options.recvWindow ?? DEFAULT_RECV_WINDOW, 'recvWindow', 1);
  return {
    'X-BAPI-API-KEY': credentials.apiKey,
    'X-BAPI-TIMESTAMP': String(timestamp),
    'X-BAPI-SIGN': credentials.sign(restPrehash(timestamp, credentials.apiKey, recvWindow, payload)),
    'X-BAPI-RECV-WINDOW': String(recvWindow),
  };
}

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** key=value pairs in insertion order, URI-encoded, undefined values left out: what is signed is what is sent. */
export function queryString(params: QueryParams): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

/** A signed GET: send `query` (no leading '?') with `headers`. */
export function signGet(credentials: ApiCredentials, params: QueryParams, options: SignOptions): { query: string; headers: Record<string, string> } {
  const query = queryString(params);
  return { query, headers: signedHeaders(credentials, query, options) };
}

/** A signed POST: send `body` byte for byte (a string is signed as given; an object is JSON.stringify'd once). */
export function signPost(credentials: ApiCredentials, body: string | object, options: SignOptions): { body: string; headers: Record<string, string> } {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { body: text, headers: { ...signedHeaders(credentials, text, options), 'Content-Type': 'application/json' } };
}

/** The string the private WebSocket auth signs. */
export function wsAuthPrehash(expires: number): string {
  return `GET/realtime${expires}`;
}

/** The `auth` op message: `expires` is a future time in ms (now + a few seconds). */
export function wsAuthMessage(credentials: ApiCredentials, expires: number, reqId?: string): { req_id?: string; op: 'auth'; args: [string, number, string] } {
  const at = requireInteger(expires, 'expires', 1);
  const args: [string, number, string] = [credentials.apiKey, at, credentials.sign(wsAuthPrehash(at))];
  return reqId === undefined ? { op: 'auth', args } : { req_id: reqId, op: 'auth', args };
}

function requireInteger(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new InputError(`Bybit signing: ${name} must be an integer >= ${min}, got ${describeValue(value)}`);
  return value;
}
