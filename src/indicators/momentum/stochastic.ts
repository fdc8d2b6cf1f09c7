// Slow stochastic oscillator (%K smoothed, %D) of bars, and the stochastic RSI built on the same engine.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { SMA } from '../trend/sma.js';
import { RSI } from './rsi.js';
import { RollingExtreme } from '../rolling.js';

export interface StochasticResult {
  readonly k: number;
  readonly d: number;
}

/**
 * Fast %K = 100·(close − lowest low)/(highest high − lowest low) over `period` inputs, slow %K = SMA of
 * fast %K over `smoothing`, %D = SMA of slow %K over `signal`. A window of zero range gives fast %K = 50
 * (the middle: no reading), where trading-signals and technicalindicators give 0. O(1) amortised.
 * technicalindicators' Stochastic is the fast one: our smoothing = 1.
 */
class StochasticEngine {
  private readonly highest: RollingExtreme;
  private readonly lowest: RollingExtreme;
  private readonly smoothK: SMA;
  private readonly smoothD: SMA;

  constructor(
    readonly period: number,
    readonly smoothing: number,
    readonly signal: number,
  ) {
    this.highest = new RollingExtreme(period, 'max');
    this.lowest = new RollingExtreme(period, 'min');
    this.smoothK = new SMA(smoothing);
    this.smoothD = new SMA(signal);
  }

  add(high: number, low: number, close: number): void {
    this.highest.add(high);
    this.lowest.add(low);
    if (!this.highest.isStable) return;
    this.smoothK.add(this.fastK(close));
    if (this.smoothK.isStable) this.smoothD.add(this.smoothK.value);
  }

  /** Redoes the latest add; the counts it branches on are those the add saw, so each child replaces exactly what it took. */
  replace(high: number, low: number, close: number): void {
    if (this.highest.count === 0) return this.add(high, low, close);
    this.highest.replace(high);
    this.lowest.replace(low);
    if (!this.highest.isStable) return;
    this.smoothK.replace(this.fastK(close));
    if (this.smoothK.isStable) this.smoothD.replace(this.smoothK.value);
  }

  private fastK(close: number): number {
    const low = this.lowest.value;
    const range = this.highest.value - low;
    return range === 0 ? 50 : (100 * (close - low)) / range;
  }

  get isStable(): boolean {
    return this.smoothD.isStable;
  }

  get count(): number {
    return this.highest.count;
  }

  /** Inputs needed before %D is defined. */
  get needed(): number {
    return this.period + this.smoothing + this.signal - 2;
  }

  get k(): number {
    return this.smoothK.value;
  }

  get d(): number {
    return this.smoothD.value;
  }
}

/** Slow stochastic of bars (14, 3, 3 by default); outputs %K and %D from 0 to 100. */
export class Stochastic implements Indicator<Bar, StochasticResult> {
  private readonly engine: StochasticEngine;

  constructor(
    readonly period = 14,
    readonly smoothing = 3,
    readonly signal = 3,
  ) {
    this.engine = new StochasticEngine(period, smoothing, signal);
  }

  add(bar: Bar): void {
    this.engine.add(bar.high, bar.low, bar.close);
  }

  replace(bar: Bar): void {
    this.engine.replace(bar.high, bar.low, bar.close);
  }

  get isStable(): boolean {
    return this.engine.isStable;
  }

  get count(): number {
    return this.engine.count;
  }

  private check(): void {
    if (!this.engine.isStable) throw new NotStableError(`Stochastic(${this.period}, ${this.smoothing}, ${this.signal})`, this.engine.needed, this.engine.count);
  }

  /** Slow %K. */
  get k(): number {
    this.check();
    return this.engine.k;
  }

  /** %D: the signal line. */
  get d(): number {
    this.check();
    return this.engine.d;
  }

  getResult(): StochasticResult | undefined {
    return this.isStable ? { k: this.engine.k, d: this.engine.d } : undefined;
  }

  getResultOrThrow(): StochasticResult {
    this.check();
    return { k: this.engine.k, d: this.engine.d };
  }
}

/**
 * Stochastic RSI (14, 14, 3, 3 by default): the stochastic of Wilder's RSI over `period` RSI values,
 * %K its SMA over `smoothing`, %D the SMA of %K over `signal`; 0 to 100 as on TradingView (trading-signals
 * gives the raw value as 0 to 1). A flat RSI window gives the middle, 50 (trading-signals: 100). Unlike
 * technicalindicators, RSI is not rounded to 2 decimals first; unlike trading-signals, %D is updated
 * when %K is exactly 0 (its `if (k)` skips it).
 */
export class StochasticRSI implements Indicator<number, StochasticResult> {
  private readonly rsi: RSI;
  private readonly engine: StochasticEngine;

  constructor(
    readonly rsiPeriod = 14,
    readonly period = 14,
    readonly smoothing = 3,
    readonly signal = 3,
  ) {
    this.rsi = new RSI(rsiPeriod);
    this.engine = new StochasticEngine(period, smoothing, signal);
  }

  add(close: number): void {
    this.rsi.add(close);
    if (!this.rsi.isStable) return;
    const rsi = this.rsi.value;
    this.engine.add(rsi, rsi, rsi);
  }

  replace(close: number): void {
    if (this.rsi.count === 0) return this.add(close);
    this.rsi.replace(close);
    if (!this.rsi.isStable) return;
    const rsi = this.rsi.value;
    this.engine.replace(rsi, rsi, rsi);
  }

  get isStable(): boolean {
    return this.engine.isStable;
  }

  get count(): number {
    return this.rsi.count;
  }

  private check(): void {
    const needed = this.rsiPeriod + this.engine.needed;
    if (!this.engine.isStable) throw new NotStableError(`StochasticRSI(${this.rsiPeriod}, ${this.period}, ${this.smoothing}, ${this.signal})`, needed, this.rsi.count);
  }

  get k(): number {
    this.check();
    return this.engine.k;
  }

  get d(): number {
    this.check();
    return this.engine.d;
  }

  getResult(): StochasticResult | undefined {
    return this.isStable ? { k: this.engine.k, d: this.engine.d } : undefined;
  }

  getResultOrThrow(): StochasticResult {
    this.check();
    return { k: this.engine.k, d: this.engine.d };
  }
}
