// What an endpoint is to the server: method, path, who may call it, and a handler from parameters to Bybit's `result`.
import type { ApiKey } from '../auth/api-keys.js';
import type { Exchange } from '../exchange.js';
import { paramsError } from './envelope.js';
import type { Params } from './params.js';

/**
 * public: market data, no auth. read: any valid key. trade: a key that is not read-only and holds
 * ContractTrade `permission` (10005 otherwise).
 */
export type Access = { readonly kind: 'public' } | { readonly kind: 'read' } | { readonly kind: 'trade'; readonly permission: 'Order' | 'Position' };

export const PUBLIC: Access = { kind: 'public' };
export const READ: Access = { kind: 'read' };
export const ORDER: Access = { kind: 'trade', permission: 'Order' };
export const POSITION: Access = { kind: 'trade', permission: 'Position' };

export interface RouteRequest {
  readonly params: Params;
  readonly exchange: Exchange;
  /** The key that signed the request (undefined on public routes). */
  readonly key: ApiKey | undefined;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly access: Access;
  /** retMsg of a success (Bybit says "OK", query-api ""). */
  readonly okMessage?: string;
  /** Bybit's `result`; throws BybitError to answer with a retCode. */
  handle(request: RouteRequest): unknown;
}

/** The local exchange lists USDT perpetuals only: `category` must be linear (`optional`: absent means linear, as kline reads it). */
export function requireLinear(params: Params, optional = false): void {
  const category = optional ? (params.optionalString('category') ?? 'linear') : params.string('category');
  if (category !== 'linear') throw paramsError(`category ${JSON.stringify(category)} is not served: the local exchange lists linear (USDT perpetual) only`);
}
