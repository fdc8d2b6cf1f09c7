// RSI divergence: regular and hidden, bullish and bearish, flagged on the bar that confirms the oscillator pivot.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { RSI } from './rsi.js';

export interface DivergenceResult {
  readonly regularBullish: number;
  readonly regularBearish: number;
  readonly hiddenBullish: number;
  readonly hiddenBearish: number;
}

export interface DivergenceOptions {
  /** Bars left of a pivot that must all be strictly beyond it. */
  readonly left: number;
  /** Bars right of a pivot that must not go beyond it; the pivot is confirmed this many bars later. */
  readonly right: number;
  /** Fewest bars between two pivots of a kind for them to be compared. */
  readonly rangeMin: number;
  /** Most bars between two pivots of a kind for them to be compared. */
  readonly rangeMax: number;
}

/**
 * Divergence between an oscillator and price, as TradingView's built-in "Divergence Indicator": pivots
 * are found on the oscillator and the price compared is the bar's low (at pivot lows) or high (at pivot
 * highs) on those same bars. A pivot low at bar p is strictly below the `left` values before it and no
 * higher than the `right` values after it (so the first bar of a flat bottom counts); a pivot high
 * likewise. It is known only at bar p + right, which is the bar that carries the flag: nothing looks
 * ahead. Each new pivot is compared with the previous pivot of its kind when they lie rangeMin to
 * rangeMax bars apart (TradingView counts that distance minus one):
 *   regular bullish: price lower low, oscillator higher low;   hidden bullish: price higher low, oscillator lower low;
 *   regular bearish: price higher high, oscillator lower high; hidden bearish: price lower high, oscillator higher high.
 * Flags are 1 on the confirming bar, else 0. O(left + right) per update: a sweep of the pivot window.
 */
export class DivergenceDetector {
  private readonly window: number;
  private readonly osc: Float64Array;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private seen = 0;
  private lowAt = -1;
  private lowOsc = 0;
  private lowPrice = 0;
  private highAt = -1;
  private highOsc = 0;
  private highPrice = 0;
  // State before the latest add, so replace() can redo it.
  private prevLowAt = -1;
  private prevLowOsc = 0;
  private prevLowPrice = 0;
  private prevHighAt = -1;
  private prevHighOsc = 0;
  private prevHighPrice = 0;
  private prevSlotOsc = 0;
  private prevSlotLow = 0;
  private prevSlotHigh = 0;
  /** This bar's flags as bits: 1 regular bullish, 2 regular bearish, 4 hidden bullish, 8 hidden bearish. */
  private flags = 0;

  constructor(readonly options: DivergenceOptions) {
    const { left, right, rangeMin, rangeMax } = options;
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`divergence ${name} must be a positive integer, got ${value}`);
    }
    if (rangeMin > rangeMax) throw new RangeError(`divergence rangeMin (${rangeMin}) must not exceed rangeMax (${rangeMax})`);
    this.window = left + right + 1;
    this.osc = new Float64Array(this.window);
    this.lows = new Float64Array(this.window);
    this.highs = new Float64Array(this.window);
  }

  add(osc: number, low: number, high: number): void {
    this.prevLowAt = this.lowAt;
    this.prevLowOsc = this.lowOsc;
    this.prevLowPrice = this.lowPrice;
    this.prevHighAt = this.highAt;
    this.prevHighOsc = this.highOsc;
    this.prevHighPrice = this.highPrice;
    const slot = this.seen % this.window;
    this.prevSlotOsc = this.osc[slot]!;
    this.prevSlotLow = this.lows[slot]!;
    this.prevSlotHigh = this.highs[slot]!;
    this.seen++;
    this.step(osc, low, high);
  }

  replace(osc: number, low: number, high: number): void {
    if (this.seen === 0) return this.add(osc, low, high);
    this.lowAt = this.prevLowAt;
    this.lowOsc = this.prevLowOsc;
    this.lowPrice = this.prevLowPrice;
    this.highAt = this.prevHighAt;
    this.highOsc = this.prevHighOsc;
    this.highPrice = this.prevHighPrice;
    const slot = (this.seen - 1) % this.window;
    this.osc[slot] = this.prevSlotOsc;
    this.lows[slot] = this.prevSlotLow;
    this.highs[slot] = this.prevSlotHigh;
    this.step(osc, low, high);
  }

  private step(osc: number, low: number, high: number): void {
    const { left, right, rangeMin, rangeMax } = this.options;
    const w = this.window;
    const slot = (this.seen - 1) % w;
    this.osc[slot] = osc;
    this.lows[slot] = low;
    this.highs[slot] = high;
    this.flags = 0;
    if (this.seen < w) return;
    // The candidate pivot is `right` bars back; the ring holds exactly its left and right neighbours.
    const at = this.seen - 1 - right;
    const p = at % w;
    const x = this.osc[p]!;
    let isLow = true;
    let isHigh = true;
    for (let j = 1; j <= left; j++) {
      const v = this.osc[(at - j) % w]!;
      if (!(v > x)) isLow = false;
      if (!(v < x)) isHigh = false;
    }
    for (let j = 1; j <= right; j++) {
      const v = this.osc[(at + j) % w]!;
      if (v < x) isLow = false;
      if (v > x) isHigh = false;
    }
    if (isLow) {
      const price = this.lows[p]!;
      const distance = at - this.lowAt;
      if (this.lowAt >= 0 && distance >= rangeMin && distance <= rangeMax) {
        if (price < this.lowPrice && x > this.lowOsc) this.flags |= 1;
        if (price > this.lowPrice && x < this.lowOsc) this.flags |= 4;
      }
      this.lowAt = at;
      this.lowOsc = x;
      this.lowPrice = price;
    }
    if (isHigh) {
      const price = this.highs[p]!;
      const distance = at - this.highAt;
      if (this.highAt >= 0 && distance >= rangeMin && distance <= rangeMax) {
        if (price > this.highPrice && x < this.highOsc) this.flags |= 2;
        if (price < this.highPrice && x > this.highOsc) this.flags |= 8;
      }
      this.highAt = at;
      this.highOsc = x;
      this.highPrice = price;
    }
  }

  /** True once a pivot can be evaluated (left + right + 1 values seen). */
  get isStable(): boolean {
    return this.seen >= this.window;
  }

  get count(): number {
    return this.seen;
  }

  get regularBullish(): number {
    return this.flags & 1;
  }

  get regularBearish(): number {
    return (this.flags >> 1) & 1;
  }

  get hiddenBullish(): number {
    return (this.flags >> 2) & 1;
  }

  get hiddenBearish(): number {
    return (this.flags >> 3) & 1;
  }
}

/** Divergence between Wilder's RSI of the close and the bars' lows and highs (see DivergenceDetector). */
export class RSIDivergence implements Indicator<Bar, DivergenceResult> {
  private readonly rsi: RSI;
  private readonly detector: DivergenceDetector;

  constructor(
    readonly period = 14,
    options: DivergenceOptions = { left: 5, right: 5, rangeMin: 5, rangeMax: 60 },
  ) {
    this.rsi = new RSI(period);
    this.detector = new DivergenceDetector(options);
  }

  add(bar: Bar): void {
    this.rsi.add(bar.close);
    if (this.rsi.isStable) this.detector.add(this.rsi.value, bar.low, bar.high);
  }

  replace(bar: Bar): void {
    if (this.rsi.count === 0) return this.add(bar);
    this.rsi.replace(bar.close);
    if (this.rsi.isStable) this.detector.replace(this.rsi.value, bar.low, bar.high);
  }

  get isStable(): boolean {
    return this.detector.isStable;
  }

  get count(): number {
    return this.rsi.count;
  }

  private check(): DivergenceDetector {
    if (!this.detector.isStable) {
      const { left, right } = this.detector.options;
      throw new NotStableError(`RSIDivergence(${this.period}, ${left}, ${right})`, this.period + left + right + 1, this.rsi.count);
    }
    return this.detector;
  }

  /** 1 when this bar confirms a regular bullish divergence (price lower low, RSI higher low), else 0. */
  get regularBullish(): number {
    return this.check().regularBullish;
  }

  /** 1 when this bar confirms a regular bearish divergence (price higher high, RSI lower high), else 0. */
  get regularBearish(): number {
    return this.check().regularBearish;
  }

  /** 1 when this bar confirms a hidden bullish divergence (price higher low, RSI lower low), else 0. */
  get hiddenBullish(): number {
    return this.check().hiddenBullish;
  }

  /** 1 when this bar confirms a hidden bearish divergence (price lower high, RSI higher high), else 0. */
  get hiddenBearish(): number {
    return this.check().hiddenBearish;
  }

  getResult(): DivergenceResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): DivergenceResult {
    const d = this.check();
    return { regularBullish: d.regularBullish, regularBearish: d.regularBearish, hiddenBullish: d.hiddenBullish, hiddenBearish: d.hiddenBearish };
  }
}
