// How a simulated venue is set up, and the checks that refuse a bad setting before anything trades.
import type { Clock } from '../../core/clock.js';
import { describeValue, InputError } from '../../core/errors.js';
import type { Instrument } from '../../domain/instrument.js';
import type { FeeSchedule, SlippageModel } from './costs.js';

/**
 * When a resting limit order counts as filled (the queue assumption of a bar-based backtest):
 * 'through' (default): only when price trades beyond the limit, since a touch may leave it at the back
 * of the queue; 'touch': as soon as price reaches it (optimistic); { throughTicks: n }: when price goes
 * n ticks beyond it (0 is a touch).
 */
export type LimitFillRule = 'through' | 'touch' | { readonly throughTicks: number };

export interface SimVenueOptions {
  readonly instruments: readonly Instrument[];
  readonly fees?: FeeSchedule;
  readonly slippage?: SlippageModel;
  /** Starting wallet balance in USDT. */
  readonly initialEquity: number;
  /** Default leverage of every symbol (isolated margin); 1 unless given. */
  readonly leverage?: number;
  readonly maintenanceRate?: number;
  readonly clock: Clock;
  /**
   * Milliseconds from a command to the exchange acting on it (default 0): an order submitted at t is
   * not live before t + latencyMs, and a cancel sent at t takes effect at t + latencyMs (an order that
   * fills before then stays filled). The path knows time only to the candle, or to the detail candle
   * when finer candles are given: something arriving inside one acts from its open (so a market order
   * fills at that open). One arriving after the candle's end waits for the candle that contains it;
   * the candle length is learnt from the spacing of the symbol's candles (until two have been seen,
   * everything is taken to arrive within the current candle). Trading stops and leverage changes act
   * at once.
   */
  readonly latencyMs?: number;
  readonly limitFill?: LimitFillRule;
}

/** The largest latency the simulator accepts: a minute already means a broken link, not a slow one. */
export const MAX_LATENCY_MS = 60_000;

export function checkLatency(latencyMs: number | undefined): number {
  if (latencyMs === undefined) return 0;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    throw new InputError(`latencyMs must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}, got ${describeValue(latencyMs)}`);
  }
  return latencyMs;
}

/** A limit fill rule as the matcher uses it: how many ticks beyond the limit price must reach, and whether reaching is enough. */
export interface LimitFillLevel {
  readonly ticks: number;
  /** True: price must go strictly beyond the level; false: reaching it is enough. */
  readonly strict: boolean;
}

const MAX_THROUGH_TICKS = 10_000;

export function checkLimitFill(rule: LimitFillRule | undefined): LimitFillLevel {
  if (rule === undefined || rule === 'through') return { ticks: 0, strict: true };
  if (rule === 'touch') return { ticks: 0, strict: false };
  const ticks = typeof rule === 'object' && rule !== null ? (rule as { throughTicks?: unknown }).throughTicks : undefined;
  if (typeof ticks !== 'number' || !Number.isInteger(ticks) || ticks < 0 || ticks > MAX_THROUGH_TICKS) {
    throw new InputError(
      `limitFill must be 'through', 'touch' or { throughTicks: <integer from 0 to ${MAX_THROUGH_TICKS}> }, got ${describeValue(rule)}`,
    );
  }
  return { ticks, strict: false };
}
