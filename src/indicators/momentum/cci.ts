// Commodity channel index: how far the typical price is from its mean, in units of mean absolute deviation.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

/**
 * CCI(n) = (tp − SMA(tp, n)) / (0.015 · mean |tp − SMA|) with tp = (h + l + c)/3. The mean absolute
 * deviation is around the current mean, so it is O(n) per update (a sweep over the window). A window of
 * zero deviation (every tp equal) gives 0, where the libraries give NaN.
 *
 * The typical prices live in a mirrored ring: slot i and slot i + n hold the same value, so the window,
 * oldest first, is always the contiguous run ring[next .. next + n − 1] and each sweep is one plain loop.
 * A flat window is found in O(1), without a min/max sweep (whose branches mispredict): it is flat when
 * every non-NaN tp in it equals the latest non-NaN tp, i.e. when the run of such values started at or
 * before the window and the window holds at least one non-NaN tp.
 */
export class CCI implements Indicator<Bar, number> {
  private readonly ring: Float64Array;
  private next = 0;
  private seen = 0;
  private result = 0;
  // State before the latest add, so replace() can redo that add with another value.
  private prevNext = 0;
  private prevSlot = 0;
  /** Latest non-NaN tp, its input index, and the first input index from which no non-NaN tp differs from it. */
  private lastValid = NaN;
  private lastValidAt = -1;
  private runStart = 0;
  private prevLastValid = NaN;
  private prevLastValidAt = -1;
  private prevRunStart = 0;

  constructor(readonly period = 20) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`CCI period must be a positive integer, got ${period}`);
    this.ring = new Float64Array(2 * period);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSlot = this.ring[this.next]!;
    this.prevLastValid = this.lastValid;
    this.prevLastValidAt = this.lastValidAt;
    this.prevRunStart = this.runStart;
    this.seen++;
    this.push((bar.high + bar.low + bar.close) / 3);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    const at = this.prevNext;
    this.next = at;
    this.ring[at] = this.prevSlot;
    this.ring[at + this.period] = this.prevSlot;
    this.lastValid = this.prevLastValid;
    this.lastValidAt = this.prevLastValidAt;
    this.runStart = this.prevRunStart;
    this.push((bar.high + bar.low + bar.close) / 3);
  }

  private push(tp: number): void {
    const n = this.period;
    const ring = this.ring;
    const at = this.next;
    ring[at] = tp;
    ring[at + n] = tp;
    const from = at + 1 === n ? 0 : at + 1;
    this.next = from;
    const index = this.seen - 1;
    if (tp === tp) {
      if (tp !== this.lastValid) {
        this.runStart = this.lastValidAt + 1;
        this.lastValid = tp;
      }
      this.lastValidAt = index;
    }
    if (this.seen < n) return;
    const first = index - n + 1;
    if (this.runStart <= first && this.lastValidAt >= first) {
      this.result = 0;
      return;
    }
    // A fresh sum over the window, oldest first (the libraries' order): the sweep is O(n) anyway, and a
    // fresh mean carries no rolling residue.
    const to = from + n;
    let sum = 0;
    for (let i = from; i < to; i++) sum += ring[i]!;
    const mean = sum / n;
    let deviation = 0;
    for (let i = from; i < to; i++) deviation += Math.abs(ring[i]! - mean);
    this.result = (tp - mean) / (0.015 * (deviation / n));
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < this.period) throw new NotStableError(`CCI(${this.period})`, this.period, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
