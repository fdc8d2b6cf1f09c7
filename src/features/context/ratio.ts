// The ratio of two prices (ETH/SOL) and its z-score over a rolling window: is the spread stretched?
import { NotStableError, type Indicator } from '../../indicators/contract.js';
import type { PricePair } from './correlation.js';

export interface RatioResult {
  /** a / b of the newest pair. */
  readonly ratio: number;
  /** Mean of the ratio over the window (newest included). */
  readonly mean: number;
  /** Population standard deviation of the ratio over the window. */
  readonly std: number;
  /** (ratio − mean) / std; 0 when the ratio did not move over the window. */
  readonly zscore: number;
}

/**
 * Rolling ratio a / b and its z-score over the last `window` pairs. Mean and deviation are computed
 * in two passes over the ring at every update — O(window) per add or replace — because a ratio near
 * 20 with a small spread loses most of its digits in running sums of squares. Stable after `window`
 * pairs; replace() is exact (add() saves the overwritten ring slot).
 */
export class PriceRatio implements Indicator<PricePair, RatioResult> {
  private readonly ring: Float64Array;
  private next = 0;
  private seen = 0;
  private current = 0;
  private avg = 0;
  private sd = 0;
  private z = 0;
  private savedNext = 0;
  private savedSlot = 0;

  constructor(readonly window: number) {
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`PriceRatio window must be an integer of at least 2, got ${window}`);
    this.ring = new Float64Array(window);
  }

  add(pair: PricePair): void {
    checkPair(pair);
    this.savedNext = this.next;
    this.savedSlot = this.ring[this.next]!;
    this.seen++;
    this.step(pair);
  }

  replace(pair: PricePair): void {
    if (this.seen === 0) return this.add(pair);
    checkPair(pair);
    this.next = this.savedNext;
    this.ring[this.next] = this.savedSlot;
    this.step(pair);
  }

  private step(pair: PricePair): void {
    this.current = pair.a / pair.b;
    this.ring[this.next] = this.current;
    this.next = this.next + 1 === this.window ? 0 : this.next + 1;
    if (this.seen < this.window) return;
    const n = this.window;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += this.ring[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const d = this.ring[i]! - mean;
      squares += d * d;
    }
    this.avg = mean;
    this.sd = Math.sqrt(squares / n);
    this.z = this.sd > 0 ? (this.current - mean) / this.sd : 0;
  }

  get isStable(): boolean {
    return this.seen >= this.window;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (this.seen < this.window) throw new NotStableError(`PriceRatio(${this.window})`, this.window, this.seen);
  }

  get ratio(): number {
    this.check();
    return this.current;
  }

  get mean(): number {
    this.check();
    return this.avg;
  }

  get std(): number {
    this.check();
    return this.sd;
  }

  get zscore(): number {
    this.check();
    return this.z;
  }

  getResult(): RatioResult | undefined {
    return this.isStable ? { ratio: this.current, mean: this.avg, std: this.sd, zscore: this.z } : undefined;
  }

  getResultOrThrow(): RatioResult {
    this.check();
    return { ratio: this.current, mean: this.avg, std: this.sd, zscore: this.z };
  }
}

function checkPair(pair: PricePair): void {
  if (!(pair.a > 0 && pair.b > 0 && Number.isFinite(pair.a) && Number.isFinite(pair.b))) {
    throw new RangeError(`PriceRatio: prices must be positive and finite, got a = ${pair.a}, b = ${pair.b} at ${pair.time}`);
  }
}
