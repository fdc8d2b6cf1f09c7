// Bollinger Bands: SMA of the close ± k population standard deviations, with bandwidth and %B.
import { NotStableError, type Indicator } from '../contract.js';
import { RollingMoments } from '../rolling.js';

export interface BollingerResult {
  upper: number;
  middle: number;
  lower: number;
  /** (upper − lower) / middle, a fraction (0 when the middle is 0). */
  bandwidth: number;
  /** Where the close sits: 0 at the lower band, 1 at the upper; 0.5 when the bands collapse. */
  percentB: number;
}

/**
 * Bollinger's definition: middle = SMA(n), bands = middle ± k·σ with the population standard
 * deviation (divides by n), as in Bollinger's book, TradingView, trading-signals and
 * technicalindicators. O(1) per update through RollingMoments.
 */
export class BollingerBands implements Indicator<number, BollingerResult> {
  private readonly window: RollingMoments;
  private close = NaN;

  constructor(
    readonly period = 20,
    readonly multiplier = 2,
  ) {
    if (!(multiplier >= 0)) throw new RangeError(`Bollinger multiplier must be >= 0, got ${multiplier}`);
    this.window = new RollingMoments(period);
  }

  add(value: number): void {
    this.window.add(value);
    this.close = value;
  }

  replace(value: number): void {
    this.window.replace(value);
    this.close = value;
  }

  get isStable(): boolean {
    return this.window.isFull;
  }

  get count(): number {
    return this.window.count;
  }

  private check(): void {
    if (!this.window.isFull) throw new NotStableError(`BB(${this.period},${this.multiplier})`, this.period, this.window.count);
  }

  get middle(): number {
    this.check();
    return this.window.mean;
  }

  /** The band offset k·σ. */
  get deviation(): number {
    this.check();
    return this.multiplier * Math.sqrt(this.window.variance);
  }

  get upper(): number {
    return this.middle + this.deviation;
  }

  get lower(): number {
    return this.middle - this.deviation;
  }

  get bandwidth(): number {
    const middle = this.middle;
    return middle === 0 ? 0 : (this.upper - this.lower) / middle;
  }

  get percentB(): number {
    const lower = this.lower;
    const range = this.upper - lower;
    return range === 0 ? 0.5 : (this.close - lower) / range;
  }

  getResult(): BollingerResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): BollingerResult {
    return { upper: this.upper, middle: this.middle, lower: this.lower, bandwidth: this.bandwidth, percentB: this.percentB };
  }
}
