// Volume delta from aggressor sides: per candle (buy − sell taker volume) and cumulative (CVD), streaming trade by trade.
import type { Trade } from '../../domain/trade.js';
import { CandleBuckets, candleOpenTime } from './candle-buckets.js';

/** Signed size of a trade: + for a taker buy (lifted the ask), − for a taker sell (hit the bid). */
export const signedSize = (trade: Trade): number => (trade.side === 'buy' ? trade.size : -trade.size);

/**
 * Cumulative volume delta: the running sum of signed taker size. With `resetEveryMs` (e.g. 86 400 000
 * for a UTC-day anchored CVD) the sum restarts at 0 with the first trade of each new period.
 * O(1) per trade, no allocation.
 */
export class CumulativeDelta {
  private sum = 0;
  private seen = 0;
  private period = NaN;

  constructor(readonly resetEveryMs = 0) {
    if (!(resetEveryMs >= 0) || !Number.isInteger(resetEveryMs)) throw new RangeError(`resetEveryMs must be a non-negative integer, got ${resetEveryMs}`);
  }

  add(trade: Trade): void {
    if (this.resetEveryMs > 0) {
      const period = candleOpenTime(trade.time, this.resetEveryMs);
      if (period > this.period || Number.isNaN(this.period)) {
        this.period = period;
        this.sum = 0;
      }
    }
    this.seen++;
    this.sum += signedSize(trade);
  }

  /** The running delta (0 before any trade). */
  get value(): number {
    return this.sum;
  }

  get count(): number {
    return this.seen;
  }
}

/** One candle of volume delta. Volumes are base-coin sizes. */
export interface DeltaCandle {
  readonly openTime: number;
  readonly buyVolume: number;
  readonly sellVolume: number;
  /** buyVolume − sellVolume. */
  readonly delta: number;
  /** Lowest and highest running delta inside the candle (after each trade). */
  readonly minDelta: number;
  readonly maxDelta: number;
  readonly trades: number;
  /** Cumulative volume delta after this candle's last trade. */
  readonly cvd: number;
}

/**
 * Delta per candle of `timeframeMs` (see CandleBuckets for boundaries), with the CVD at each
 * candle's close. O(1) per trade; allocates one summary object per closed candle.
 */
export class VolumeDelta extends CandleBuckets<DeltaCandle> {
  private readonly cumulative: CumulativeDelta;
  private buy = 0;
  private sell = 0;
  private running = 0;
  private low = 0;
  private high = 0;
  private trades = 0;

  constructor(timeframeMs: number, options: { readonly cvdResetEveryMs?: number } = {}) {
    super(timeframeMs);
    this.cumulative = new CumulativeDelta(options.cvdResetEveryMs ?? 0);
  }

  protected include(trade: Trade): void {
    if (trade.side === 'buy') this.buy += trade.size;
    else this.sell += trade.size;
    this.running += signedSize(trade);
    if (this.trades === 0 || this.running < this.low) this.low = this.running;
    if (this.trades === 0 || this.running > this.high) this.high = this.running;
    this.trades++;
    this.cumulative.add(trade);
  }

  protected summarise(openTime: number): DeltaCandle {
    const candle: DeltaCandle = {
      openTime,
      buyVolume: this.buy,
      sellVolume: this.sell,
      delta: this.buy - this.sell,
      minDelta: this.low,
      maxDelta: this.high,
      trades: this.trades,
      cvd: this.cumulative.value,
    };
    this.buy = this.sell = this.running = this.low = this.high = this.trades = 0;
    return candle;
  }

  /** Delta of the forming candle so far (0 when none is forming). */
  get formingDelta(): number {
    return this.buy - this.sell;
  }

  /** Cumulative volume delta after the latest trade. */
  get cvd(): number {
    return this.cumulative.value;
  }
}
