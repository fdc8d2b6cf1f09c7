// Wilder's RSI: average gains over average losses, both smoothed with Wilder's RMA.
import { NotStableError, type Indicator } from '../contract.js';
import { RMA } from '../trend/ema.js';

/**
 * RSI(n) = 100 − 100/(1 + avg gain/avg loss), both averages Wilder's RMA seeded with the SMA of the first
 * n changes; stable after n + 1 closes. Equal to trading-signals RSI to ~1e-15. technicalindicators
 * rounds each value to 2 decimals. Zero average loss gives 100, and a window with no change at all gives
 * the middle, 50 (trading-signals and technicalindicators give 100 there).
 */
export class RSI implements Indicator<number, number> {
  private readonly gains: RMA;
  private readonly losses: RMA;
  private previous = NaN;
  private prevPrevious = NaN;
  private seen = 0;

  constructor(readonly period = 14) {
    this.gains = new RMA(period);
    this.losses = new RMA(period);
  }

  add(value: number): void {
    this.prevPrevious = this.previous;
    this.seen++;
    this.step(value, false);
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    this.previous = this.prevPrevious;
    this.step(value, true);
  }

  private step(value: number, replacing: boolean): void {
    if (!Number.isNaN(this.previous)) {
      const change = value - this.previous;
      const gain = change > 0 ? change : 0;
      const loss = change < 0 ? -change : 0;
      if (replacing && this.gains.count > 0 && this.seen > 1) {
        this.gains.replace(gain);
        this.losses.replace(loss);
      } else {
        this.gains.add(gain);
        this.losses.add(loss);
      }
    }
    this.previous = value;
  }

  get isStable(): boolean {
    return this.gains.isStable;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.gains.isStable) throw new NotStableError(`RSI(${this.period})`, this.period + 1, this.seen);
    const loss = this.losses.value;
    const gain = this.gains.value;
    if (loss === 0) return gain === 0 ? 50 : 100;
    return 100 - 100 / (1 + gain / loss);
  }

  getResult(): number | undefined {
    return this.isStable ? this.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
