// True range and Wilder's average true range: the volatility yardstick behind stops, sizing, Supertrend and ADX.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RMA } from '../trend/ema.js';

/** True range of a bar against the previous close (the bar's own range for the first bar). */
export function trueRange(high: number, low: number, previousClose: number): number {
  if (Number.isNaN(previousClose)) return high - low;
  return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
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
 * as in TA-Lib and technicalindicators (equal to the bit), so ATR(n) is stable after n + 1 bars.
 * trading-signals seeds with the first bar's high − low as well and is stable a bar earlier; the
 * gap decays by (1 − 1/n) a bar (below 1e-9 relative after ~300 bars for n = 14).
 */
export class ATR implements Indicator<Bar, number> {
  private readonly tr = new TR();
  private readonly average: RMA;

  constructor(readonly period = 14) {
    this.average = new RMA(period);
  }

  add(bar: Bar): void {
    this.tr.add(bar);
    if (this.tr.isStable) this.average.add(this.tr.value);
  }

  replace(bar: Bar): void {
    if (this.tr.count <= 1) return this.tr.count === 0 ? this.add(bar) : this.tr.replace(bar);
    this.tr.replace(bar);
    this.average.replace(this.tr.value);
  }

  get isStable(): boolean {
    return this.average.isStable;
  }

  get count(): number {
    return this.tr.count;
  }

  get value(): number {
    if (!this.average.isStable) throw new NotStableError(`ATR(${this.period})`, this.period + 1, this.tr.count);
    return this.average.value;
  }

  getResult(): number | undefined {
    return this.isStable ? this.average.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
