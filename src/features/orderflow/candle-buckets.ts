// Streams trades into UTC-aligned candle buckets: the boundary logic every per-candle order-flow feature shares.
import type { Trade } from '../../domain/trade.js';

/** Open time of the candle holding `time`: floor(time / timeframe) × timeframe, UTC-aligned like exchange klines. */
export function candleOpenTime(time: number, timeframeMs: number): number {
  return Math.floor(time / timeframeMs) * timeframeMs;
}

/**
 * Trades in, one summary per candle out. `add` returns the summary of the candle that the trade
 * closed (the first trade of a later candle closes the forming one), `advanceTo(now)` closes the
 * forming candle when the clock has passed its end with no trade, `flush` closes it unconditionally.
 *
 * Candles without trades produce no summary. A trade that belongs to a candle already closed (late
 * or out of order) is never back-dated: it counts in the earliest candle still open, and
 * `lateTrades` counts it, so totals over the stream stay exact.
 */
export abstract class CandleBuckets<Closed> {
  private open = NaN;
  /** End of the last closed candle (NaN before any): nothing may open before it. */
  private closedThrough = NaN;
  private seen = 0;
  private late = 0;

  constructor(readonly timeframeMs: number) {
    if (!Number.isInteger(timeframeMs) || timeframeMs < 1) throw new RangeError(`timeframeMs must be a positive integer, got ${timeframeMs}`);
  }

  add(trade: Trade): Closed | undefined {
    let openTime = candleOpenTime(trade.time, this.timeframeMs);
    const floor = Number.isNaN(this.open) ? this.closedThrough : this.open;
    if (openTime < floor) {
      openTime = floor;
      this.late++;
    }
    let closed: Closed | undefined;
    if (Number.isNaN(this.open)) this.open = openTime;
    else if (openTime > this.open) {
      closed = this.closeCandle();
      this.open = openTime;
    }
    this.seen++;
    this.include(trade);
    return closed;
  }

  /** Closes the forming candle if `time` is at or past its end (a clock tick with no trade). */
  advanceTo(time: number): Closed | undefined {
    if (Number.isNaN(this.open) || time < this.open + this.timeframeMs) return undefined;
    return this.closeCandle();
  }

  /** Closes the forming candle now, e.g. at the end of a replay; undefined when none is forming. */
  flush(): Closed | undefined {
    return Number.isNaN(this.open) ? undefined : this.closeCandle();
  }

  /** Open time of the forming candle; NaN when none is forming. */
  get formingOpenTime(): number {
    return this.open;
  }

  /** Trades seen in all. */
  get count(): number {
    return this.seen;
  }

  /** Trades that arrived for a candle already closed and were counted in a later one. */
  get lateTrades(): number {
    return this.late;
  }

  private closeCandle(): Closed {
    const closed = this.summarise(this.open);
    this.closedThrough = this.open + this.timeframeMs;
    this.open = NaN;
    return closed;
  }

  /** Adds a trade to the forming candle. */
  protected abstract include(trade: Trade): void;

  /** Summarises the forming candle and resets it for the next one. */
  protected abstract summarise(openTime: number): Closed;
}
