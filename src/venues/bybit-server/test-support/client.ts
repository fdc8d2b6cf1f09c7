// A small signed REST client for tests: Bybit's headers and signature over exactly the bytes sent, with knobs to break each part.
import { prehash, sign } from '../auth/signature.js';
import type { LocalExchange } from '../index.js';

export interface Key {
  readonly key: string;
  readonly secret: string;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed envelope. */
  readonly body: { retCode: number; retMsg: string; result: any; retExtInfo: unknown; time: number };
  readonly text: string;
}

export interface Tweaks {
  /** X-BAPI-TIMESTAMP (default: the exchange clock). */
  readonly timestamp?: number;
  /** X-BAPI-RECV-WINDOW as sent; null leaves the header out. Default "5000". */
  readonly recvWindow?: string | null;
  /** X-BAPI-SIGN to send instead of the right one. */
  readonly signature?: string;
  /** Raw query string or body to send instead of the serialised params (signed as sent unless `signature` is given). */
  readonly raw?: string;
}

/** Parameters as a query string, in the order given (what gets signed and sent). */
function queryString(params: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text), text };
}

/** An unsigned GET of a public endpoint. */
export async function publicGet(exchange: LocalExchange, path: string, params: Record<string, string | number> = {}): Promise<Answer> {
  const query = queryString(params);
  return answer(await fetch(`${exchange.url}${path}${query === '' ? '' : `?${query}`}`));
}

/** A signed private request: GET params in the query string, POST params as a JSON body. */
export async function signed(exchange: LocalExchange, key: Key, method: 'GET' | 'POST', path: string, params: Record<string, unknown> = {}, tweaks: Tweaks = {}): Promise<Answer> {
  const payload = tweaks.raw ?? (method === 'GET' ? queryString(params) : JSON.stringify(params));
  const timestamp = String(tweaks.timestamp ?? exchange.clock.now());
  const recvWindow = tweaks.recvWindow === undefined ? '5000' : tweaks.recvWindow;
  const headers: Record<string, string> = {
    'X-BAPI-API-KEY': key.key,
    'X-BAPI-TIMESTAMP': timestamp,
    'X-BAPI-SIGN': tweaks.signature ?? sign(key.secret, prehash(timestamp, key.key, recvWindow ?? '', payload)),
    'X-BAPI-SIGN-TYPE': '2',
  };
  if (recvWindow !== null) headers['X-BAPI-RECV-WINDOW'] = recvWindow;
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  const url = `${exchange.url}${path}${method === 'GET' && payload !== '' ? `?${payload}` : ''}`;
  return answer(await fetch(url, { method, headers, ...(method === 'POST' ? { body: payload } : {}) }));
}

export const get = (exchange: LocalExchange, key: Key, path: string, params: Record<string, unknown> = {}, tweaks: Tweaks = {}) =>
  signed(exchange, key, 'GET', path, params, tweaks);
export const post = (exchange: LocalExchange, key: Key, path: string, params: Record<string, unknown> = {}, tweaks: Tweaks = {}) =>
  signed(exchange, key, 'POST', path, params, tweaks);
