// How a local exchange is set up: the instruments and the history it replays, the API keys it accepts, the account, the replay's pace.
import type { Clock } from '../../core/clock.js';
import type { Instrument } from '../../domain/instrument.js';
import type { Timeframe } from '../../domain/timeframe.js';
import type { FeeSchedule, SlippageModel } from '../sim/costs.js';
import type { LimitFillRule } from '../sim/sim-options.js';
import type { ApiKeyConfig } from './auth/api-keys.js';
import type { SymbolReplay } from './replay/market.js';
import type { ReplaySpeed } from './replay/timer.js';

/** The history to replay: candles of one interval for every instrument, and their funding settlements. */
export interface ReplayHistory {
  readonly timeframe: Timeframe;
  readonly symbols: Readonly<Record<string, SymbolReplay>>;
}

/** The simulated account behind every key (one UID): the SimVenue's settings. */
export interface AccountOptions {
  /** Starting USDT wallet balance (default 10 000). */
  readonly initialEquity?: number;
  /** Leverage of every symbol until set-leverage changes it (default 1). */
  readonly leverage?: number;
  readonly fees?: FeeSchedule;
  readonly slippage?: SlippageModel;
  readonly limitFill?: LimitFillRule;
  /** Maintenance margin rate (default 0.005). */
  readonly maintenanceRate?: number;
}

export interface LocalExchangeOptions {
  readonly instruments: readonly Instrument[];
  readonly history: ReplayHistory;
  readonly apiKeys: readonly ApiKeyConfig[];
  /** Where the replay clock (server time) starts; candles closed by then are history already. Default: the first candle's open. */
  readonly startTime?: number;
  /** Plays the replay by itself at once at this speed; without it the replay moves only by advance / advanceTo. */
  readonly speed?: ReplaySpeed;
  /** Seed of everything made up (ids, book sizes, trade prints); default 1. */
  readonly seed?: number;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  readonly account?: AccountOptions;
  /** Requests per second per endpoint path, over Bybit's defaults. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** The clock rate limits refill by: real time by default; a ManualClock makes them deterministic. */
  readonly rateLimitClock?: Clock;
  /** Real time a timed replay follows (default: the monotonic system clock). */
  readonly wallClock?: Clock;
  /** A WebSocket connection that sends nothing (no ping, no request) for this long is closed; default 600 000 ms as on Bybit. */
  readonly streamIdleTimeoutMs?: number;
}

export const DEFAULT_INITIAL_EQUITY = 10_000;
export const DEFAULT_MAINTENANCE_RATE = 0.005;
export const DEFAULT_SEED = 1;
