// Candles in columnar form on typed arrays: O(1) amortised append, cheap slicing, zero-copy from the binary cache.
import type { Candle } from '../domain/candle.js';

/** Per-candle flag bits. */
export const CANDLE_FLAG = { forming: 1, synthetic: 2 } as const;

export interface CandleColumns {
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly turnover: Float64Array;
  readonly flags: Uint8Array;
}

export const PRICE_COLUMNS = ['open', 'high', 'low', 'close'] as const;
export const NUMERIC_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume', 'turnover'] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/**
 * Columns made by a class, never by an object literal: a literal with a Candle's keys in a Candle's
 * order would share V8's hidden-class chain with every Candle, and typed arrays stored in it would turn
 * the candles' number fields generic (boxed) process-wide.
 */
export class ColumnSet implements CandleColumns {
  constructor(
    readonly time: Float64Array,
    readonly open: Float64Array,
    readonly high: Float64Array,
    readonly low: Float64Array,
    readonly close: Float64Array,
    readonly volume: Float64Array,
    readonly turnover: Float64Array,
    readonly flags: Uint8Array,
  ) {}
}

/** Zeroed columns for `capacity` candles. */
export function emptyColumns(capacity: number): CandleColumns {
  const f64 = (): Float64Array => new Float64Array(capacity);
  return new ColumnSet(f64(), f64(), f64(), f64(), f64(), f64(), f64(), new Uint8Array(capacity));
}

/** A growable, append-only candle series. Columns are exposed for hot loops; only [0, length) is meaningful. */
export class CandleSeries {
  private cols: CandleColumns;
  private size: number;

  constructor(capacity = 1024) {
    this.cols = emptyColumns(Math.max(1, capacity));
    this.size = 0;
  }

  /** Wraps existing columns without copying (all must have at least `length` elements). */
  static fromColumns(columns: CandleColumns, length = columns.time.length): CandleSeries {
    const series = new CandleSeries(1);
    series.cols = columns;
    series.size = length;
    return series;
  }

  static fromCandles(candles: readonly Candle[]): CandleSeries {
    const series = new CandleSeries(candles.length);
    for (const candle of candles) series.push(candle);
    return series;
  }

  get length(): number {
    return this.size;
  }

  /** Columns trimmed to the current length (views, not copies). */
  get columns(): CandleColumns {
    const n = this.size;
    const c = this.cols;
    return new ColumnSet(
      c.time.subarray(0, n),
      c.open.subarray(0, n),
      c.high.subarray(0, n),
      c.low.subarray(0, n),
      c.close.subarray(0, n),
      c.volume.subarray(0, n),
      c.turnover.subarray(0, n),
      c.flags.subarray(0, n),
    );
  }

  append(time: number, open: number, high: number, low: number, close: number, volume: number, turnover = NaN, flags = 0): void {
    if (this.size === this.cols.time.length) this.grow();
    const i = this.size++;
    this.write(i, time, open, high, low, close, volume, turnover, flags);
  }

  push(candle: Candle): void {
    this.append(candle.time, candle.open, candle.high, candle.low, candle.close, candle.volume, candle.turnover, flagsOf(candle));
  }

  /** Overwrites the newest candle: the still-forming candle changes many times before it closes. */
  replaceLast(candle: Candle): void {
    if (this.size === 0) throw new RangeError('replaceLast on an empty series');
    this.write(this.size - 1, candle.time, candle.open, candle.high, candle.low, candle.close, candle.volume, candle.turnover, flagsOf(candle));
  }

  at(index: number): Candle {
    if (index < 0 || index >= this.size || !Number.isInteger(index)) throw new RangeError(`candle index ${index} outside [0, ${this.size})`);
    return candleAt(this.cols, index);
  }

  last(): Candle | undefined {
    return this.size === 0 ? undefined : candleAt(this.cols, this.size - 1);
  }

  /** True when any candle carries a turnover (quote volume). */
  hasTurnover(): boolean {
    const t = this.cols.turnover;
    for (let i = 0; i < this.size; i++) if (!Number.isNaN(t[i]!)) return true;
    return false;
  }

  /** Index of the first candle with time >= `time` (binary search; the series must be sorted). */
  lowerBound(time: number): number {
    const t = this.cols.time;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]! < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A copy of candles in [from, to] by open time (inclusive; the series must be sorted). */
  sliceByTime(from: number, to: number): CandleSeries {
    const start = this.lowerBound(from);
    const end = this.lowerBound(to + 1);
    return this.slice(start, end);
  }

  /** A copy of rows [start, end). */
  slice(start: number, end: number): CandleSeries {
    const from = Math.max(0, start);
    const to = Math.min(this.size, Math.max(from, end));
    const n = to - from;
    const c = this.cols;
    const columns = new ColumnSet(
      c.time.slice(from, to),
      c.open.slice(from, to),
      c.high.slice(from, to),
      c.low.slice(from, to),
      c.close.slice(from, to),
      c.volume.slice(from, to),
      c.turnover.slice(from, to),
      c.flags.slice(from, to),
    );
    return CandleSeries.fromColumns(columns, n);
  }

  *[Symbol.iterator](): IterableIterator<Candle> {
    for (let i = 0; i < this.size; i++) yield candleAt(this.cols, i);
  }

  toArray(): Candle[] {
    return [...this];
  }

  private write(i: number, time: number, open: number, high: number, low: number, close: number, volume: number, turnover: number, flags: number): void {
    const c = this.cols;
    c.time[i] = time;
    c.open[i] = open;
    c.high[i] = high;
    c.low[i] = low;
    c.close[i] = close;
    c.volume[i] = volume;
    c.turnover[i] = turnover;
    c.flags[i] = flags;
  }

  private grow(): void {
    const old = this.cols;
    const next = emptyColumns(old.time.length * 2);
    for (const key of NUMERIC_COLUMNS) next[key].set(old[key].subarray(0, this.size));
    next.flags.set(old.flags.subarray(0, this.size));
    this.cols = next;
  }
}

export function flagsOf(candle: Candle): number {
  return (candle.closed ? 0 : CANDLE_FLAG.forming) | (candle.synthetic ? CANDLE_FLAG.synthetic : 0);
}

export function candleAt(c: CandleColumns, i: number): Candle {
  const flags = c.flags[i]!;
  const candle: Candle = {
    time: c.time[i]!,
    open: c.open[i]!,
    high: c.high[i]!,
    low: c.low[i]!,
    close: c.close[i]!,
    volume: c.volume[i]!,
    turnover: c.turnover[i]!,
    closed: (flags & CANDLE_FLAG.forming) === 0,
  };
  return flags & CANDLE_FLAG.synthetic ? { ...candle, synthetic: true } : candle;
}
