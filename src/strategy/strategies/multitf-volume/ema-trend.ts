// The trend of one timeframe as MultiTF Volume reads it: the last close against a rising or falling EMA of that timeframe's closes.
import { EMA } from '../../../indicators/trend/ema.js';
import type { CandleView } from '../../api.js';

/**
 * +1 when the newest close is above an EMA that rose with it, −1 below one that fell, 0 otherwise
 * (or before the EMA is stable). Fed from a candle view, each candle once: a higher timeframe shows
 * the same closed candle for many base candles, and only a new one moves the EMA.
 */
export class EmaTrend {
  private readonly ema: EMA;
  private lastTime = Number.NaN;
  private close = Number.NaN;
  private previous = Number.NaN;

  constructor(period: number) {
    this.ema = new EMA(period);
  }

  /** Takes the newest closed candle of `view` if it has not been seen yet. */
  update(view: CandleView): void {
    if (view.length === 0 || view.time(0) === this.lastTime) return;
    this.lastTime = view.time(0);
    this.previous = this.ema.isStable ? this.ema.value : Number.NaN;
    this.close = view.close(0);
    this.ema.add(this.close);
  }

  get isStable(): boolean {
    return !Number.isNaN(this.previous);
  }

  /** The EMA after the newest candle (NaN before it is stable). */
  get value(): number {
    return this.ema.isStable ? this.ema.value : Number.NaN;
  }

  get direction(): number {
    if (!this.isStable) return 0;
    const ema = this.ema.value;
    if (this.close > ema && ema > this.previous) return 1;
    if (this.close < ema && ema < this.previous) return -1;
    return 0;
  }
}
