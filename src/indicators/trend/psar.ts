// Wilder's parabolic SAR: a stop that trails the trend and accelerates with every new extreme, reversing when price reaches it.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

export interface PsarResult {
  /** The stop in force during this bar (after a reversal on this bar, the reversal level). */
  readonly sar: number;
  /** +1 long (SAR below price), −1 short. */
  readonly direction: number;
}

/**
 * Follows TA-Lib's SAR: the first direction is short only when bar 2's low dropped more than its high
 * rose (−DM > 0), the first SAR is bar 1's extreme on the other side, and the first value is on bar 2.
 * A bar reverses the trend when its low touches or crosses a long SAR (high for a short); the output
 * on that bar is the old extreme point, and the SAR never enters the range of the last two bars.
 * technicalindicators and TradingView reverse only on a strict cross: pass { reverseOnTouch: false }
 * (then technicalindicators matches after the first shared reversal; it starts long on bar 1). trading-signals
 * uses other bounds and nudges a new long SAR 0.01 under the low, so it is not a reference.
 */
export class PSAR implements Indicator<Bar, PsarResult> {
  private readonly reverseOnTouch: boolean;
  private seen = 0;
  private long = true;
  /** SAR for the coming bar. */
  private nextSar = NaN;
  private extreme = NaN;
  private af = 0;
  private lastHigh = NaN;
  private lastLow = NaN;
  private out = NaN;
  // State before the latest add, so replace() can redo that add with another bar (scalar fields, not a
  // nested object: one less load per access in the hot path).
  private prevLong = true;
  private prevNextSar = NaN;
  private prevExtreme = NaN;
  private prevAf = 0;
  private prevLastHigh = NaN;
  private prevLastLow = NaN;

  constructor(
    readonly step = 0.02,
    readonly max = 0.2,
    options: { reverseOnTouch?: boolean } = {},
  ) {
    if (!(step > 0) || !(max >= step) || !Number.isFinite(max)) throw new RangeError(`PSAR needs 0 < step ≤ max, got step ${step}, max ${max}`);
    this.reverseOnTouch = options.reverseOnTouch ?? true;
  }

  add(bar: Bar): void {
    this.prevLong = this.long;
    this.prevNextSar = this.nextSar;
    this.prevExtreme = this.extreme;
    this.prevAf = this.af;
    this.prevLastHigh = this.lastHigh;
    this.prevLastLow = this.lastLow;
    this.seen++;
    this.update(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.long = this.prevLong;
    this.nextSar = this.prevNextSar;
    this.extreme = this.prevExtreme;
    this.af = this.prevAf;
    this.lastHigh = this.prevLastHigh;
    this.lastLow = this.prevLastLow;
    this.update(bar);
  }

  // Takes the bar, not its numbers: update() is too large for V8 to inline, and doubles passed to a call are boxed.
  private update(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    let prevHigh = this.lastHigh;
    let prevLow = this.lastLow;
    this.lastHigh = high;
    this.lastLow = low;
    if (this.seen === 1) return;
    if (this.seen === 2) {
      const plusDm = high - prevHigh;
      const minusDm = prevLow - low;
      this.long = !(minusDm > 0 && minusDm > plusDm);
      this.nextSar = this.long ? prevLow : prevHigh;
      this.extreme = this.long ? high : low;
      this.af = this.step;
      // As TA-Lib, the first bar's range does not bound the next SAR: only bar 2's does.
      prevHigh = high;
      prevLow = low;
    }
    let sar = this.nextSar;
    if (this.long) {
      if (this.reverseOnTouch ? low <= sar : low < sar) {
        this.long = false;
        sar = Math.max(this.extreme, prevHigh, high);
        this.out = sar;
        this.af = this.step;
        this.extreme = low;
        sar = Math.max(sar + this.af * (this.extreme - sar), prevHigh, high);
      } else {
        this.out = sar;
        if (high > this.extreme) {
          this.extreme = high;
          this.af = Math.min(this.af + this.step, this.max);
        }
        sar = Math.min(sar + this.af * (this.extreme - sar), prevLow, low);
      }
    } else if (this.reverseOnTouch ? high >= sar : high > sar) {
      this.long = true;
      sar = Math.min(this.extreme, prevLow, low);
      this.out = sar;
      this.af = this.step;
      this.extreme = high;
      sar = Math.min(sar + this.af * (this.extreme - sar), prevLow, low);
    } else {
      this.out = sar;
      if (low < this.extreme) {
        this.extreme = low;
        this.af = Math.min(this.af + this.step, this.max);
      }
      sar = Math.max(sar + this.af * (this.extreme - sar), prevHigh, high);
    }
    this.nextSar = sar;
  }

  get isStable(): boolean {
    return this.seen >= 2;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (this.seen < 2) throw new NotStableError(`PSAR(${this.step},${this.max})`, 2, this.seen);
  }

  get sar(): number {
    this.check();
    return this.out;
  }

  get direction(): number {
    this.check();
    return this.long ? 1 : -1;
  }

  getResult(): PsarResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): PsarResult {
    return { sar: this.sar, direction: this.direction };
  }
}
