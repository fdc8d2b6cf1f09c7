// The client's side of Bybit's per-endpoint limits: a token bucket per path, corrected by the X-Bapi-Limit headers, with protective requests served before new entries.
import type { Clock } from '../../../core/clock.js';
import { describeValue, InputError } from '../../../core/errors.js';
import type { LimitReport } from './rest.js';

/** Who waits first when a bucket is empty: protecting a position, then ordinary requests, then new entries. */
export type Priority = 'protect' | 'normal' | 'entry';
const RANK: Readonly<Record<Priority, number>> = { protect: 0, normal: 1, entry: 2 };

/** Requests per second per private endpoint for a default account on linear (reference §3.2); unlisted paths are not limited. */
export const BYBIT_CLIENT_LIMITS: Readonly<Record<string, number>> = {
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

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const NODE_TIMERS: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Waiter {
  readonly rank: number;
  readonly order: number;
  readonly resolve: () => void;
}

class Bucket {
  tokens: number;
  refilledAt: number;
  /** No request before this time (the exchange said the window is used up). */
  blockedUntil = 0;
  readonly queue: Waiter[] = [];
  timer: unknown = undefined;

  constructor(
    public perSecond: number,
    now: number,
  ) {
    this.tokens = perSecond;
    this.refilledAt = now;
  }

  refill(now: number): void {
    const elapsed = Math.max(0, now - this.refilledAt);
    this.tokens = Math.min(this.perSecond, this.tokens + (elapsed * this.perSecond) / 1000);
    this.refilledAt = now;
  }

  /** Ms until a token is there (0: now). */
  waitMs(now: number): number {
    if (now < this.blockedUntil) return this.blockedUntil - now;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }
}

export class RateGate {
  private readonly buckets = new Map<string, Bucket>();
  private arrivals = 0;
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly limits: Readonly<Record<string, number>> = BYBIT_CLIENT_LIMITS,
    private readonly timers: Timers = NODE_TIMERS,
  ) {
    for (const [path, perSecond] of Object.entries(limits)) {
      if (!(perSecond > 0)) throw new InputError(`rate limit of ${path} must be a positive number per second, got ${describeValue(perSecond)}`);
    }
  }

  /** Resolves when a request to `path` may go; requests of a higher priority are served first. */
  acquire(path: string, priority: Priority): Promise<void> {
    if (this.closed) return Promise.reject(new InputError('the rate gate is closed'));
    const bucket = this.bucket(path);
    if (bucket === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      bucket.queue.push({ rank: RANK[priority], order: ++this.arrivals, resolve });
      bucket.queue.sort((a, b) => a.rank - b.rank || a.order - b.order);
      this.drain(bucket);
    });
  }

  /** What the exchange's headers said: its limit becomes ours, and an empty window blocks the path until it resets. */
  adjust(report: LimitReport): void {
    const bucket = this.bucket(report.path);
    if (bucket === undefined || !(report.max > 0)) return;
    const now = this.clock.now();
    bucket.refill(now);
    bucket.perSecond = report.max;
    bucket.tokens = Math.min(bucket.tokens, report.remaining);
    if (report.remaining <= 0) this.block(report.path, report.resetAt);
  }

  /** Holds every request to `path` until `until` (a 10006 answer). */
  block(path: string, until: number): void {
    const bucket = this.bucket(path);
    if (bucket === undefined) return;
    bucket.blockedUntil = Math.max(bucket.blockedUntil, until);
    bucket.tokens = Math.min(bucket.tokens, 0);
  }

  /** Waiting requests: 0 when all have gone. */
  pending(path: string): number {
    return this.buckets.get(path)?.queue.length ?? 0;
  }

  /** Cancels the timers; requests still waiting are let go so nothing hangs. */
  close(): void {
    this.closed = true;
    for (const bucket of this.buckets.values()) {
      if (bucket.timer !== undefined) this.timers.clear(bucket.timer);
      bucket.timer = undefined;
      for (const waiter of bucket.queue.splice(0)) waiter.resolve();
    }
  }

  private bucket(path: string): Bucket | undefined {
    let bucket = this.buckets.get(path);
    if (bucket === undefined) {
      const perSecond = this.limits[path];
      if (perSecond === undefined) return undefined;
      bucket = new Bucket(perSecond, this.clock.now());
      this.buckets.set(path, bucket);
    }
    return bucket;
  }

  private drain(bucket: Bucket): void {
    if (bucket.timer !== undefined) return;
    const now = this.clock.now();
    bucket.refill(now);
    while (bucket.queue.length > 0) {
      const wait = bucket.waitMs(now);
      if (wait > 0) {
        bucket.timer = this.timers.set(() => {
          bucket.timer = undefined;
          this.drain(bucket);
        }, wait);
        return;
      }
      bucket.tokens -= 1;
      bucket.queue.shift()!.resolve();
    }
  }
}
