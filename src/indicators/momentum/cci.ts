// Commodity channel index: how far the typical price is from its mean, in units of mean absolute deviation.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { SMA } from '../trend/sma.js';

/**
 * CCI(n) = (tp − SMA(tp, n)) / (0.015 · mean |tp − SMA|) with tp = (h + l + c)/3. The mean absolute
 * deviation is around the current mean, so it is O(n) per update (a sweep over the window). A window of
 * zero deviation (every tp equal) gives 0, where the libraries give NaN. The SMA serves as the ring of tps.
 */
export class CCI implements Indicator<Bar, number> {
  private readonly typical: SMA;
  private result = 0;

  constructor(readonly period = 20) {
    this.typical = new SMA(period);
  }

  add(bar: Bar): void {
    this.typical.add((bar.high + bar.low + bar.close) / 3);
    this.update();
  }

  replace(bar: Bar): void {
    this.typical.replace((bar.high + bar.low + bar.close) / 3);
    this.update();
  }

  private update(): void {
    if (!this.typical.isStable) return;
    const n = this.period;
    // Fresh sums over the window, oldest first (the libraries' order): the sweep is O(n) anyway, and a
    // fresh mean carries no rolling residue, so a flat window is detected exactly.
    let sum = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let back = n - 1; back >= 0; back--) {
      const tp = this.typical.at(back);
      sum += tp;
      if (tp < low) low = tp;
      if (tp > high) high = tp;
    }
    if (low === high) {
      this.result = 0;
      return;
    }
    const mean = sum / n;
    let deviation = 0;
    for (let back = n - 1; back >= 0; back--) deviation += Math.abs(this.typical.at(back) - mean);
    this.result = (this.typical.at(0) - mean) / (0.015 * (deviation / n));
  }

  get isStable(): boolean {
    return this.typical.isStable;
  }

  get count(): number {
    return this.typical.count;
  }

  get value(): number {
    if (!this.typical.isStable) throw new NotStableError(`CCI(${this.period})`, this.period, this.typical.count);
    return this.result;
  }

  getResult(): number | undefined {
    return this.isStable ? this.result : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
