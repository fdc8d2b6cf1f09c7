// Market structure from confirmed swings: break of structure (BOS) with the trend, change of character (CHoCH) against it.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { SwingPoints } from './swings.js';

export interface StructureResult {
  /** +1 on the bar whose close breaks the last swing high in an up trend, −1 the last swing low in a down trend; else 0. */
  readonly bos: number;
  /** +1 on the bar whose close breaks the last swing high while the trend was down, −1 the mirror; else 0. */
  readonly choch: number;
  /** +1 up, −1 down, 0 before the first break. */
  readonly trend: number;
}

/**
 * A swing level is broken by a close beyond it (a wick is not enough), once: it cannot break again
 * until a new swing of that kind is confirmed. The first break of all, with no trend yet, is a BOS.
 * A close above the swing high is checked before one below the swing low, so one bar never gives
 * two signals. Stable with the swings (once a swing high and a swing low are known). O(left + right).
 */
export class MarketStructure implements Indicator<Bar, StructureResult> {
  readonly swings: SwingPoints;
  private trendValue = 0;
  private bosValue = 0;
  private chochValue = 0;
  private highBroken = false;
  private lowBroken = false;
  private prevTrend = 0;
  private prevHighBroken = false;
  private prevLowBroken = false;

  constructor(right = 3, left = right) {
    this.swings = new SwingPoints(right, left);
  }

  add(bar: Bar): void {
    this.prevTrend = this.trendValue;
    this.prevHighBroken = this.highBroken;
    this.prevLowBroken = this.lowBroken;
    this.swings.add(bar);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.swings.count === 0) return this.add(bar);
    this.trendValue = this.prevTrend;
    this.highBroken = this.prevHighBroken;
    this.lowBroken = this.prevLowBroken;
    this.swings.replace(bar);
    this.step(bar);
  }

  private step(bar: Bar): void {
    this.bosValue = this.chochValue = 0;
    if (this.swings.confirmedHigh) this.highBroken = false;
    if (this.swings.confirmedLow) this.lowBroken = false;
    const high = this.swings.lastHigh;
    const low = this.swings.lastLow;
    if (!this.highBroken && bar.close > high) {
      this.highBroken = true;
      if (this.trendValue === -1) this.chochValue = 1;
      else this.bosValue = 1;
      this.trendValue = 1;
    } else if (!this.lowBroken && bar.close < low) {
      this.lowBroken = true;
      if (this.trendValue === 1) this.chochValue = -1;
      else this.bosValue = -1;
      this.trendValue = -1;
    }
  }

  /** +1 / −1 on a bar that broke structure either way (BOS or CHoCH), else 0; readable before warm-up. */
  get breakDirection(): number {
    return this.bosValue + this.chochValue;
  }

  get isStable(): boolean {
    return this.swings.isStable;
  }

  get count(): number {
    return this.swings.count;
  }

  private check(): void {
    if (!this.isStable) throw new NotStableError(`MarketStructure(${this.swings.left}, ${this.swings.right})`, this.swings.left + this.swings.right + 2, this.count);
  }

  get bos(): number {
    this.check();
    return this.bosValue;
  }

  get choch(): number {
    this.check();
    return this.chochValue;
  }

  get trend(): number {
    this.check();
    return this.trendValue;
  }

  getResult(): StructureResult | undefined {
    return this.isStable ? { bos: this.bosValue, choch: this.chochValue, trend: this.trendValue } : undefined;
  }

  getResultOrThrow(): StructureResult {
    this.check();
    return { bos: this.bosValue, choch: this.chochValue, trend: this.trendValue };
  }
}
