// How a BybitVenue is set up: where the exchange is, the keys, the instruments it trades, and the safety rules it keeps.
import type { Clock } from '../../../core/clock.js';
import type { Instrument } from '../../../domain/instrument.js';
import type { ApiCredentials } from '../sign.js';
import type { BybitEndpoints } from '../client/endpoints.js';
import type { Timers } from '../client/rate-gate.js';

/** What to do when a position's stop cannot be set: retry the stop, halve the position and retry, or close at once. Each ends by closing if the stop still fails. */
export type StopFailurePolicy = 'retry' | 'reduce' | 'close';

/** An open order on the exchange that we did not send: cancel it, or take it over. */
export type OrphanPolicy = 'cancel' | 'adopt';

export interface StopGuardOptions {
  /** A position may be without a confirmed stop-loss at most this long, ms (default 3000). */
  readonly confirmMs?: number;
  readonly policy?: StopFailurePolicy;
  /** Trading-stop attempts before the policy's last resort (default 3). */
  readonly retries?: number;
}

export interface BybitVenueOptions {
  readonly endpoints: BybitEndpoints;
  readonly credentials: ApiCredentials;
  readonly instruments: readonly Instrument[];
  readonly clock: Clock;
  readonly timers?: Timers;
  /** Leverage set on every symbol before the first order (default 1), or per symbol. */
  readonly leverage?: number | Readonly<Record<string, number>>;
  readonly stopGuard?: StopGuardOptions;
  readonly orphans?: OrphanPolicy;
  /** An order the private stream has not confirmed within this is looked up by REST, ms (default 1500). */
  readonly confirmMs?: number;
  /** Fills from this time on are caught up at start (a restart after a crash); default: none before start. */
  readonly fillsSince?: number;
  readonly restTimeoutMs?: number;
  /** Requests per second per endpoint path, over Bybit's defaults. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  readonly stream?: { readonly pingIntervalMs?: number; readonly pongTimeoutMs?: number; readonly reconnectMs?: number };
}

/** Something an operator should know that is not a VenueEvent: a warning, a safety action, a reconciliation. */
export interface VenueNotice {
  readonly level: 'info' | 'warn' | 'error';
  /** A stable code for alerts and tests: 'readOnlyKey', 'stopMissing', 'stopSet', 'positionClosed', 'orphanCancelled', ... */
  readonly code: string;
  readonly message: string;
  readonly symbol?: string;
}

export const DEFAULTS = {
  stopConfirmMs: 3000,
  stopPolicy: 'retry' as StopFailurePolicy,
  stopRetries: 3,
  orphans: 'cancel' as OrphanPolicy,
  confirmMs: 1500,
  /** Attempts to place one order when the network fails (the same orderLinkId each time). */
  sendAttempts: 4,
};
