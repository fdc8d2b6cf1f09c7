// A higher timeframe built live from the traded candles: the 1h candle is complete when the 5m candle ending on the hour closes — the same moment a backtest shows it.
import type { Candle } from '../domain/candle.js';

export class CandleAggregator {
  private bucket = Number.NaN;
  private open = 0;
  private high = 0;
  private low = 0;
  private close = 0;
  private volume = 0;
  private turnover = 0;

  constructor(
    private readonly baseMs: number,
    private readonly targetMs: number,
  ) {
    if (!(targetMs >= baseMs && targetMs % baseMs === 0)) throw new RangeError(`a ${targetMs} ms candle cannot be built from ${baseMs} ms candles`);
  }

  /**
   * Adds a closed base candle; returns the higher-timeframe candles it completed (usually none or
   * one; a gap in the base candles completes the one left unfinished as well).
   */
  add(candle: Candle): Candle[] {
    const out: Candle[] = [];
    const bucket = Math.floor(candle.time / this.targetMs) * this.targetMs;
    if (bucket !== this.bucket) {
      // The previous bucket never saw its last base candle (a gap): it is done all the same.
      if (!Number.isNaN(this.bucket)) out.push(this.emit());
      this.bucket = bucket;
      this.open = candle.open;
      this.high = candle.high;
      this.low = candle.low;
      this.volume = 0;
      this.turnover = 0;
    }
    this.high = Math.max(this.high, candle.high);
    this.low = Math.min(this.low, candle.low);
    this.close = candle.close;
    this.volume += candle.volume;
    this.turnover += Number.isNaN(candle.turnover) ? 0 : candle.turnover;
    if (candle.time + this.baseMs === bucket + this.targetMs) {
      out.push(this.emit());
      this.bucket = Number.NaN;
    }
    return out;
  }

  private emit(): Candle {
    return { time: this.bucket, open: this.open, high: this.high, low: this.low, close: this.close, volume: this.volume, turnover: this.turnover, closed: true };
  }
}
