// Swing highs and lows confirmed only once N bars to their right have closed, reported on the confirming bar, never back-dated.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';

/** Label of a confirmed swing against the previous swing of the same kind. */
export const SwingLabel = { HH: 2, LH: 1, none: 0, HL: -1, LL: -2 } as const;

export interface SwingResult {
  readonly lastSwingHigh: number;
  readonly lastSwingLow: number;
  /** Label of the latest confirmed swing: HH 2, LH 1, HL −1, LL −2, 0 when it has no predecessor of its kind. */
  readonly label: number;
}

/**
 * The bar `right` bars back is a swing high when its high is above the `left` bars before it and
 * not below the `right` bars after it (so of equal highs only the first counts); a swing low
 * mirrors that. A higher swing high than the previous one is HH, otherwise (equal included) LH; a
 * higher swing low is HL, otherwise LL. When one bar confirms both, the label is the swing low's.
 * Stable once both a swing high and a swing low are known. O(left + right) per bar.
 */
export class SwingPoints implements Indicator<Bar, SwingResult> {
  private readonly size: number;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private readonly times: Float64Array;
  private next = 0;
  private seen = 0;
  private high = NaN;
  private low = NaN;
  private highTime = NaN;
  private lowTime = NaN;
  private latest: number = SwingLabel.none;
  private newHigh = false;
  private newLow = false;
  // State before the latest add.
  private prevNext = 0;
  private prevSlotHigh = 0;
  private prevSlotLow = 0;
  private prevSlotTime = 0;
  private prevHigh = NaN;
  private prevLow = NaN;
  private prevHighTime = NaN;
  private prevLowTime = NaN;
  private prevLatest: number = SwingLabel.none;

  constructor(
    readonly right = 3,
    readonly left = right,
  ) {
    if (!Number.isInteger(right) || right < 1) throw new RangeError(`SwingPoints right must be a positive integer, got ${right}`);
    if (!Number.isInteger(left) || left < 1) throw new RangeError(`SwingPoints left must be a positive integer, got ${left}`);
    this.size = left + right + 1;
    this.highs = new Float64Array(this.size);
    this.lows = new Float64Array(this.size);
    this.times = new Float64Array(this.size);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSlotHigh = this.highs[this.next]!;
    this.prevSlotLow = this.lows[this.next]!;
    this.prevSlotTime = this.times[this.next]!;
    this.prevHigh = this.high;
    this.prevLow = this.low;
    this.prevHighTime = this.highTime;
    this.prevLowTime = this.lowTime;
    this.prevLatest = this.latest;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.next = this.prevNext;
    this.highs[this.next] = this.prevSlotHigh;
    this.lows[this.next] = this.prevSlotLow;
    this.times[this.next] = this.prevSlotTime;
    this.high = this.prevHigh;
    this.low = this.prevLow;
    this.highTime = this.prevHighTime;
    this.lowTime = this.prevLowTime;
    this.latest = this.prevLatest;
    this.step(bar);
  }

  private step(bar: Bar): void {
    this.highs[this.next] = bar.high;
    this.lows[this.next] = bar.low;
    this.times[this.next] = bar.time;
    this.next = this.next + 1 === this.size ? 0 : this.next + 1;
    this.newHigh = this.newLow = false;
    if (this.seen < this.size) return;
    // The ring is full: the oldest bar sits at `next`, the candidate `left` bars after it.
    const candidate = (this.next + this.left) % this.size;
    const h = this.highs[candidate]!;
    const l = this.lows[candidate]!;
    let isHigh = true;
    let isLow = true;
    for (let k = 0; k < this.size && (isHigh || isLow); k++) {
      if (k === this.left) continue;
      const i = (this.next + k) % this.size;
      const before = k < this.left;
      if (before ? this.highs[i]! >= h : this.highs[i]! > h) isHigh = false;
      if (before ? this.lows[i]! <= l : this.lows[i]! < l) isLow = false;
    }
    if (isHigh) {
      this.latest = Number.isNaN(this.high) ? SwingLabel.none : h > this.high ? SwingLabel.HH : SwingLabel.LH;
      this.high = h;
      this.highTime = this.times[candidate]!;
      this.newHigh = true;
    }
    if (isLow) {
      this.latest = Number.isNaN(this.low) ? SwingLabel.none : l > this.low ? SwingLabel.HL : SwingLabel.LL;
      this.low = l;
      this.lowTime = this.times[candidate]!;
      this.newLow = true;
    }
  }

  /** True when the latest bar confirmed a swing high (its price is `lastHigh`). */
  get confirmedHigh(): boolean {
    return this.newHigh;
  }

  /** True when the latest bar confirmed a swing low. */
  get confirmedLow(): boolean {
    return this.newLow;
  }

  /** Price of the latest confirmed swing high; NaN before the first (never throws, for features built on swings). */
  get lastHigh(): number {
    return this.high;
  }

  /** Price of the latest confirmed swing low; NaN before the first. */
  get lastLow(): number {
    return this.low;
  }

  /** Time of the bar that made the latest swing high (not the confirming bar); NaN before the first. */
  get lastHighTime(): number {
    return this.highTime;
  }

  get lastLowTime(): number {
    return this.lowTime;
  }

  get isStable(): boolean {
    return !Number.isNaN(this.high) && !Number.isNaN(this.low);
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (!this.isStable) throw new NotStableError(`SwingPoints(${this.left}, ${this.right})`, this.size + 1, this.seen);
  }

  /** The latest swing high; throws until both a swing high and a swing low are known. */
  get lastSwingHigh(): number {
    this.check();
    return this.high;
  }

  get lastSwingLow(): number {
    this.check();
    return this.low;
  }

  /** Label of the latest confirmed swing (see SwingLabel); throws before warm-up. */
  get label(): number {
    this.check();
    return this.latest;
  }

  getResult(): SwingResult | undefined {
    return this.isStable ? { lastSwingHigh: this.high, lastSwingLow: this.low, label: this.latest } : undefined;
  }

  getResultOrThrow(): SwingResult {
    this.check();
    return { lastSwingHigh: this.high, lastSwingLow: this.low, label: this.latest };
  }
}
