// Keltner Channels: EMA of the close ± a multiple of Wilder's ATR (defaults EMA 20, ATR 10, × 2).
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { EMA } from '../trend/ema.js';
import { ATR } from './atr.js';

export interface ChannelResult {
  upper: number;
  middle: number;
  lower: number;
}

/**
 * The modern (Raschke) Keltner Channel: middle = EMA(n) of the close, bands = middle ± m × ATR(a).
 * Defaults EMA 20, ATR 10, m = 2 are StockCharts' and trading-signals' defaults (Keltner's 1960
 * original used a 10-day SMA of the typical price ± the average range). The EMA is seeded with an
 * SMA and the ATR drops the first bar's range, as everywhere in this project: equal to
 * technicalindicators KeltnerChannels; trading-signals seeds its EMA with the first close and its
 * ATR with the first range, so it agrees only once those seeds decay (~200 bars).
 */
export class KeltnerChannels implements Indicator<Bar, ChannelResult> {
  private readonly ema: EMA;
  private readonly atr: ATR;

  constructor(
    readonly period = 20,
    readonly atrPeriod = 10,
    readonly multiplier = 2,
  ) {
    if (!(multiplier >= 0)) throw new RangeError(`Keltner multiplier must be >= 0, got ${multiplier}`);
    this.ema = new EMA(period);
    this.atr = new ATR(atrPeriod);
  }

  add(bar: Bar): void {
    this.ema.add(bar.close);
    this.atr.add(bar);
  }

  replace(bar: Bar): void {
    this.ema.replace(bar.close);
    this.atr.replace(bar);
  }

  get isStable(): boolean {
    return this.ema.isStable && this.atr.isStable;
  }

  get count(): number {
    return this.ema.count;
  }

  get middle(): number {
    if (!this.isStable) throw new NotStableError(`Keltner(${this.period},${this.atrPeriod},${this.multiplier})`, Math.max(this.period, this.atrPeriod + 1), this.count);
    return this.ema.value;
  }

  get upper(): number {
    return this.middle + this.multiplier * this.atr.value;
  }

  get lower(): number {
    return this.middle - this.multiplier * this.atr.value;
  }

  getResult(): ChannelResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): ChannelResult {
    return { upper: this.upper, middle: this.middle, lower: this.lower };
  }
}
