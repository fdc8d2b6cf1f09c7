// A strategy's view of a stored candle series during a replay: only the candles closed so far, read in place without copying.
import type { CandleColumns, CandleSeries } from '../data/candle-series.js';
import { candleAt } from '../data/candle-series.js';
import type { Candle } from '../domain/candle.js';
import type { CandleView } from '../strategy/api.js';

/**
 * The replay moves the visible end forward with `showClosedBy`; nothing past it can be read, so a
 * strategy can not look ahead. `lookback` caps how far back it may read, as the live window does.
 * The series must not change while viewed (replayed history does not).
 */
export class SeriesView implements CandleView {
  private readonly cols: CandleColumns;
  private readonly total: number;
  /** Candles [0, end) have closed. */
  private end = 0;

  constructor(
    series: CandleSeries,
    private readonly periodMs: number,
    private readonly lookback: number,
  ) {
    if (!(Number.isInteger(lookback) && lookback >= 1)) throw new RangeError(`lookback must be a positive integer, got ${lookback}`);
    this.cols = series.columns;
    this.total = series.length;
  }

  get length(): number {
    return this.end < this.lookback ? this.end : this.lookback;
  }

  /** Makes visible every candle whose close time (open + period) is at or before `time`. */
  showClosedBy(time: number): void {
    const t = this.cols.time;
    while (this.end < this.total && t[this.end]! + this.periodMs <= time) this.end++;
  }

  /** Makes candles [0, count) visible (the main series, candle by candle). */
  showFirst(count: number): void {
    this.end = count;
  }

  back(steps: number): Candle {
    return candleAt(this.cols, this.index(steps));
  }

  time(steps: number): number {
    return this.cols.time[this.index(steps)]!;
  }

  open(steps: number): number {
    return this.cols.open[this.index(steps)]!;
  }

  high(steps: number): number {
    return this.cols.high[this.index(steps)]!;
  }

  low(steps: number): number {
    return this.cols.low[this.index(steps)]!;
  }

  close(steps: number): number {
    return this.cols.close[this.index(steps)]!;
  }

  volume(steps: number): number {
    return this.cols.volume[this.index(steps)]!;
  }

  private index(steps: number): number {
    if (!(steps >= 0 && steps < this.length && steps % 1 === 0)) {
      throw new RangeError(`candle ${steps} back is outside the ${this.length} visible candles`);
    }
    return this.end - 1 - steps;
  }
}
