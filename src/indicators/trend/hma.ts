// Hull moving average: WMA over √n of 2·WMA(n/2) − WMA(n), a fast MA with little lag.
import { NotStableError, type Indicator } from '../contract.js';
import { WMA } from './wma.js';

/** HMA(n) = WMA(2·WMA(⌊n/2⌋) − WMA(n), ⌊√n⌋); stable after n + ⌊√n⌋ − 1 inputs, as in trading-signals (matched to rounding). */
export class HMA implements Indicator<number, number> {
  private readonly half: WMA;
  private readonly full: WMA;
  private readonly smooth: WMA;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 2) throw new RangeError(`HMA period must be an integer of at least 2, got ${period}`);
    this.half = new WMA(Math.floor(period / 2));
    this.full = new WMA(period);
    this.smooth = new WMA(Math.floor(Math.sqrt(period)));
  }

  add(value: number): void {
    this.half.add(value);
    this.full.add(value);
    if (this.full.isStable) this.smooth.add(2 * this.half.value - this.full.value);
  }

  replace(value: number): void {
    if (this.full.count === 0) return this.add(value);
    this.half.replace(value);
    this.full.replace(value);
    // The smoothing WMA was fed by the latest add exactly when the full WMA is stable.
    if (this.full.isStable) this.smooth.replace(2 * this.half.value - this.full.value);
  }

  get isStable(): boolean {
    return this.smooth.isStable;
  }

  get count(): number {
    return this.full.count;
  }

  get value(): number {
    if (!this.smooth.isStable) throw new NotStableError(`HMA(${this.period})`, this.period + this.smooth.period - 1, this.full.count);
    return this.smooth.value;
  }

  getResult(): number | undefined {
    return this.isStable ? this.smooth.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
