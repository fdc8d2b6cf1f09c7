// Volume divergence: a new n-bar price extreme made on volume below its average, a sign the move lacks participation.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RollingExtreme } from '../rolling.js';

/**
 * The rule, on each bar against the previous n bars (current bar excluded):
 * - new high: high > the highest high of the previous n bars; new low: low < their lowest low;
 * - weak volume: volume < the mean volume of the previous n bars.
 * Output +1 (bearish divergence) for a new high on weak volume, −1 (bullish) for a new low on weak
 * volume, 0 otherwise — including an outside bar that makes both (ambiguous). O(1) amortised per
 * update (monotonic deques and a running sum re-summed every n bars); stable after n + 1 bars.
 */
export class VolumeDivergence implements Indicator<Bar, number> {
  private readonly highs: RollingExtreme;
  private readonly lows: RollingExtreme;
  private readonly volumes: Float64Array;
  private seen = 0;
  private next = 0;
  private sum = 0;
  private result = 0;
  private highest = NaN;
  private lowest = NaN;
  private prevNext = 0;
  private prevSum = 0;
  private prevSlot = 0;

  constructor(readonly period = 20) {
    this.highs = new RollingExtreme(period, 'max');
    this.lows = new RollingExtreme(period, 'min');
    this.volumes = new Float64Array(period);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSum = this.sum;
    this.prevSlot = this.volumes[this.next]!;
    this.seen++;
    // The previous n bars' extremes, read before this bar joins the deques; a replace reuses them.
    this.highest = this.highs.value;
    this.lowest = this.lows.value;
    this.highs.add(bar.high);
    this.lows.add(bar.low);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.next = this.prevNext;
    this.sum = this.prevSum;
    this.volumes[this.next] = this.prevSlot;
    this.highs.replace(bar.high);
    this.lows.replace(bar.low);
    this.step(bar);
  }

  private step(bar: Bar): void {
    if (this.seen > this.period) {
      const weak = bar.volume < this.sum / this.period;
      const newHigh = bar.high > this.highest;
      const newLow = bar.low < this.lowest;
      this.result = weak && newHigh !== newLow ? (newHigh ? 1 : -1) : 0;
    }
    const old = this.seen > this.period ? this.volumes[this.next]! : 0;
    this.sum = this.sum - old + bar.volume;
    this.volumes[this.next] = bar.volume;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
    if (this.next === 0) {
      // Re-sum every n bars so the running sum cannot drift.
      let sum = 0;
      for (let i = 0; i < this.period; i++) sum += this.volumes[i]!;
      this.sum = sum;
    }
  }

  get isStable(): boolean {
    return this.seen > this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.isStable) throw new NotStableError(`VolumeDivergence(${this.period})`, this.period + 1, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
