// True range and Wilder's average true range: the volatility yardstick behind stops, sizing, Supertrend and ADX.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

/** True range of a bar against the previous close (the bar's own range for the first bar). */
export function trueRange(high: number, low: number, previousClose: number): number {
  const range = high - low;
  // Written out rather than Math.max/Math.abs over three values: this runs on every candle of every ATR.
  // A NaN previous close (the first bar) fails every comparison, so the bar's own range is kept.
  const up = high - previousClose;
  const down = previousClose - low;
  let tr = range;
  if (up > tr) tr = up;
  else if (-up > tr) tr = -up;
  if (down > tr) tr = down;
  else if (-down > tr) tr = -down;
  return tr;
}

/** Streaming true range: stable from the second bar (the first has no previous close). */
export class TR implements Indicator<Bar, number> {
  private previousClose = NaN;
  private prevPreviousClose = NaN;
  private result = NaN;
  private seen = 0;

  add(bar: Bar): void {
    this.prevPreviousClose = this.previousClose;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.previousClose = this.prevPreviousClose;
    this.step(bar);
  }

  private step(bar: Bar): void {
    this.result = trueRange(bar.high, bar.low, this.previousClose);
    this.previousClose = bar.close;
  }

  get isStable(): boolean {
    return this.seen >= 2;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < 2) throw new NotStableError('TR', 2, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}

/**
 * Wilder's ATR: the RMA of the true range. The first bar's range (no previous close) is not used,
 * as in TA-Lib and technicalindicators (equal to ~1e-16), so ATR(n) is stable after n + 1 bars.
 * trading-signals seeds with the first bar's high − low as well and is stable a bar earlier; the
 * gap decays by (1 − 1/n) a bar (below 1e-9 relative after ~300 bars for n = 14).
 *
 * The true range and its RMA (the arithmetic of TR and RMA, in the same order) are scalar fields of
 * this one class rather than nested indicators: ATR sits inside Supertrend, Keltner, NATR and features,
 * and a flat class with one shape keeps all of those hot paths short and monomorphic.
 */
export class ATR implements Indicator<Bar, number> {
  private readonly k: number;
  private readonly decay: number;
  private seen = 0;
  private previousClose = NaN;
  /** Σ of the first n − 1 true ranges, then unused. */
  private seedSum = 0;
  private result = 0;
  // State before the latest add, so replace() can redo that add with another bar.
  private prevPreviousClose = NaN;
  private prevSeedSum = 0;
  private prevResult = 0;

  constructor(readonly period = 14) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`ATR period must be a positive integer, got ${period}`);
    this.k = 1 / period;
    this.decay = 1 - this.k;
  }

  add(bar: Bar): void {
    this.prevPreviousClose = this.previousClose;
    this.prevSeedSum = this.seedSum;
    this.prevResult = this.result;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.previousClose = this.prevPreviousClose;
    this.seedSum = this.prevSeedSum;
    this.result = this.prevResult;
    this.step(bar);
  }

  private step(bar: Bar): void {
    // The RMA takes the true range from the second bar on: input number seen − 1.
    const fed = this.seen - 1;
    if (fed > 0) {
      const tr = trueRange(bar.high, bar.low, this.previousClose);
      if (fed > this.period) this.result = tr * this.k + this.result * this.decay;
      else if (fed < this.period) this.seedSum += tr;
      else this.result = (this.seedSum + tr) / this.period;
    }
    this.previousClose = bar.close;
  }

  get isStable(): boolean {
    return this.seen > this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen <= this.period) throw new NotStableError(`ATR(${this.period})`, this.period + 1, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.seen > this.period ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
