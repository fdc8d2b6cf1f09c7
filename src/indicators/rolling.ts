// Rolling-window building blocks shared by every indicator family: sum, max/min, mean/variance, each O(1)
// (amortised) per update with the exact replace() the contract needs.
import { NotStableError } from './contract.js';

/**
 * Sum of the last `period` values: O(1) add and replace. A count of the non-zero values in the window
 * makes an all-zero window sum to exactly 0 (no rounding residue), so callers can test it as a divisor.
 */
export class RollingSum {
  private readonly buffer: Float64Array;
  private next = 0;
  private seen = 0;
  private total = 0;
  private nonZero = 0;
  // State before the latest add, so replace() can redo that add with another value.
  private prevNext = 0;
  private prevTotal = 0;
  private prevNonZero = 0;
  private prevSlot = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`RollingSum period must be a positive integer, got ${period}`);
    this.buffer = new Float64Array(period);
  }

  add(value: number): void {
    this.prevNext = this.next;
    this.prevTotal = this.total;
    this.prevNonZero = this.nonZero;
    this.prevSlot = this.buffer[this.next]!;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.prevNext;
    this.total = this.prevTotal;
    this.nonZero = this.prevNonZero;
    this.buffer[this.next] = this.prevSlot;
    this.push(value);
  }

  private push(value: number): void {
    const removed = this.seen > this.period ? this.buffer[this.next]! : 0;
    if (removed !== 0) this.nonZero--;
    if (value !== 0) this.nonZero++;
    this.total = this.nonZero === 0 ? 0 : this.total - removed + value;
    this.buffer[this.next] = value;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  /** Sum of the window (of fewer values before `period` have been seen). */
  get value(): number {
    return this.total;
  }
}

/**
 * Highest (or lowest) of the last `period` values through a monotonic deque kept in two typed-array
 * rings (input index, value): O(1) amortised per add. An add moves the deque's head and length and
 * writes one slot, so replace() restores those three things and redoes the add: exact and O(1) amortised.
 */
export class RollingExtreme {
  private readonly index: Float64Array;
  private readonly values: Float64Array;
  private head = 0;
  private size = 0;
  private seen = 0;
  private prevHead = 0;
  private prevSize = 0;
  private writtenAt = 0;
  private prevIndex = 0;
  private prevValue = 0;
  private readonly isMax: boolean;

  constructor(
    readonly period: number,
    /** 'max' keeps the highest value of the window, 'min' the lowest. */
    readonly kind: 'max' | 'min',
  ) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`RollingExtreme period must be a positive integer, got ${period}`);
    this.isMax = kind === 'max';
    this.index = new Float64Array(period);
    this.values = new Float64Array(period);
  }

  add(value: number): void {
    this.prevHead = this.head;
    this.prevSize = this.size;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.head = this.prevHead;
    this.size = this.prevSize;
    this.index[this.writtenAt] = this.prevIndex;
    this.values[this.writtenAt] = this.prevValue;
    this.push(value);
  }

  private push(value: number): void {
    const at = this.seen - 1;
    const cap = this.period;
    // Drop the front once it leaves the window, then every back entry the new value dominates.
    while (this.size > 0 && this.index[this.head]! <= at - cap) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    // Ring positions without `%` (an integer division per step): head + size < 2·cap.
    if (this.isMax) {
      while (this.size > 0) {
        const back = this.head + this.size - 1;
        if (this.values[back >= cap ? back - cap : back]! <= value) this.size--;
        else break;
      }
    } else {
      while (this.size > 0) {
        const back = this.head + this.size - 1;
        if (this.values[back >= cap ? back - cap : back]! >= value) this.size--;
        else break;
      }
    }
    // At most period - 1 entries remain, so this slot is free of live entries; keep what it held.
    const end = this.head + this.size;
    const slot = end >= cap ? end - cap : end;
    this.writtenAt = slot;
    this.prevIndex = this.index[slot]!;
    this.prevValue = this.values[slot]!;
    this.index[slot] = at;
    this.values[slot] = value;
    this.size++;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  /** The window holds `period` values (the same as isStable). */
  get isFull(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  /** The extreme of the window (of the values so far before `period` have been seen); NaN before any. */
  get value(): number {
    return this.size > 0 ? this.values[this.head]! : NaN;
  }
}

/**
 * Mean and variance over the last `period` inputs. Keeps shifted sums S1 = Σ(x − K), S2 = Σ(x − K)²
 * around a recent input K, so the variance does not cancel away at price scale, and re-sums the
 * window from the buffer every `period` inputs (amortised O(1)) so rounding cannot drift. A window
 * of `period` identical inputs reads a variance of exactly 0.
 */
export class RollingMoments {
  private readonly buffer: Float64Array;
  private next = 0;
  private seen = 0;
  private shift = 0;
  private s1 = 0;
  private s2 = 0;
  /** Consecutive equal inputs ending at the newest one. */
  private run = 0;
  private last = NaN;
  // State before the latest add, for replace().
  private prevNext = 0;
  private prevShift = 0;
  private prevS1 = 0;
  private prevS2 = 0;
  private prevRun = 0;
  private prevLast = NaN;
  private prevSlot = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`rolling window period must be a positive integer, got ${period}`);
    this.buffer = new Float64Array(period);
  }

  add(value: number): void {
    this.prevNext = this.next;
    this.prevShift = this.shift;
    this.prevS1 = this.s1;
    this.prevS2 = this.s2;
    this.prevRun = this.run;
    this.prevLast = this.last;
    this.prevSlot = this.buffer[this.next]!;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.prevNext;
    this.shift = this.prevShift;
    this.s1 = this.prevS1;
    this.s2 = this.prevS2;
    this.run = this.prevRun;
    this.last = this.prevLast;
    this.buffer[this.next] = this.prevSlot;
    this.push(value);
  }

  private push(value: number): void {
    if (this.seen === 1) this.shift = value;
    const d = value - this.shift;
    if (this.seen > this.period) {
      const old = this.buffer[this.next]! - this.shift;
      this.s1 += d - old;
      this.s2 += d * d - old * old;
    } else {
      this.s1 += d;
      this.s2 += d * d;
    }
    this.run = value === this.last ? this.run + 1 : 1;
    this.last = value;
    this.buffer[this.next] = value;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
    if (this.next === 0) this.resync(value);
  }

  /** Re-sums the full window around its newest input. */
  private resync(newest: number): void {
    this.shift = newest;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < this.period; i++) {
      const d = this.buffer[i]! - newest;
      s1 += d;
      s2 += d * d;
    }
    this.s1 = s1;
    this.s2 = s2;
  }

  get isFull(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  /** Inputs currently in the window. */
  get size(): number {
    return Math.min(this.seen, this.period);
  }

  get mean(): number {
    return this.shift + this.s1 / this.size;
  }

  /** Σ(x − mean)² over the window, never negative, exactly 0 for a window of equal inputs. */
  get sumSquaredDeviations(): number {
    const n = this.size;
    if (n === 0 || this.run >= n) return 0;
    const m2 = this.s2 - (this.s1 * this.s1) / n;
    return m2 > 0 ? m2 : 0;
  }

  /** Population variance (divides by n). */
  get variance(): number {
    return this.sumSquaredDeviations / this.size;
  }

  /** Sample variance (divides by n − 1; 0 for a single input). */
  get sampleVariance(): number {
    return this.size > 1 ? this.sumSquaredDeviations / (this.size - 1) : 0;
  }
}
