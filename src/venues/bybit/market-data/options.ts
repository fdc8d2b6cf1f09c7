// The settings of a BybitMarketData, their defaults (Bybit's recommended 20 s heartbeat, a 10 s stale limit) and their checks.
import { systemClock, type Clock } from '../../../core/clock.js';
import { describeValue, InputError } from '../../../core/errors.js';
import { systemRandom, type Random } from '../../../core/random.js';
import type { BybitEndpoints } from '../client/endpoints.js';
import type { BackoffOptions } from './backoff.js';

export interface MarketDataOptions {
  /** Where the public linear stream is (mainnet, testnet, the local exchange). */
  readonly endpoints: Pick<BybitEndpoints, 'publicLinear'>;
  /** "Now" for staleness and event times; the system clock by default. */
  readonly clock?: Clock;
  /** Jitter of the reconnect backoff. */
  readonly random?: Random;
  /** How often the SDK sends {"op":"ping"}; Bybit recommends 20 s (§9.2). */
  readonly pingIntervalMs?: number;
  /** No pong (or any message) this long after a ping → the SDK drops and reconnects. */
  readonly pongTimeoutMs?: number;
  /** No message on any topic this long → state 'degraded'. */
  readonly staleAfterMs?: number;
  /** How often staleness and overdue snapshots are checked. */
  readonly checkEveryMs?: number;
  /** A book waiting this long for the snapshot it asked for asks again. */
  readonly snapshotTimeoutMs?: number;
  readonly backoff?: BackoffOptions;
}

export interface ResolvedOptions {
  readonly url: string;
  readonly clock: Clock;
  readonly random: Random;
  readonly pingIntervalMs: number;
  readonly pongTimeoutMs: number;
  readonly staleAfterMs: number;
  readonly checkEveryMs: number;
  readonly snapshotTimeoutMs: number;
  readonly backoff: BackoffOptions;
}

/** @throws InputError naming the option and its value. */
export function resolveOptions(options: MarketDataOptions): ResolvedOptions {
  const url = options.endpoints?.publicLinear;
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) throw new InputError(`endpoints.publicLinear must be a ws:// or wss:// URL, got ${describeValue(url)}`);
  const staleAfterMs = positive('staleAfterMs', options.staleAfterMs, 10_000);
  return {
    url,
    clock: options.clock ?? systemClock,
    random: options.random ?? systemRandom(),
    pingIntervalMs: positive('pingIntervalMs', options.pingIntervalMs, 20_000),
    // The official Python samples wait 10 s for a pong; the SDK's own 1 s is too eager for a 20 s heartbeat.
    pongTimeoutMs: positive('pongTimeoutMs', options.pongTimeoutMs, 10_000),
    staleAfterMs,
    checkEveryMs: positive('checkEveryMs', options.checkEveryMs, Math.max(10, Math.min(1_000, Math.floor(staleAfterMs / 4)))),
    snapshotTimeoutMs: positive('snapshotTimeoutMs', options.snapshotTimeoutMs, 10_000),
    backoff: options.backoff ?? {},
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) throw new InputError(`${name} must be a positive number of ms, got ${describeValue(value)}`);
  return value;
}
