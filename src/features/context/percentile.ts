// Rolling percentile rank of the newest value among the last n: "is this ATR high for this market lately?"
import { NotStableError, type Indicator } from '../../indicators/contract.js';

/**
 * Percentile rank of the newest value within the last `window` values (itself included), as the
 * mid-rank 100 · (below + (equal − 1) / 2) / (window − 1): 100 for a new strict maximum, 0 for a new
 * strict minimum, 50 when the whole window is equal. A scan of the ring at each update: O(window) per
 * add or replace, no allocation. Stable after `window` values; replace() restores the overwritten slot.
 */
export class RollingPercentile implements Indicator<number, number> {
  private readonly ring: Float64Array;
  private next = 0;
  private seen = 0;
  private rank = 0;
  private savedNext = 0;
  private savedSlot = 0;

  constructor(readonly window: number) {
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`RollingPercentile window must be an integer of at least 2, got ${window}`);
    this.ring = new Float64Array(window);
  }

  add(value: number): void {
    this.savedNext = this.next;
    this.savedSlot = this.ring[this.next]!;
    this.seen++;
    this.step(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.savedNext;
    this.ring[this.next] = this.savedSlot;
    this.step(value);
  }

  private step(value: number): void {
    this.ring[this.next] = value;
    this.next = this.next + 1 === this.window ? 0 : this.next + 1;
    if (this.seen < this.window) return;
    let below = 0;
    let equal = 0;
    for (let i = 0; i < this.window; i++) {
      const x = this.ring[i]!;
      if (x < value) below++;
      else if (x === value) equal++;
    }
    this.rank = (100 * (below + (equal - 1) / 2)) / (this.window - 1);
  }

  get isStable(): boolean {
    return this.seen >= this.window;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < this.window) throw new NotStableError(`RollingPercentile(${this.window})`, this.window, this.seen);
    return this.rank;
  }

  getResult(): number | undefined {
    return this.isStable ? this.rank : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
