// Rate of change: the percent move of the close over the last n bars.
import { NotStableError, type Indicator } from '../contract.js';

/**
 * ROC(n) = 100·(close − close n bars ago)/(close n bars ago), in percent. The default n = 9 is
 * TradingView's (StockCharts uses 12, TA-Lib 10). trading-signals returns the fraction (no ×100);
 * technicalindicators the percent. A zero reference close gives 0. Needs n + 1 values; O(1).
 */
export class ROC implements Indicator<number, number> {
  private readonly buffer: Float64Array;
  private next = 0;
  private seen = 0;
  private result = 0;
  private prevNext = 0;
  private prevSlot = 0;

  constructor(readonly period = 9) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`ROC period must be a positive integer, got ${period}`);
    this.buffer = new Float64Array(period);
  }

  add(value: number): void {
    this.prevNext = this.next;
    this.prevSlot = this.buffer[this.next]!;
    this.seen++;
    this.push(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.next = this.prevNext;
    this.buffer[this.next] = this.prevSlot;
    this.push(value);
  }

  private push(value: number): void {
    // The slot about to be overwritten holds the close `period` inputs back.
    const reference = this.buffer[this.next]!;
    if (this.seen > this.period) this.result = reference === 0 ? 0 : (100 * (value - reference)) / reference;
    this.buffer[this.next] = value;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
  }

  get isStable(): boolean {
    return this.seen > this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.isStable) throw new NotStableError(`ROC(${this.period})`, this.period + 1, this.seen);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
