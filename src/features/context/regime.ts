// Market regime of the latest bar — trend, range or high volatility — from ADX, the ATR percentile and Bollinger width.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { ADX } from '../../indicators/trend/adx.js';
import { ATR } from '../../indicators/volatility/atr.js';
import { BollingerBands } from '../../indicators/volatility/bollinger.js';
import { RollingPercentile } from './percentile.js';

/** Regime codes (the `regime` output). */
export const REGIME = { range: 0, trend: 1, highVolatility: 2 } as const;
export type RegimeCode = (typeof REGIME)[keyof typeof REGIME];

export interface RegimeOptions {
  readonly adxPeriod?: number;
  readonly atrPeriod?: number;
  /** Bars over which the ATR is ranked (default 100, about 8 h on 5m). */
  readonly percentileWindow?: number;
  /** Bollinger period; the multiplier is 2. */
  readonly bbPeriod?: number;
  /** ADX above this is a trend (default 25). */
  readonly adxTrend?: number;
  /** ATR percentile above this is high volatility (default 80). */
  readonly atrHigh?: number;
  /** A trend needs the Bollinger half-width (2σ) of at least this many ATRs (default 1.5; 0 disables). */
  readonly squeeze?: number;
}

export interface RegimeResult {
  readonly regime: RegimeCode;
  readonly adx: number;
  /** Percentile rank (0–100) of the ATR among its last `percentileWindow` values. */
  readonly atrPercentile: number;
  /** Bollinger bandwidth (upper − lower) / middle, a fraction. */
  readonly bbWidth: number;
}

/**
 * The rule, in this order:
 *  - 2 high volatility: the ATR percentile is above `atrHigh` — ranges are wider than usual lately,
 *    whatever the direction;
 *  - 1 trend: ADX above `adxTrend`, and the Bollinger bands wider than `squeeze` ATRs either side
 *    (2σ ≥ squeeze · ATR, i.e. outside a Keltner channel of that width): closes are spreading out,
 *    not coiling while a lagging ADX still reads high;
 *  - 0 range otherwise.
 * Cost per bar: O(1) for ADX, ATR and Bollinger, O(percentileWindow) for the ATR rank. Stable when
 * all four are (about percentileWindow + atrPeriod bars). replace() delegates to every part.
 */
export class Regime implements Indicator<Bar, RegimeResult> {
  readonly adxPeriod: number;
  readonly atrPeriod: number;
  readonly percentileWindow: number;
  readonly bbPeriod: number;
  readonly adxTrend: number;
  readonly atrHigh: number;
  readonly squeeze: number;
  private readonly adxInd: ADX;
  private readonly atr: ATR;
  private readonly rank: RollingPercentile;
  private readonly bb: BollingerBands;
  private seen = 0;
  private code: RegimeCode = REGIME.range;

  constructor(options: RegimeOptions = {}) {
    this.adxPeriod = options.adxPeriod ?? 14;
    this.atrPeriod = options.atrPeriod ?? 14;
    this.percentileWindow = options.percentileWindow ?? 100;
    this.bbPeriod = options.bbPeriod ?? 20;
    this.adxTrend = options.adxTrend ?? 25;
    this.atrHigh = options.atrHigh ?? 80;
    this.squeeze = options.squeeze ?? 1.5;
    if (!(this.squeeze >= 0)) throw new RangeError(`Regime squeeze must be >= 0, got ${this.squeeze}`);
    this.adxInd = new ADX(this.adxPeriod);
    this.atr = new ATR(this.atrPeriod);
    this.rank = new RollingPercentile(this.percentileWindow);
    this.bb = new BollingerBands(this.bbPeriod, 2);
  }

  add(bar: Bar): void {
    this.seen++;
    this.adxInd.add(bar);
    this.atr.add(bar);
    if (this.atr.isStable) this.rank.add(this.atr.value);
    this.bb.add(bar.close);
    this.classify();
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.adxInd.replace(bar);
    this.atr.replace(bar);
    // ATR stability depends on the count alone, so it was stable at the latest add exactly when it is now.
    if (this.atr.isStable) this.rank.replace(this.atr.value);
    this.bb.replace(bar.close);
    this.classify();
  }

  private classify(): void {
    if (!this.isStable) return;
    if (this.rank.value > this.atrHigh) this.code = REGIME.highVolatility;
    else if (this.adxInd.adx > this.adxTrend && this.bb.deviation >= this.squeeze * this.atr.value) this.code = REGIME.trend;
    else this.code = REGIME.range;
  }

  get isStable(): boolean {
    return this.adxInd.isStable && this.rank.isStable && this.bb.isStable;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (!this.isStable) {
      const needed = Math.max(2 * this.adxPeriod, this.atrPeriod + this.percentileWindow, this.bbPeriod);
      throw new NotStableError('Regime', needed, this.seen);
    }
  }

  get regime(): RegimeCode {
    this.check();
    return this.code;
  }

  get adx(): number {
    this.check();
    return this.adxInd.adx;
  }

  get atrPercentile(): number {
    this.check();
    return this.rank.value;
  }

  get bbWidth(): number {
    this.check();
    return this.bb.bandwidth;
  }

  getResult(): RegimeResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): RegimeResult {
    return { regime: this.regime, adx: this.adx, atrPercentile: this.atrPercentile, bbWidth: this.bbWidth };
  }
}
