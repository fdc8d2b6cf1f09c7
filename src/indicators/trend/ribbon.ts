// EMA ribbon: several EMAs of the close read as one trend gauge — are they stacked in order, and how far apart.
import { NotStableError, type Indicator } from '../contract.js';
import { EMA } from './ema.js';

export interface RibbonResult {
  /** +1 every EMA above the next slower one (stacked bullish), −1 every one below (stacked bearish), 0 mixed. */
  readonly stack: number;
  /** (fastest − slowest) / slowest. */
  readonly spread: number;
}

/** EMAs of increasing periods (8, 13, 21, 34, 55 by default); stable once the slowest is. */
export class EmaRibbon implements Indicator<number, RibbonResult> {
  private readonly emas: EMA[];

  constructor(readonly periods: readonly number[] = [8, 13, 21, 34, 55]) {
    if (periods.length < 2) throw new RangeError(`an EMA ribbon needs at least two periods, got ${periods.length}`);
    for (let k = 1; k < periods.length; k++) {
      if (!(periods[k]! > periods[k - 1]!)) throw new RangeError(`EMA ribbon periods must increase, got ${periods.join(', ')}`);
    }
    this.emas = periods.map((p) => new EMA(p));
  }

  add(value: number): void {
    for (let k = 0; k < this.emas.length; k++) this.emas[k]!.add(value);
  }

  replace(value: number): void {
    for (let k = 0; k < this.emas.length; k++) this.emas[k]!.replace(value);
  }

  get isStable(): boolean {
    return this.slowest.isStable;
  }

  get count(): number {
    return this.emas[0]!.count;
  }

  private get slowest(): EMA {
    return this.emas[this.emas.length - 1]!;
  }

  private check(): void {
    if (!this.slowest.isStable) throw new NotStableError(`EMA ribbon(${this.periods.join(',')})`, this.slowest.period, this.count);
  }

  /** The EMA of the k-th period (0 = fastest). */
  ema(k: number): number {
    this.check();
    const ema = this.emas[k];
    if (!ema) throw new RangeError(`the ribbon has ${this.emas.length} EMAs, asked for #${k}`);
    return ema.value;
  }

  get stack(): number {
    this.check();
    let up = true;
    let down = true;
    for (let k = 1; k < this.emas.length; k++) {
      const faster = this.emas[k - 1]!.value;
      const slower = this.emas[k]!.value;
      if (!(faster > slower)) up = false;
      if (!(faster < slower)) down = false;
    }
    return up ? 1 : down ? -1 : 0;
  }

  get spread(): number {
    this.check();
    const slow = this.slowest.value;
    return (this.emas[0]!.value - slow) / slow;
  }

  getResult(): RibbonResult | undefined {
    return this.isStable ? { stack: this.stack, spread: this.spread } : undefined;
  }

  getResultOrThrow(): RibbonResult {
    return { stack: this.stack, spread: this.spread };
  }
}
