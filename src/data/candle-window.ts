// The last N candles of one timeframe (500 in the live engine): a ring buffer, so a new candle costs O(1) forever.
import type { Candle } from '../domain/candle.js';
import { ColumnsReader } from './columns-reader.js';
import { CANDLE_FLAG, candleAt, emptyColumns, flagsOf, type CandleColumns, NUMERIC_COLUMNS } from './candle-series.js';

/** With the field readers it inherits, the window serves as a strategy's CandleView live. */
export class CandleWindow extends ColumnsReader {
  protected readonly columns: CandleColumns;
  /** Index of the oldest candle in the ring. */
  private head = 0;
  private size = 0;

  constructor(readonly capacity = 500) {
    super();
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`window capacity must be a positive integer, got ${capacity}`);
    this.columns = emptyColumns(capacity);
  }

  get length(): number {
    return this.size;
  }

  /**
   * Adds a candle. A candle with the same open time as the newest one replaces it (the forming
   * candle updating, or closing); an older one is refused so the window never goes back in time.
   */
  update(candle: Candle): void {
    const newest = this.size === 0 ? undefined : this.slot(this.size - 1);
    if (newest !== undefined && this.columns.time[newest] === candle.time) {
      this.write(newest, candle);
      return;
    }
    if (newest !== undefined && candle.time < this.columns.time[newest]!) {
      throw new RangeError(`candle at ${candle.time} is older than the newest in the window (${this.columns.time[newest]})`);
    }
    if (this.size < this.capacity) {
      this.write(this.slot(this.size), candle);
      this.size++;
    } else {
      this.write(this.head, candle);
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** Candle `index` counting from the oldest (0) to the newest (length - 1). */
  at(index: number): Candle {
    if (index < 0 || index >= this.size) throw new RangeError(`window index ${index} outside [0, ${this.size})`);
    return candleAt(this.columns, this.slot(index));
  }

  /** Candle `back` steps before the newest (0 = newest). */
  fromEnd(back = 0): Candle {
    return this.at(this.size - 1 - back);
  }

  /** The newest closed candle, skipping a forming one. */
  lastClosed(): Candle | undefined {
    for (let back = 0; back < this.size; back++) {
      const i = this.slot(this.size - 1 - back);
      if ((this.columns.flags[i]! & CANDLE_FLAG.forming) === 0) return candleAt(this.columns, i);
    }
    return undefined;
  }

  /** One column in chronological order, copied into `out` (allocated when absent). */
  column(name: (typeof NUMERIC_COLUMNS)[number], out = new Float64Array(this.size)): Float64Array {
    const src = this.columns[name];
    for (let k = 0; k < this.size; k++) out[k] = src[this.slot(k)]!;
    return out;
  }

  toArray(): Candle[] {
    const result: Candle[] = [];
    for (let k = 0; k < this.size; k++) result.push(this.at(k));
    return result;
  }

  /** Ring slot of the candle `steps` before the newest, checked (the field readers of ColumnsReader use it). */
  protected indexBack(steps: number): number {
    if (!(steps >= 0 && steps < this.size && steps % 1 === 0)) throw new RangeError(`candle ${steps} back is outside the ${this.size} candles in the window`);
    return this.slot(this.size - 1 - steps);
  }

  private slot(index: number): number {
    return (this.head + index) % this.capacity;
  }

  private write(i: number, candle: Candle): void {
    const c = this.columns;
    c.time[i] = candle.time;
    c.open[i] = candle.open;
    c.high[i] = candle.high;
    c.low[i] = candle.low;
    c.close[i] = candle.close;
    c.volume[i] = candle.volume;
    c.turnover[i] = candle.turnover;
    c.flags[i] = flagsOf(candle);
  }
}
