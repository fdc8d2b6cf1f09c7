// Exponential moving averages: EMA (k = 2/(n+1)) and Wilder's RMA (k = 1/n), both seeded with the SMA of the first n values.
import { NotStableError, type Indicator } from '../contract.js';

/** Shared engine of EMA and RMA: only the smoothing factor differs. */
class Smoothing implements Indicator<number, number> {
  private result = 0;
  private seen = 0;
  private seedSum = 0;
  private prevResult = 0;
  private prevSeedSum = 0;

  /** 1 − k: the weight of the previous result (value·k + previous·(1 − k) has a shorter dependency chain than (value − previous)·k + previous). */
  private readonly decay: number;

  constructor(
    private readonly label: string,
    readonly period: number,
    private readonly k: number,
  ) {
    this.decay = 1 - k;
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`${label} period must be a positive integer, got ${period}`);
  }

  add(value: number): void {
    this.prevResult = this.result;
    this.prevSeedSum = this.seedSum;
    this.seen++;
    this.step(value);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.result = this.prevResult;
    this.seedSum = this.prevSeedSum;
    this.step(value);
  }

  private step(value: number): void {
    if (this.seen < this.period) this.seedSum += value;
    else if (this.seen === this.period) this.result = (this.seedSum + value) / this.period;
    else this.result = value * this.k + this.result * this.decay;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < this.period) throw new NotStableError(`${this.label}(${this.period})`, this.period, this.seen);
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
 * EMA with k = 2/(n+1), first value on input n (the SMA of the first n): TA-Lib's and technicalindicators'
 * definition (to ~1e-16: each step is value·k + previous·(1 − k), a shorter dependency chain than their
 * (value − previous)·k + previous). trading-signals' EMA and RMA start from the first input instead and
 * meet ours once (1 − k)^t has wiped out that seed; its WSMA is our RMA.
 */
export class EMA extends Smoothing {
  constructor(period: number) {
    super('EMA', period, 2 / (period + 1));
  }
}

/** Wilder's moving average (RMA, SMMA): the smoothing inside RSI, ATR and ADX. */
export class RMA extends Smoothing {
  constructor(period: number) {
    super('RMA', period, 1 / period);
  }
}
