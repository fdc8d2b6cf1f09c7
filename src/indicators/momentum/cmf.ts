// Chaikin money flow: where closes sit within their bars' ranges, weighted by volume, over a window.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RollingSum } from '../rolling.js';

/**
 * CMF(n) = Σ mfm·volume / Σ volume over the last n bars, with the money flow multiplier
 * mfm = ((c − l) − (h − c))/(h − l) from −1 to +1. A bar of zero range has mfm = 0 and a window of zero
 * volume gives 0 (both as trading-signals). O(1): two rolling sums.
 */
export class CMF implements Indicator<Bar, number> {
  private readonly flow: RollingSum;
  private readonly volume: RollingSum;

  constructor(readonly period = 20) {
    this.flow = new RollingSum(period);
    this.volume = new RollingSum(period);
  }

  add(bar: Bar): void {
    this.flow.add(CMF.multiplier(bar) * bar.volume);
    this.volume.add(bar.volume);
  }

  replace(bar: Bar): void {
    this.flow.replace(CMF.multiplier(bar) * bar.volume);
    this.volume.replace(bar.volume);
  }

  /** Where the close sits in the bar's range: −1 at the low, +1 at the high, 0 for a bar of zero range. */
  static multiplier(bar: Bar): number {
    const range = bar.high - bar.low;
    return range === 0 ? 0 : (bar.close - bar.low - (bar.high - bar.close)) / range;
  }

  get isStable(): boolean {
    return this.volume.isStable;
  }

  get count(): number {
    return this.volume.count;
  }

  get value(): number {
    if (!this.volume.isStable) throw new NotStableError(`CMF(${this.period})`, this.period, this.volume.count);
    const volume = this.volume.value;
    return volume === 0 ? 0 : this.flow.value / volume;
  }

  getResult(): number | undefined {
    return this.isStable ? this.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
