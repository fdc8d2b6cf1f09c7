// Volume-weighted moving average of the close over n bars: O(1) per bar with ring buffers, exact replace.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

/**
 * VWMA(n) = Σ close·volume / Σ volume over the last n bars. When no volume traded in the whole window
 * the weights are undefined; it then falls back to the plain mean of the closes (the limit of equal
 * weights) instead of going undefined, as trading-signals does. Running sums are recomputed from the
 * buffers every n bars (an O(n) pass, amortised O(1)) to stop floating-point drift.
 */
export class VWMA implements Indicator<Bar, number> {
  private readonly closes: Float64Array;
  private readonly volumes: Float64Array;
  private next = 0;
  private seen = 0;
  private sumPv = 0;
  private sumV = 0;
  private sumClose = 0;
  /** Bars in the window with volume above zero: an exact count, so "no volume" is never a rounding accident. */
  private traded = 0;
  // State before the latest add, so replace() can redo that add with another bar.
  private prevNext = 0;
  private prevSumPv = 0;
  private prevSumV = 0;
  private prevSumClose = 0;
  private prevTraded = 0;
  private prevClose = 0;
  private prevVolume = 0;

  constructor(readonly period = 20) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`VWMA period must be a positive integer, got ${period}`);
    this.closes = new Float64Array(period);
    this.volumes = new Float64Array(period);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSumPv = this.sumPv;
    this.prevSumV = this.sumV;
    this.prevSumClose = this.sumClose;
    this.prevTraded = this.traded;
    this.prevClose = this.closes[this.next]!;
    this.prevVolume = this.volumes[this.next]!;
    this.seen++;
    this.push(bar.close, bar.volume);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.next = this.prevNext;
    this.sumPv = this.prevSumPv;
    this.sumV = this.prevSumV;
    this.sumClose = this.prevSumClose;
    this.traded = this.prevTraded;
    this.closes[this.next] = this.prevClose;
    this.volumes[this.next] = this.prevVolume;
    this.push(bar.close, bar.volume);
  }

  private push(close: number, volume: number): void {
    const i = this.next;
    if (this.seen > this.period) {
      const oldClose = this.closes[i]!;
      const oldVolume = this.volumes[i]!;
      this.sumPv -= oldClose * oldVolume;
      this.sumV -= oldVolume;
      this.sumClose -= oldClose;
      if (oldVolume > 0) this.traded--;
    }
    this.sumPv += close * volume;
    this.sumV += volume;
    this.sumClose += close;
    if (volume > 0) this.traded++;
    this.closes[i] = close;
    this.volumes[i] = volume;
    this.next = i + 1 === this.period ? 0 : i + 1;
    if (this.seen % this.period === 0) this.resync();
  }

  private resync(): void {
    let pv = 0;
    let v = 0;
    let c = 0;
    for (let k = 0; k < this.period; k++) {
      pv += this.closes[k]! * this.volumes[k]!;
      v += this.volumes[k]!;
      c += this.closes[k]!;
    }
    this.sumPv = pv;
    this.sumV = v;
    this.sumClose = c;
  }

  private compute(): number {
    return this.traded > 0 ? this.sumPv / this.sumV : this.sumClose / this.period;
  }

  get isStable(): boolean {
    return this.seen >= this.period;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (this.seen < this.period) throw new NotStableError(`VWMA(${this.period})`, this.period, this.seen);
    return this.compute();
  }

  getResult(): number | undefined {
    return this.isStable ? this.compute() : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}
