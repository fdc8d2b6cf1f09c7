// Linearly weighted moving average (newest weight n, oldest 1) over a ring buffer: O(1) per update, exact replace.
import { NotStableError, type Indicator } from '../contract.js';

/**
 * WMA(n) = Σ (i · x_i) / (n(n+1)/2), i = 1 for the oldest value. The weighted sum is kept incrementally
 * (dropping every weight by one is subtracting the plain sum) and recomputed from the buffer every n
 * inputs, an O(n) pass once per n updates (amortised O(1)) that stops floating-point drift. Matches
 * technicalindicators and trading-signals to rounding.
 */
export class WMA implements Indicator<number, number> {
  private readonly buffer: Float64Array;
  private readonly divisor: number;
  private next = 0;
  private seen = 0;
  private sum = 0;
  private weighted = 0;
  // State before the latest add, so replace() can redo that add with another value.
  private prevNext = 0;
  private prevSum = 0;
  private prevWeighted = 0;
  private prevSlot = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`WMA period must be a positive integer, got ${period}`);
    this.buffer = new Float64Array(period);
    this.divisor = (period * (period + 1)) / 2;
  }

  add(value: number): void {
    this.prevNext = this.next;
    this.prevSum = this.sum;
    this.prevWeighted = this.weighted;
    this.prevSlot = this.buffer[this.next]!;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.prevNext;
    this.sum = this.prevSum;
    this.weighted = this.prevWeighted;
    this.buffer[this.next] = this.prevSlot;
    this.push(value);
  }

  private push(value: number): void {
    const n = this.period;
    if (this.seen > n) {
      // Every weight drops by one (the oldest's to zero), the new value enters with weight n.
      this.weighted += n * value - this.sum;
      this.sum += value - this.buffer[this.next]!;
    } else {
      this.weighted += this.seen * value;
      this.sum += value;
    }
    this.buffer[this.next] = value;
    this.next = this.next + 1 === n ? 0 : this.next + 1;
    if (this.seen % n === 0) this.resync();
  }

  /** Recomputes both sums from the full buffer (oldest at `next`). */
  private resync(): void {
    const n = this.period;
    let sum = 0;
    let weighted = 0;
    for (let i = 0; i < n; i++) {
      const v = this.buffer[(this.next + i) % n]!;
      sum += v;
      weighted += (i + 1) * v;
    }
    this.sum = sum;
    this.weighted = weighted;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < this.period) throw new NotStableError(`WMA(${this.period})`, this.period, this.seen);
    return this.weighted / this.divisor;
  }

  getResult(): number | undefined {
    return this.isStable ? this.weighted / this.divisor : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
