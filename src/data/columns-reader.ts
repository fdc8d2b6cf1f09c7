// Reading candles newest-first out of columns, shared by the live ring buffer and the replay's view: one set of field readers.
import type { Candle } from '../domain/candle.js';
import { candleAt, type CandleColumns } from './candle-series.js';

/** Subclasses say where the candle `steps` before the newest sits in `columns` (and throw RangeError past the end). */
export abstract class ColumnsReader {
  protected abstract readonly columns: CandleColumns;
  protected abstract indexBack(steps: number): number;

  back(steps: number): Candle {
    return candleAt(this.columns, this.indexBack(steps));
  }

  time(steps: number): number {
    return this.columns.time[this.indexBack(steps)]!;
  }

  open(steps: number): number {
    return this.columns.open[this.indexBack(steps)]!;
  }

  high(steps: number): number {
    return this.columns.high[this.indexBack(steps)]!;
  }

  low(steps: number): number {
    return this.columns.low[this.indexBack(steps)]!;
  }

  close(steps: number): number {
    return this.columns.close[this.indexBack(steps)]!;
  }

  volume(steps: number): number {
    return this.columns.volume[this.indexBack(steps)]!;
  }
}
