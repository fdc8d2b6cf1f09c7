// Rolling-window building blocks (mean/variance, max/min) with O(1) updates and the exact replace() the contract needs.

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

/**
 * Rolling maximum (or minimum) over the last `period` inputs: a monotonic deque on typed arrays,
 * amortised O(1) per input. An add overwrites at most one deque slot, so replace() restores that slot
 * and the deque bounds, then redoes the add.
 */
export class RollingExtreme {
  private readonly values: Float64Array;
  private readonly indices: Float64Array;
  /** +1 tracks the maximum, −1 the minimum (stored negated, so the deque always keeps a maximum). */
  private readonly sign: number;
  private head = 0;
  private size = 0;
  private seen = 0;
  private prevHead = 0;
  private prevSize = 0;
  private savedAt = 0;
  private savedValue = 0;
  private savedIndex = 0;

  constructor(
    readonly period: number,
    kind: 'max' | 'min',
  ) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`rolling ${kind} period must be a positive integer, got ${period}`);
    this.values = new Float64Array(period);
    this.indices = new Float64Array(period);
    this.sign = kind === 'max' ? 1 : -1;
  }

  add(value: number): void {
    this.prevHead = this.head;
    this.prevSize = this.size;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.values[this.savedAt] = this.savedValue;
    this.indices[this.savedAt] = this.savedIndex;
    this.head = this.prevHead;
    this.size = this.prevSize;
    this.push(value);
  }

  private push(raw: number): void {
    const value = this.sign * raw;
    const index = this.seen - 1;
    const cap = this.period;
    while (this.size > 0 && this.indices[this.head]! <= index - cap) {
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    while (this.size > 0 && this.values[(this.head + this.size - 1) % cap]! <= value) this.size--;
    const at = (this.head + this.size) % cap;
    this.savedAt = at;
    this.savedValue = this.values[at]!;
    this.savedIndex = this.indices[at]!;
    this.values[at] = value;
    this.indices[at] = index;
    this.size++;
  }

  get isFull(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  /** The extreme of the inputs in the window (NaN before any input). */
  get value(): number {
    return this.size > 0 ? this.sign * this.values[this.head]! : NaN;
  }
}
