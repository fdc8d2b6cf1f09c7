// Simple moving average over a ring buffer: O(1) add and replace, exact replace by restoring the pre-add state.
import { NotStableError, type Indicator } from '../contract.js';

/** Matches technicalindicators' and trading-signals' SMA (first value on input n) to rounding. */
export class SMA implements Indicator<number, number> {
  private readonly buffer: Float64Array;
  private next = 0;
  private seen = 0;
  private sum = 0;
  // State before the latest add, so replace() can redo that add with another value.
  private prevNext = 0;
  private prevSum = 0;
  private prevSlot = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`SMA period must be a positive integer, got ${period}`);
    this.buffer = new Float64Array(period);
  }

  add(value: number): void {
    this.prevNext = this.next;
    this.prevSum = this.sum;
    this.prevSlot = this.buffer[this.next]!;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.prevNext;
    this.sum = this.prevSum;
    this.buffer[this.next] = this.prevSlot;
    this.push(value);
  }

  private push(value: number): void {
    const removed = this.seen > this.period ? this.buffer[this.next]! : 0;
    this.sum = this.sum - removed + value;
    this.buffer[this.next] = value;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  /** The average; throws before `period` values. */
  get value(): number {
    if (this.seen < this.period) throw new NotStableError(`SMA(${this.period})`, this.period, this.seen);
    return this.sum / this.period;
  }

  /** The value `back` steps before the newest in the window (0 = newest). */
  at(back: number): number {
    return this.buffer[(this.next - 1 - back + 2 * this.period) % this.period]!;
  }

  getResult(): number | undefined {
    return this.isStable ? this.sum / this.period : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
