// Daily pivot points (classic, Fibonacci, Camarilla) from the previous UTC day's high, low and close, by bar time.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';

export const PivotType = { classic: 0, fibonacci: 1, camarilla: 2 } as const;
export type PivotType = (typeof PivotType)[keyof typeof PivotType];

export interface PivotLevels {
  readonly p: number;
  readonly r1: number;
  readonly r2: number;
  readonly r3: number;
  readonly s1: number;
  readonly s2: number;
  readonly s3: number;
}

/** Writes p, r1, r2, r3, s1, s2, s3 for a day's high, low and close into `out`. */
export function pivotLevels(type: PivotType, high: number, low: number, close: number, out: Float64Array): void {
  const p = (high + low + close) / 3;
  const range = high - low;
  out[0] = p;
  if (type === PivotType.classic) {
    out[1] = 2 * p - low;
    out[2] = p + range;
    out[3] = high + 2 * (p - low);
    out[4] = 2 * p - high;
    out[5] = p - range;
    out[6] = low - 2 * (high - p);
  } else if (type === PivotType.fibonacci) {
    out[1] = p + 0.382 * range;
    out[2] = p + 0.618 * range;
    out[3] = p + range;
    out[4] = p - 0.382 * range;
    out[5] = p - 0.618 * range;
    out[6] = p - range;
  } else {
    // Camarilla levels hang off the close: range × 1.1 / 12, / 6, / 4.
    out[1] = close + (range * 1.1) / 12;
    out[2] = close + (range * 1.1) / 6;
    out[3] = close + (range * 1.1) / 4;
    out[4] = close - (range * 1.1) / 12;
    out[5] = close - (range * 1.1) / 6;
    out[6] = close - (range * 1.1) / 4;
  }
}

const DAY = 86_400_000;

/**
 * Tracks the UTC day of each bar (by its open time) and, from the first bar of a new day, the
 * levels of the day before: its highest high, lowest low and last close. Days without bars are
 * skipped (the levels come from the last day that had bars). The first day of a stream may be
 * partial; its levels count anyway. Stable from the first bar of the second day. O(1) per bar.
 */
export class PivotPoints implements Indicator<Bar, PivotLevels> {
  private day = NaN;
  private high = -Infinity;
  private low = Infinity;
  private close = NaN;
  private days = 0;
  private prevDay = NaN;
  private prevHigh = -Infinity;
  private prevLow = Infinity;
  private prevClose = NaN;
  private prevDays = 0;
  private readonly levels = new Float64Array(7);
  private readonly prevLevels = new Float64Array(7);
  private seen = 0;

  constructor(readonly type: PivotType = PivotType.classic) {
    if (type !== 0 && type !== 1 && type !== 2) throw new RangeError(`PivotPoints type must be 0 (classic), 1 (Fibonacci) or 2 (Camarilla), got ${type}`);
  }

  add(bar: Bar): void {
    this.prevDay = this.day;
    this.prevHigh = this.high;
    this.prevLow = this.low;
    this.prevClose = this.close;
    this.prevDays = this.days;
    this.prevLevels.set(this.levels);
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.day = this.prevDay;
    this.high = this.prevHigh;
    this.low = this.prevLow;
    this.close = this.prevClose;
    this.days = this.prevDays;
    this.levels.set(this.prevLevels);
    this.step(bar);
  }

  private step(bar: Bar): void {
    const day = Math.floor(bar.time / DAY);
    if (day !== this.day) {
      if (this.days > 0) pivotLevels(this.type, this.high, this.low, this.close, this.levels);
      this.days++;
      this.day = day;
      this.high = -Infinity;
      this.low = Infinity;
    }
    if (bar.high > this.high) this.high = bar.high;
    if (bar.low < this.low) this.low = bar.low;
    this.close = bar.close;
  }

  get isStable(): boolean {
    return this.days >= 2;
  }

  get count(): number {
    return this.seen;
  }

  /** Writes p, r1, r2, r3, s1, s2, s3 into `out`; throws before the second day. */
  readInto(out: Float64Array): void {
    if (!this.isStable) throw new NotStableError(`PivotPoints(${this.type}), counting UTC days,`, 2, this.days);
    out.set(this.levels);
  }

  getResult(): PivotLevels | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): PivotLevels {
    if (!this.isStable) throw new NotStableError(`PivotPoints(${this.type}), counting UTC days,`, 2, this.days);
    const l = this.levels;
    return { p: l[0]!, r1: l[1]!, r2: l[2]!, r3: l[3]!, s1: l[4]!, s2: l[5]!, s3: l[6]! };
  }
}
