// A strategy's view of a stored candle series during a replay: only the candles closed so far, read in place without copying.
import type { CandleColumns, CandleSeries } from '../data/candle-series.js';
import { ColumnsReader } from '../data/columns-reader.js';
import type { CandleView } from '../strategy/api.js';

/**
 * The replay moves the visible end forward with `showClosedBy`; nothing past it can be read, so a
 * strategy can not look ahead. `lookback` caps how far back it may read, as the live window does.
 * The series must not change while viewed (replayed history does not).
 */
export class SeriesView extends ColumnsReader implements CandleView {
  protected readonly columns: CandleColumns;
  private readonly total: number;
  /** Candles [0, end) have closed. */
  private end = 0;

  constructor(
    series: CandleSeries,
    private readonly periodMs: number,
    private readonly lookback: number,
  ) {
    super();
    if (!(Number.isInteger(lookback) && lookback >= 1)) throw new RangeError(`lookback must be a positive integer, got ${lookback}`);
    this.columns = series.columns;
    this.total = series.length;
  }

  get length(): number {
    return this.end < this.lookback ? this.end : this.lookback;
  }

  /** Makes visible every candle whose close time (open + period) is at or before `time`. */
  showClosedBy(time: number): void {
    const t = this.columns.time;
    while (this.end < this.total && t[this.end]! + this.periodMs <= time) this.end++;
  }

  /** Makes candles [0, count) visible (the main series, candle by candle). */
  showFirst(count: number): void {
    this.end = count;
  }

  protected indexBack(steps: number): number {
    if (!(steps >= 0 && steps < this.length && steps % 1 === 0)) {
      throw new RangeError(`candle ${steps} back is outside the ${this.length} visible candles`);
    }
    return this.end - 1 - steps;
  }
}
