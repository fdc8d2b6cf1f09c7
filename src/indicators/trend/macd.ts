// MACD: fast EMA − slow EMA of the close, its EMA as the signal line, and their difference as the histogram.
import { NotStableError, type Indicator } from '../contract.js';
import { EMA } from './ema.js';

export interface MacdResult {
  readonly macd: number;
  readonly signal: number;
  readonly hist: number;
}

/**
 * Every EMA is SMA-seeded (technicalindicators; Appel's definition): both line EMAs start on bar 1, the
 * MACD line is defined once both are stable (bar 26 for 12/26) and the signal EMA starts there, so the
 * signal and histogram are defined from bar 26 + 9 − 1 = 34. TA-Lib instead seeds the fast EMA on the
 * 12 bars ending at bar 26, and trading-signals seeds its EMAs with their first input; both early
 * differences decay away.
 */
export class MACD implements Indicator<number, MacdResult> {
  private readonly fast: EMA;
  private readonly slow: EMA;
  private readonly signalEma: EMA;

  constructor(
    readonly fastPeriod = 12,
    readonly slowPeriod = 26,
    readonly signalPeriod = 9,
  ) {
    this.fast = new EMA(fastPeriod);
    this.slow = new EMA(slowPeriod);
    this.signalEma = new EMA(signalPeriod);
  }

  add(value: number): void {
    this.fast.add(value);
    this.slow.add(value);
    if (this.lineReady) this.signalEma.add(this.line());
  }

  replace(value: number): void {
    if (this.fast.count === 0) return this.add(value);
    this.fast.replace(value);
    this.slow.replace(value);
    // The signal EMA was fed by the latest add exactly when the line was defined (counts do not change on replace).
    if (this.lineReady) this.signalEma.replace(this.line());
  }

  private get lineReady(): boolean {
    return this.fast.isStable && this.slow.isStable;
  }

  private line(): number {
    return this.fast.value - this.slow.value;
  }

  get isStable(): boolean {
    return this.signalEma.isStable;
  }

  get count(): number {
    return this.fast.count;
  }

  private label(): string {
    return `MACD(${this.fastPeriod},${this.slowPeriod},${this.signalPeriod})`;
  }

  get macd(): number {
    if (!this.lineReady) throw new NotStableError(this.label(), Math.max(this.fastPeriod, this.slowPeriod), this.count);
    return this.line();
  }

  get signal(): number {
    if (!this.signalEma.isStable) throw new NotStableError(this.label(), Math.max(this.fastPeriod, this.slowPeriod) + this.signalPeriod - 1, this.count);
    return this.signalEma.value;
  }

  get hist(): number {
    return this.macd - this.signal;
  }

  getResult(): MacdResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): MacdResult {
    return { macd: this.macd, signal: this.signal, hist: this.hist };
  }
}
