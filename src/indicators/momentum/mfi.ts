// Money flow index: a volume-weighted RSI of the typical price, from the money flowing in and out over a window.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RollingSum } from '../rolling.js';

/**
 * MFI(n) = 100·(positive flow)/(positive + negative flow) over the last n bar-to-bar changes, where a
 * bar's flow is typical price (h + l + c)/3 times volume, positive when the typical price rose, negative
 * when it fell and neither when unchanged (as trading-signals and TA-Lib). Needs n + 1 bars. No flow in
 * the window (zero volume or flat prices) gives 50. O(1): two rolling sums. technicalindicators differs:
 * it ignores the first bar, counts an unchanged typical price as negative flow and rounds to 2 decimals.
 */
export class MFI implements Indicator<Bar, number> {
  private readonly positive: RollingSum;
  private readonly negative: RollingSum;
  private previousTypical = NaN;
  private prevPreviousTypical = NaN;
  private seen = 0;

  constructor(readonly period = 14) {
    this.positive = new RollingSum(period);
    this.negative = new RollingSum(period);
  }

  add(bar: Bar): void {
    this.prevPreviousTypical = this.previousTypical;
    this.seen++;
    this.step(bar, false);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.previousTypical = this.prevPreviousTypical;
    this.step(bar, true);
  }

  private step(bar: Bar, replacing: boolean): void {
    const typical = (bar.high + bar.low + bar.close) / 3;
    const previous = this.previousTypical;
    this.previousTypical = typical;
    // The first bar only sets the reference; a replace of it has nothing of its own to undo.
    if (Number.isNaN(previous)) return;
    const flow = typical * bar.volume;
    const up = typical > previous ? flow : 0;
    const down = typical < previous ? flow : 0;
    if (replacing) {
      this.positive.replace(up);
      this.negative.replace(down);
    } else {
      this.positive.add(up);
      this.negative.add(down);
    }
  }

  get isStable(): boolean {
    return this.positive.isStable;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.positive.isStable) throw new NotStableError(`MFI(${this.period})`, this.period + 1, this.seen);
    const up = this.positive.value;
    const total = up + this.negative.value;
    return total === 0 ? 50 : (100 * up) / total;
  }

  getResult(): number | undefined {
    return this.isStable ? this.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
