// Signed requests for the fault tests: the raw answer (a 5xx page is not JSON), an abort signal, and small waits.
import { monotonicNow } from '../../../../core/clock.js';
import { prehash, sign } from '../../auth/signature.js';
import type { LocalExchange } from '../../index.js';
import type { Key } from '../../test-support/client.js';
import { SOL, TRADER } from '../../test-support/fixtures.js';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The envelope; throws when the body is not JSON. */
  readonly body: { retCode: number; retMsg: string; result: any; retExtInfo: unknown; time: number };
}

export interface SendOptions {
  readonly key?: Key;
  readonly signal?: AbortSignal;
  /** X-BAPI-TIMESTAMP (default: the exchange clock). */
  readonly timestamp?: number;
}

/** A signed GET (params in the query) or POST (a JSON body), answered raw. */
export async function send(exchange: LocalExchange, method: 'GET' | 'POST', path: string, params: Record<string, unknown> = {}, options: SendOptions = {}): Promise<RawAnswer> {
  const key = options.key ?? TRADER;
  const payload = method === 'GET' ? new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString() : JSON.stringify(params);
  const timestamp = String(options.timestamp ?? exchange.clock.now());
  const headers: Record<string, string> = {
    'X-BAPI-API-KEY': key.key,
    'X-BAPI-TIMESTAMP': timestamp,
    'X-BAPI-RECV-WINDOW': '5000',
    'X-BAPI-SIGN': sign(key.secret, prehash(timestamp, key.key, '5000', payload)),
  };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  const url = `${exchange.url}${path}${method === 'GET' && payload !== '' ? `?${payload}` : ''}`;
  const response = await fetch(url, { method, headers, ...(method === 'POST' ? { body: payload } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    get body() {
      return JSON.parse(text);
    },
  };
}

/** POST /v5/order/create for SOLUSDT: a 0.1 limit buy at 90 unless `params` say otherwise. */
export function createOrder(exchange: LocalExchange, params: Record<string, unknown>, options: SendOptions = {}): Promise<RawAnswer> {
  return send(exchange, 'POST', '/v5/order/create', { category: 'linear', symbol: SOL, side: 'Buy', orderType: 'Limit', qty: '0.1', price: '90', ...params }, options);
}

/** The order with this orderLinkId as /v5/order/realtime reports it, or undefined when the exchange has none. */
export async function orderByLinkId(exchange: LocalExchange, orderLinkId: string): Promise<Record<string, string> | undefined> {
  const { body } = await send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: SOL, orderLinkId });
  return body.result.list[0];
}

/** Resolves once `ready()` holds (checked every few ms), or fails after `ms`. */
export async function until(ready: () => boolean, ms = 2000): Promise<void> {
  const start = monotonicNow();
  while (!ready()) {
    if (monotonicNow() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Milliseconds `work` took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = monotonicNow();
  const value = await work();
  return { value, ms: monotonicNow() - start };
}
