// Dynamic support and resistance: recent confirmed swing prices clustered within a fraction of ATR, nearest cluster below and above the close.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { ATR } from '../../indicators/volatility/atr.js';
import { SwingPoints } from './swings.js';

export interface LevelsOptions {
  /** Swing confirmation: bars to the right (and, by default, to the left). */
  readonly right?: number;
  readonly left?: number;
  /** Cluster width as a multiple of ATR(atrPeriod). */
  readonly toleranceAtr?: number;
  readonly atrPeriod?: number;
  /** How many of the latest swing prices (highs and lows together) to cluster. */
  readonly memory?: number;
  /** Fewest swings a cluster needs to count as a level. */
  readonly minTouches?: number;
}

/** The nearest level at or below the close and the nearest above it; 0 price and 0 touches when there is none. */
export interface LevelsResult {
  readonly support: number;
  readonly supportTouches: number;
  readonly resistance: number;
  readonly resistanceTouches: number;
}

/**
 * Swing highs and lows are one pool (a broken resistance becomes support). Each bar the pool is
 * sorted and split greedily, lowest first: a cluster takes prices while they stay within
 * tolerance = toleranceAtr × ATR of its lowest member, so no cluster is wider than the tolerance.
 * A cluster's level is the mean of its members and its touch count their number. Stable with the
 * ATR. O(memory · log memory) per bar; no allocation once the pool of swings is full.
 */
export class SupportResistance implements Indicator<Bar, LevelsResult> {
  readonly swings: SwingPoints;
  private readonly atr: ATR;
  readonly toleranceAtr: number;
  readonly minTouches: number;
  private readonly pool: Float64Array;
  private readonly sorted: Float64Array;
  private view: Float64Array;
  private next = 0;
  private filled = 0;
  private prevNext = 0;
  private prevFilled = 0;
  private prevSlot0 = 0;
  private prevSlot1 = 0;
  private readonly result = new Float64Array(4);

  constructor(options: LevelsOptions = {}) {
    const memory = options.memory ?? 30;
    this.toleranceAtr = options.toleranceAtr ?? 0.2;
    this.minTouches = options.minTouches ?? 2;
    if (!Number.isInteger(memory) || memory < 2) throw new RangeError(`SupportResistance memory must be an integer >= 2, got ${memory}`);
    if (!(this.toleranceAtr >= 0) || !Number.isFinite(this.toleranceAtr)) throw new RangeError(`SupportResistance toleranceAtr must be a non-negative number, got ${this.toleranceAtr}`);
    if (!Number.isInteger(this.minTouches) || this.minTouches < 1) throw new RangeError(`SupportResistance minTouches must be a positive integer, got ${this.minTouches}`);
    this.swings = new SwingPoints(options.right ?? 3, options.left ?? options.right ?? 3);
    this.atr = new ATR(options.atrPeriod ?? 14);
    this.pool = new Float64Array(memory);
    this.sorted = new Float64Array(memory);
    this.view = this.sorted.subarray(0, 0);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevFilled = this.filled;
    this.prevSlot0 = this.pool[this.next]!;
    this.prevSlot1 = this.pool[(this.next + 1) % this.pool.length]!;
    this.swings.add(bar);
    this.atr.add(bar);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.swings.count === 0) return this.add(bar);
    this.next = this.prevNext;
    this.filled = this.prevFilled;
    this.pool[this.next] = this.prevSlot0;
    this.pool[(this.next + 1) % this.pool.length] = this.prevSlot1;
    this.swings.replace(bar);
    this.atr.replace(bar);
    this.step(bar);
  }

  private push(price: number): void {
    this.pool[this.next] = price;
    this.next = (this.next + 1) % this.pool.length;
    if (this.filled < this.pool.length) this.filled++;
  }

  private step(bar: Bar): void {
    if (this.swings.confirmedHigh) this.push(this.swings.lastHigh);
    if (this.swings.confirmedLow) this.push(this.swings.lastLow);
    this.result.fill(0);
    if (!this.atr.isStable || this.filled === 0) return;
    const tolerance = this.toleranceAtr * this.atr.value;
    // The view is re-made only while the pool fills up, so a full pool costs no allocation.
    if (this.view.length !== this.filled) this.view = this.sorted.subarray(0, this.filled);
    const prices = this.view;
    for (let i = 0; i < this.filled; i++) prices[i] = this.pool[i]!;
    prices.sort();
    let start = 0;
    for (let i = 1; i <= this.filled; i++) {
      if (i < this.filled && prices[i]! - prices[start]! <= tolerance) continue;
      this.consider(prices, start, i, bar.close);
      start = i;
    }
  }

  /** Offers the cluster prices[from, to) as support or resistance for `close`. */
  private consider(prices: Float64Array, from: number, to: number, close: number): void {
    const touches = to - from;
    if (touches < this.minTouches) return;
    let sum = 0;
    for (let i = from; i < to; i++) sum += prices[i]!;
    const level = sum / touches;
    const r = this.result;
    if (level <= close) {
      if (r[1] === 0 || level > r[0]!) {
        r[0] = level;
        r[1] = touches;
      }
    } else if (r[3] === 0 || level < r[2]!) {
      r[2] = level;
      r[3] = touches;
    }
  }

  get isStable(): boolean {
    return this.atr.isStable;
  }

  get count(): number {
    return this.swings.count;
  }

  /** Writes support, supportTouches, resistance, resistanceTouches into `out`; throws before warm-up. */
  readInto(out: Float64Array): void {
    if (!this.isStable) throw new NotStableError('SupportResistance', this.atr.period + 1, this.count);
    out.set(this.result);
  }

  getResult(): LevelsResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): LevelsResult {
    if (!this.isStable) throw new NotStableError('SupportResistance', this.atr.period + 1, this.count);
    const r = this.result;
    return { support: r[0]!, supportTouches: r[1]!, resistance: r[2]!, resistanceTouches: r[3]! };
  }
}
