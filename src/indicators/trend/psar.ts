// Wilder's parabolic SAR: a stop that trails the trend and accelerates with every new extreme, reversing when price reaches it.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

export interface PsarResult {
  /** The stop in force during this bar (after a reversal on this bar, the reversal level). */
  readonly sar: number;
  /** +1 long (SAR below price), −1 short. */
  readonly direction: number;
}

/**
 * TA-Lib's first direction, from bar 2's directional moves: short only when its low dropped more than
 * its high rose (−DM > 0 and −DM > +DM). Shared by the stream and the batch kernel.
 */
export function psarStartsLong(firstHigh: number, firstLow: number, high: number, low: number): boolean {
  const plusDm = high - firstHigh;
  const minusDm = firstLow - low;
  return !(minusDm > 0 && minusDm > plusDm);
}

/**
 * Follows TA-Lib's SAR: the first direction is short only when bar 2's low dropped more than its high
 * rose (−DM > 0), the first SAR is bar 1's extreme on the other side, and the first value is on bar 2.
 * A bar reverses the trend when its low touches or crosses a long SAR (high for a short); the output
 * on that bar is the old extreme point, and the SAR never enters the range of the last two bars.
 * technicalindicators and TradingView reverse only on a strict cross: pass { reverseOnTouch: false }
 * (then technicalindicators matches after the first shared reversal; it starts long on bar 1). trading-signals
 * uses other bounds and nudges a new long SAR 0.01 under the low, so it is not a reference.
 *
 * The state lives in the trend's frame: while short, every price, the SAR and the extreme are negated,
 * so "the SAR trails below and the extreme is the highest high" holds both ways and one code path (one
 * set of predictable branches) serves both directions. Negation is exact and Math.max(a, b, c) equals
 * −Math.min(−a, −b, −c), so every value is bit for bit the one of the mirrored long and short formulas.
 */
export class PSAR implements Indicator<Bar, PsarResult> {
  // Every number field is created holding a double: a field created undefined (as a bare declaration
  // or a parameter property is) is generic in V8, and reading it costs a type check, writing it a box.
  readonly step: number = 0.02;
  readonly max: number = 0.2;
  private readonly reverseOnTouch: boolean;
  private seen = 0;
  /** +1 long, −1 short: the sign that takes prices into the trend's frame and back. */
  private dir = 1;
  /** SAR for the coming bar (trend's frame). */
  private nextSar = NaN;
  /** Extreme point of the trend (trend's frame). */
  private extreme = NaN;
  private af = NaN;
  /** High and low of the latest bar (as given). */
  private lastHigh = NaN;
  private lastLow = NaN;
  /** SAR of the latest bar (trend's frame). */
  private out = NaN;
  // State before the latest add, so replace() can redo that add with another bar (plain fields: one
  // load each on the hot path).
  private prevDir = 1;
  private prevNextSar = NaN;
  private prevExtreme = NaN;
  private prevAf = NaN;
  private prevLastHigh = NaN;
  private prevLastLow = NaN;

  constructor(step = 0.02, max = 0.2, options: { reverseOnTouch?: boolean } = {}) {
    if (!(step > 0) || !(max >= step) || !Number.isFinite(max)) throw new RangeError(`PSAR needs 0 < step ≤ max, got step ${step}, max ${max}`);
    this.step = step;
    this.max = max;
    this.reverseOnTouch = options.reverseOnTouch ?? true;
  }

  add(bar: Bar): void {
    this.prevDir = this.dir;
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
    this.dir = this.prevDir;
    this.nextSar = this.prevNextSar;
    this.extreme = this.prevExtreme;
    this.af = this.prevAf;
    this.lastHigh = this.prevLastHigh;
    this.lastLow = this.prevLastLow;
    this.update(bar);
  }

  // Takes the bar, not its numbers: should V8 not inline update(), doubles passed to a call are boxed.
  private update(bar: Bar): void {
    // × 1 is exact; it makes V8 hold doubles even when the bar's fields are generic values (any object
    // literal with Bar's keys in Bar's order holding non-numbers makes them so), instead of boxing the
    // negated prices of the short frame below.
    const high = bar.high * 1;
    const low = bar.low * 1;
    let prevHigh = this.lastHigh;
    let prevLow = this.lastLow;
    this.lastHigh = high;
    this.lastLow = low;
    if (this.seen <= 2) {
      if (this.seen === 1) return;
      const long = psarStartsLong(prevHigh, prevLow, high, low);
      this.dir = long ? 1 : -1;
      this.nextSar = long ? prevLow : -prevHigh;
      this.extreme = long ? high : -low;
      this.af = this.step;
      // As TA-Lib, the first bar's range does not bound the next SAR: only bar 2's does.
      prevHigh = high;
      prevLow = low;
    }
    // This bar and the one before in the trend's frame: hi is the favourable extreme, lo the other.
    const dir = this.dir;
    let hi = high;
    let lo = low;
    let prevHi = prevHigh;
    let prevLo = prevLow;
    if (dir < 0) {
      hi = -low;
      lo = -high;
      prevHi = -prevLow;
      prevLo = -prevHigh;
    }
    let sar = this.nextSar;
    let extreme = this.extreme;
    let af = this.af;
    // A touch is tested apart: equality is rare, so the option is read off the common path.
    if (lo < sar || (lo === sar && this.reverseOnTouch)) {
      // Reversal: the SAR jumps to the old extreme, kept outside the last two bars, and the frame flips.
      sar = -Math.max(extreme, prevHi, hi);
      this.dir = -dir;
      const newHi = -lo;
      lo = -hi;
      hi = newHi;
      prevLo = -prevHi;
      extreme = hi;
      af = this.step;
      this.af = af;
    } else if (hi > extreme) {
      extreme = hi;
      af = Math.min(af + this.step, this.max);
      this.af = af;
    }
    this.out = sar;
    this.extreme = extreme;
    this.nextSar = Math.min(sar + af * (extreme - sar), prevLo, lo);
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
    return this.dir * this.out;
  }

  get direction(): number {
    this.check();
    return this.dir;
  }

  getResult(): PsarResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): PsarResult {
    return { sar: this.sar, direction: this.direction };
  }
}
