// Aggressor flow inside the forming candle, measured from its extremes: did takers buy back the low (sell off the high) that swept a pool?
import { candleOpenTime } from '../../../features/orderflow/candle-buckets.js';
import { signedSize } from '../../../features/orderflow/delta.js';
import type { Trade } from '../../../domain/trade.js';

/**
 * Trades of one candle at a time (a trade of a later candle starts the next). For each extreme it
 * keeps the running delta at its last print, so the delta after the low (high) is what takers did
 * once the sweep had turned. O(1) per trade, no allocation.
 */
export class CandleFlow {
  private openTime = Number.NaN;
  private volume = 0;
  private delta = 0;
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;
  private deltaAtLow = 0;
  private deltaAtHigh = 0;

  constructor(private readonly timeframeMs: number) {}

  add(trade: Trade): void {
    const openTime = candleOpenTime(trade.time, this.timeframeMs);
    if (openTime !== this.openTime) this.start(openTime);
    this.volume += trade.size;
    this.delta += signedSize(trade);
    // Ties move the mark to the later print: the turn is after the last trade at the extreme.
    if (trade.price <= this.low) {
      this.low = trade.price;
      this.deltaAtLow = this.delta;
    }
    if (trade.price >= this.high) {
      this.high = trade.price;
      this.deltaAtHigh = this.delta;
    }
  }

  /**
   * For the candle that opened at `openTime`: taker delta after its low (for a long) or, negated,
   * after its high (for a short), as a share of the candle's traded volume, from −1 to 1. Undefined
   * when no trade of that candle was seen (no trade data: judge on candles alone).
   */
  turnShare(openTime: number, side: 'long' | 'short'): number | undefined {
    if (openTime !== this.openTime || !(this.volume > 0)) return undefined;
    const after = side === 'long' ? this.delta - this.deltaAtLow : this.deltaAtHigh - this.delta;
    return after / this.volume;
  }

  private start(openTime: number): void {
    this.openTime = openTime;
    this.volume = this.delta = this.deltaAtLow = this.deltaAtHigh = 0;
    this.low = Number.POSITIVE_INFINITY;
    this.high = Number.NEGATIVE_INFINITY;
  }
}
