// Volume z-score: how many standard deviations the bar's volume lies from the mean of the previous n bars.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RollingMoments } from '../rolling.js';

/**
 * z = (v − mean) / s over the previous n volumes, the current bar excluded (a spike does not inflate
 * its own baseline), with the sample standard deviation s (divides by n − 1). A baseline with no
 * spread (s = 0, e.g. n bars without trades) reads 0. O(1) per update; stable after n + 1 bars.
 * trading-signals getZScore uses the population σ: z = its z × √((n − 1) / n).
 */
export class VolumeZScore implements Indicator<Bar, number> {
  private readonly window: RollingMoments;
  private seen = 0;
  private result = 0;
  private baseMean = 0;
  private baseSd = 0;

  constructor(readonly period = 20) {
    if (!Number.isInteger(period) || period < 2) throw new RangeError(`volume z-score period must be an integer >= 2, got ${period}`);
    this.window = new RollingMoments(period);
  }

  add(bar: Bar): void {
    this.seen++;
    // The baseline is the window before this bar joins it; a replace of this bar scores against the same baseline.
    if (this.window.isFull) {
      this.baseMean = this.window.mean;
      this.baseSd = Math.sqrt(this.window.sampleVariance);
    }
    this.window.add(bar.volume);
    this.result = this.score(bar.volume);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.window.replace(bar.volume);
    this.result = this.score(bar.volume);
  }

  private score(volume: number): number {
    return this.baseSd > 0 ? (volume - this.baseMean) / this.baseSd : 0;
  }

  get isStable(): boolean {
    return this.seen > this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.isStable) throw new NotStableError(`VolumeZScore(${this.period})`, this.period + 1, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
