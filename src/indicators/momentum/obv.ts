// On-balance volume: a running total that adds a bar's volume when the close rose and subtracts it when it fell.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

/**
 * OBV starts at 0 on the first bar (stable from there), then adds the volume of an up-close bar and
 * subtracts that of a down-close bar; an unchanged close adds nothing. Only its changes carry meaning:
 * TA-Lib starts from the first bar's volume instead, a constant offset; trading-signals and
 * technicalindicators leave the first bar undefined and agree with us from the second.
 */
export class OBV implements Indicator<Bar, number> {
  private total = 0;
  private previousClose = NaN;
  private prevTotal = 0;
  private prevPreviousClose = NaN;
  private seen = 0;

  add(bar: Bar): void {
    this.prevTotal = this.total;
    this.prevPreviousClose = this.previousClose;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.total = this.prevTotal;
    this.previousClose = this.prevPreviousClose;
    this.step(bar);
  }

  private step(bar: Bar): void {
    const previous = this.previousClose;
    if (bar.close > previous) this.total += bar.volume;
    else if (bar.close < previous) this.total -= bar.volume;
    this.previousClose = bar.close;
  }

  get isStable(): boolean {
    return this.seen >= 1;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < 1) throw new NotStableError('OBV', 1, 0);
    return this.total;
  }

  getResult(): number | undefined {
    return this.isStable ? this.total : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
