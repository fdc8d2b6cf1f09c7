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
    const total = this.total;
    const previous = this.previousClose;
    this.prevTotal = total;
    this.prevPreviousClose = previous;
    this.seen++;
    this.step(bar, total, previous);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.step(bar, this.prevTotal, this.prevPreviousClose);
  }

  /**
   * total ± volume for an up / down close. The sign comes without a branch (a close's direction is a coin
   * flip the predictor cannot learn), and total + (±1)·volume is exactly total ± volume; an unchanged
   * close (NaN included) leaves the total as it is.
   */
  private step(bar: Bar, total: number, previous: number): void {
    const close = bar.close;
    const sign = +(close > previous) - +(close < previous);
    this.total = sign === 0 ? total : total + sign * bar.volume;
    this.previousClose = close;
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
