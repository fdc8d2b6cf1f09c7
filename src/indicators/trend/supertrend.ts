// Supertrend: ATR bands around the bar's midpoint that only ratchet toward price, flipping when the close crosses one.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { ATR } from '../volatility/atr.js';

export interface SupertrendResult {
  /** The active band: the lower one in an up trend, the upper one in a down trend. */
  readonly value: number;
  /** +1 up trend, −1 down trend. */
  readonly direction: number;
}

/**
 * The usual definition (TradingView, trading-signals): basic bands hl2 ± m·ATR(n); the lower band only
 * rises and the upper only falls unless the previous close broke through it; an up trend holds while
 * the close stays at or above the lower band, a down trend turns up when the close rises above the
 * upper band. The first value starts in a down trend unless the close is above the upper band. ATR is
 * Wilder's from ../volatility/atr.js (first bar's range skipped), so the first value is on bar n + 1;
 * trading-signals' ATR also averages bar 1's high − low, so it starts a bar earlier and meets ours once
 * that seed has decayed.
 */
export class Supertrend implements Indicator<Bar, SupertrendResult> {
  private readonly atr: ATR;
  private upper = NaN;
  private lower = NaN;
  private up = false;
  private lastClose = NaN;
  // State before the latest add, so replace() can redo that add with another bar.
  private prevUpper = NaN;
  private prevLower = NaN;
  private prevUp = false;
  private prevLastClose = NaN;

  constructor(
    readonly period = 10,
    readonly multiplier = 3,
  ) {
    if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new RangeError(`Supertrend multiplier must be a positive number, got ${multiplier}`);
    this.atr = new ATR(period);
  }

  add(bar: Bar): void {
    this.prevUpper = this.upper;
    this.prevLower = this.lower;
    this.prevUp = this.up;
    this.prevLastClose = this.lastClose;
    this.atr.add(bar);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.atr.count === 0) return this.add(bar);
    this.upper = this.prevUpper;
    this.lower = this.prevLower;
    this.up = this.prevUp;
    this.lastClose = this.prevLastClose;
    this.atr.replace(bar);
    this.step(bar);
  }

  private step(bar: Bar): void {
    if (this.atr.isStable) {
      const mid = (bar.high + bar.low) / 2;
      const width = this.multiplier * this.atr.value;
      const basicUpper = mid + width;
      const basicLower = mid - width;
      if (Number.isNaN(this.upper)) {
        this.upper = basicUpper;
        this.lower = basicLower;
        this.up = bar.close > basicUpper;
      } else {
        this.upper = basicUpper < this.upper || this.lastClose > this.upper ? basicUpper : this.upper;
        this.lower = basicLower > this.lower || this.lastClose < this.lower ? basicLower : this.lower;
        this.up = this.up ? bar.close >= this.lower : bar.close > this.upper;
      }
    }
    this.lastClose = bar.close;
  }

  get isStable(): boolean {
    return this.atr.isStable;
  }

  get count(): number {
    return this.atr.count;
  }

  private check(): void {
    if (!this.atr.isStable) throw new NotStableError(`Supertrend(${this.period},${this.multiplier})`, this.period + 1, this.atr.count);
  }

  get value(): number {
    this.check();
    return this.up ? this.lower : this.upper;
  }

  get direction(): number {
    this.check();
    return this.up ? 1 : -1;
  }

  getResult(): SupertrendResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): SupertrendResult {
    return { value: this.value, direction: this.direction };
  }
}
