// The local Bybit-compatible exchange: what runtime/ and tests use from this folder.
export { startLocalExchange, type LocalExchange } from './local-exchange.js';
export type { AccountOptions, LocalExchangeOptions, ReplayHistory } from './options.js';
export type { ApiKeyConfig, PermissionGroup } from './auth/api-keys.js';
export type { SymbolReplay } from './replay/market.js';
export type { ReplaySpeed } from './replay/timer.js';
export { DEFAULT_RATE_LIMITS } from './auth/rate-limit.js';
export { prehash, sign } from './auth/signature.js';
export type { StreamFaults } from './ws/faults.js';
export type { HttpFaults } from './faults/http-faults.js';
export { realtimeSignature } from './ws/auth.js';
