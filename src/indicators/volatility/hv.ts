// Historical volatility: annualised standard deviation of log returns, and where it ranks against its own recent past.
import { NotStableError, type Indicator } from '../contract.js';
import { RollingMoments } from '../rolling.js';

export interface HistoricalVolatilityResult {
  /** Annualised volatility in percent (85 = 85 % a year). */
  hv: number;
  /** Percent of the previous `lookback` hv readings strictly below the current one (0 to 100). */
  percentile: number;
}

/** Bars in a year of 5-minute bars on a 24/7 market (365 × 288). */
export const BARS_PER_YEAR_5M = 105_120;

/**
 * hv = 100 × s × √barsPerYear, where s is the sample standard deviation (divides by n − 1) of the
 * last n log returns ln(closeₜ / closeₜ₋₁). A return involving a close ≤ 0 counts as 0. The
 * percentile compares hv with the `lookback` readings before it by a plain scan of a ring buffer:
 * O(lookback) per update (100 comparisons by default), which keeps replace() exact and simple.
 * Stable after n + 1 + lookback bars.
 */
export class HistoricalVolatility implements Indicator<number, HistoricalVolatilityResult> {
  private readonly returns: RollingMoments;
  private readonly history: Float64Array;
  private readonly scale: number;
  private previousClose = NaN;
  private seen = 0;
  private result = NaN;
  private rank = NaN;
  private filled = 0;
  private next = 0;
  // Before the latest add.
  private prevPreviousClose = NaN;
  private prevFilled = 0;
  private prevNext = 0;
  private prevSlot = 0;

  constructor(
    readonly period = 20,
    readonly barsPerYear = BARS_PER_YEAR_5M,
    readonly lookback = 100,
  ) {
    if (!Number.isInteger(period) || period < 2) throw new RangeError(`HV period must be an integer >= 2, got ${period}`);
    if (!(barsPerYear > 0)) throw new RangeError(`HV barsPerYear must be positive, got ${barsPerYear}`);
    if (!Number.isInteger(lookback) || lookback < 1) throw new RangeError(`HV lookback must be a positive integer, got ${lookback}`);
    this.returns = new RollingMoments(period);
    this.history = new Float64Array(lookback);
    this.scale = 100 * Math.sqrt(barsPerYear);
  }

  add(close: number): void {
    this.prevPreviousClose = this.previousClose;
    this.prevFilled = this.filled;
    this.prevNext = this.next;
    this.prevSlot = this.history[this.next]!;
    this.seen++;
    this.step(close, false);
  }

  replace(close: number): void {
    if (this.seen === 0) return this.add(close);
    this.previousClose = this.prevPreviousClose;
    this.filled = this.prevFilled;
    this.next = this.prevNext;
    this.history[this.next] = this.prevSlot;
    this.step(close, true);
  }

  private step(close: number, replacing: boolean): void {
    const previous = this.previousClose;
    this.previousClose = close;
    if (Number.isNaN(previous)) return;
    const r = close > 0 && previous > 0 ? Math.log(close / previous) : 0;
    if (replacing) this.returns.replace(r);
    else this.returns.add(r);
    if (!this.returns.isFull) return;
    const hv = this.scale * Math.sqrt(this.returns.sampleVariance);
    this.result = hv;
    if (this.filled === this.lookback) {
      let below = 0;
      for (let i = 0; i < this.lookback; i++) if (this.history[i]! < hv) below++;
      this.rank = (100 * below) / this.lookback;
    }
    this.history[this.next] = hv;
    this.next = this.next + 1 === this.lookback ? 0 : this.next + 1;
    if (this.filled < this.lookback) this.filled++;
  }

  /** True once the percentile is defined (hv alone is ready `lookback` bars earlier; see hvReady). */
  get isStable(): boolean {
    return this.seen > this.period + this.lookback;
  }

  get hvReady(): boolean {
    return this.returns.isFull;
  }

  get count(): number {
    return this.seen;
  }

  get hv(): number {
    if (!this.returns.isFull) throw new NotStableError(`HV(${this.period})`, this.period + 1, this.seen);
    return this.result;
  }

  get percentile(): number {
    if (!this.isStable) throw new NotStableError(`HV(${this.period}) percentile(${this.lookback})`, this.period + 1 + this.lookback, this.seen);
    return this.rank;
  }

  getResult(): HistoricalVolatilityResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): HistoricalVolatilityResult {
    return { hv: this.hv, percentile: this.percentile };
  }
}
