// Bybit's per-endpoint API limits (§3.2) as token buckets per key, with the X-Bapi-Limit headers every private answer carries.
import type { Clock } from '../../../core/clock.js';

/** Requests per second of each private endpoint for a default (UTA Pro) account, linear category. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, number>> = {
  '/v5/order/create': 10,
  '/v5/order/amend': 10,
  '/v5/order/cancel': 10,
  '/v5/order/cancel-all': 10,
  '/v5/order/realtime': 50,
  '/v5/order/history': 50,
  '/v5/execution/list': 50,
  '/v5/position/list': 50,
  '/v5/position/closed-pnl': 50,
  '/v5/position/set-leverage': 10,
  '/v5/position/trading-stop': 10,
  '/v5/account/wallet-balance': 50,
  '/v5/account/set-margin-mode': 5,
  '/v5/user/query-api': 10,
};

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * A bucket of `limit` tokens per key and endpoint, refilled continuously at `limit` per second of
 * `clock` (the wall clock by default: limits are about how fast a client really sends). The reset
 * timestamp is given in server time, when the next token will be there.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly clock: Clock,
  ) {}

  take(apiKey: string, path: string, serverTime: number): RateDecision {
    const limit = this.limits[path] ?? 10;
    const now = this.clock.now();
    const id = `${apiKey}\n${path}`;
    const bucket = this.buckets.get(id) ?? { tokens: limit, refilledAt: now };
    this.buckets.set(id, bucket);
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.refilledAt) * limit) / 1000);
    bucket.refilledAt = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const wait = allowed ? 0 : Math.ceil(((1 - bucket.tokens) * 1000) / limit);
    return {
      allowed,
      headers: {
        'X-Bapi-Limit': String(limit),
        'X-Bapi-Limit-Status': String(Math.floor(bucket.tokens)),
        'X-Bapi-Limit-Reset-Timestamp': String(Math.round(serverTime + wait)),
      },
    };
  }
}
