// Williams %R: where the close sits below the highest high of the window, from 0 (at the high) to −100 (at the low).
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RollingExtreme } from '../rolling.js';

/**
 * %R(n) = −100·(highest high − close)/(highest high − lowest low) over n bars. A window of zero range
 * gives the middle, −50 (trading-signals gives −100, technicalindicators NaN). O(1) amortised.
 */
export class WilliamsR implements Indicator<Bar, number> {
  private readonly highest: RollingExtreme;
  private readonly lowest: RollingExtreme;
  private close = NaN;

  constructor(readonly period = 14) {
    this.highest = new RollingExtreme(period, 'max');
    this.lowest = new RollingExtreme(period, 'min');
  }

  add(bar: Bar): void {
    this.highest.add(bar.high);
    this.lowest.add(bar.low);
    this.close = bar.close;
  }

  replace(bar: Bar): void {
    this.highest.replace(bar.high);
    this.lowest.replace(bar.low);
    this.close = bar.close;
  }

  get isStable(): boolean {
    return this.highest.isStable;
  }

  get count(): number {
    return this.highest.count;
  }

  get value(): number {
    if (!this.highest.isStable) throw new NotStableError(`WilliamsR(${this.period})`, this.period, this.highest.count);
    const high = this.highest.value;
    const range = high - this.lowest.value;
    return range === 0 ? -50 : (-100 * (high - this.close)) / range;
  }

  getResult(): number | undefined {
    return this.isStable ? this.value : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
