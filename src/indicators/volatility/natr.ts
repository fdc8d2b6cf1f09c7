// Normalised ATR: Wilder's ATR as a percentage of the close, so volatility compares across price levels.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { ATR } from './atr.js';

/**
 * NATR = 100 × ATR / close; a close of 0 (never seen on a real market) reads 0 rather than Infinity.
 * Differs from trading-signals NATR only through the ATR seed (see ATR).
 */
export class NATR implements Indicator<Bar, number> {
  private readonly atr: ATR;
  private close = NaN;

  constructor(readonly period = 14) {
    this.atr = new ATR(period);
  }

  add(bar: Bar): void {
    this.atr.add(bar);
    this.close = bar.close;
  }

  replace(bar: Bar): void {
    this.atr.replace(bar);
    this.close = bar.close;
  }

  get isStable(): boolean {
    return this.atr.isStable;
  }

  get count(): number {
    return this.atr.count;
  }

  get value(): number {
    if (!this.atr.isStable) throw new NotStableError(`NATR(${this.period})`, this.period + 1, this.atr.count);
    return this.close === 0 ? 0 : (100 * this.atr.value) / this.close;
  }

  getResult(): number | undefined {
    return this.isStable ? this.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
