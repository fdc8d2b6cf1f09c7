// Rolling-window building blocks (sum, max, min) on typed arrays with an exact replace of the latest value.
import { NotStableError } from '../contract.js';

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

  get count(): number {
    return this.seen;
  }

  /** The extreme of the window (of the values so far before `period` have been seen). */
  get value(): number {
    if (this.seen === 0) throw new NotStableError(`Rolling ${this.kind}(${this.period})`, 1, 0);
    return this.values[this.head]!;
  }
}
