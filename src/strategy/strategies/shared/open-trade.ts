// What the strategies here do while they hold a position: the time limit, and the stop moved to breakeven once a target has paid.
import { z } from 'zod';
import type { Fill } from '../../../domain/order.js';
import { timeframeMs } from '../../../domain/timeframe.js';
import type { Intent, StrategyContext } from '../../api.js';
import { NOTHING } from './entry.js';

/** The time limit parameter, in minutes from the entry fill (0: none). */
export const maxMinutesParam = (defaultMinutes: number) => z.number().int().min(0).max(10_080).default(defaultMinutes);

/**
 * Follows one position from its entry fill. Entries here are market orders, filled at the open of the
 * candle after the signal: the first candle seen in a position is the one whose open filled it. The
 * time-limit exit goes out at a candle's close and fills at the next open, so a position is held
 * `maxMinutes` rounded up to whole candles.
 */
export class OpenTrade {
  private openedAt = Number.NaN;
  private openedSize = 0;
  /** Side and size of the entry fills of the current trade, told by onFill. */
  private entrySide: Fill['side'] | undefined;
  private entryFilled = 0;

  constructor(private readonly maxMinutes: number) {}

  /** Call on the candles without a position: the next position is a new trade. */
  flat(): void {
    this.openedAt = Number.NaN;
    this.openedSize = 0;
    this.entrySide = undefined;
    this.entryFilled = 0;
  }

  /**
   * Every fill of the strategy (forward onFill here): the first fill opens the trade and later ones on
   * its side add to it, so the opened size is known even when a target fills in the entry candle.
   */
  onFill(fill: Fill): void {
    if (this.entrySide === undefined) this.entrySide = fill.side;
    if (fill.side === this.entrySide) this.entryFilled += fill.qty;
  }

  /** Milliseconds from the entry fill to this candle's close (0 before a position was seen). */
  heldMs(ctx: StrategyContext): number {
    return Number.isNaN(this.openedAt) ? 0 : ctx.time + timeframeMs(ctx.timeframe) - this.openedAt;
  }

  /** On a candle in a position: the time-limit exit, or the stop moved to the entry once a target took part of it. */
  manage(ctx: StrategyContext): readonly Intent[] {
    const size = Math.abs(ctx.position.size);
    if (Number.isNaN(this.openedAt)) {
      this.openedAt = ctx.time;
      this.openedSize = Math.max(size, this.entryFilled);
    }
    if (this.maxMinutes > 0 && this.heldMs(ctx) >= this.maxMinutes * 60_000) return [{ kind: 'exit', reason: 'time limit' }];
    const entry = ctx.position.entryPrice;
    const stop = ctx.position.stopLoss;
    const long = ctx.position.size > 0;
    const atBreakeven = stop !== undefined && (long ? stop >= entry : stop <= entry);
    if (size < this.openedSize && !atBreakeven && Number.isFinite(entry)) return [{ kind: 'moveStop', stopLoss: entry }];
    return NOTHING;
  }
}
