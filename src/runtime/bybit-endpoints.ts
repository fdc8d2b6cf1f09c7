// Which Bybit the configuration points at: a named network, or any URL that serves Bybit's paths (the local exchange).
import type { BybotConfig } from '../config/schema.js';
import { networkEndpoints, urlEndpoints, type BybitEndpoints } from '../venues/bybit/client/endpoints.js';

export function bybitEndpoints(bybit: BybotConfig['bybit']): BybitEndpoints {
  if (bybit.exchangeUrl !== undefined) return urlEndpoints(bybit.exchangeUrl);
  return networkEndpoints(bybit.network ?? (bybit.testnet ? 'testnet' : 'mainnet'));
}
