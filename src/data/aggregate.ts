// Builds larger candles from smaller ones, aligned to UTC boundaries: over a whole series, or live, one update at a time.
import { InputError } from '../core/errors.js';
import type { Candle } from '../domain/candle.js';
import { alignDown } from '../domain/timeframe.js';
import { CANDLE_FLAG, CandleSeries, emptyColumns } from './candle-series.js';

function checkPeriods(sourceMs: number, targetMs: number): void {
  if (!(sourceMs > 0) || !(targetMs > 0) || targetMs % sourceMs !== 0 || targetMs <= sourceMs) {
    throw new InputError(`cannot aggregate ${sourceMs} ms candles into ${targetMs} ms candles: the target must be a larger whole multiple of the source`);
  }
}

/**
 * Aggregates a sorted series of `sourceMs` candles into `targetMs` candles. A bucket with no source
 * candle is not invented (a gap stays a gap); the last bucket is marked forming when its final source
 * candle is missing or itself forming. Any synthetic source candle marks its bucket synthetic.
 */
export function aggregateSeries(source: CandleSeries, sourceMs: number, targetMs: number): CandleSeries {
  checkPeriods(sourceMs, targetMs);
  const n = source.length;
  const s = source.columns;
  const capacity = Math.ceil((n * sourceMs) / targetMs) + 2;
  const out = emptyColumns(capacity);
  let k = -1;
  let bucketEnd = -Infinity;
  const st = s.time, so = s.open, sh = s.high, sl = s.low, sc = s.close, sv = s.volume, stu = s.turnover, sf = s.flags;
  const ot = out.time, oo = out.open, oh = out.high, ol = out.low, oc = out.close, ov = out.volume, otu = out.turnover, of = out.flags;
  for (let i = 0; i < n; i++) {
    const t = st[i]!;
    if (t >= bucketEnd) {
      k++;
      const start = t - (t % targetMs);
      bucketEnd = start + targetMs;
      ot[k] = start;
      oo[k] = so[i]!;
      oh[k] = sh[i]!;
      ol[k] = sl[i]!;
      ov[k] = 0;
      otu[k] = 0;
      of[k] = 0;
    } else {
      if (sh[i]! > oh[k]!) oh[k] = sh[i]!;
      if (sl[i]! < ol[k]!) ol[k] = sl[i]!;
    }
    oc[k] = sc[i]!;
    ov[k] = ov[k]! + sv[i]!;
    otu[k] = otu[k]! + stu[i]!;
    of[k] = of[k]! | (sf[i]! & CANDLE_FLAG.synthetic);
  }
  const rows = k + 1;
  if (rows > 0) {
    const lastSource = n - 1;
    const complete = st[lastSource]! + sourceMs >= bucketEnd && (sf[lastSource]! & CANDLE_FLAG.forming) === 0;
    if (!complete) of[k] = of[k]! | CANDLE_FLAG.forming;
  }
  return CandleSeries.fromColumns(out, rows);
}

export interface AggregationUpdate {
  /** Buckets that closed with this update (normally at most one; two when a gap skipped a boundary). */
  readonly closed: Candle[];
  /** The bucket still forming after this update, when there is one. */
  readonly forming: Candle | undefined;
}

interface Accumulator {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  synthetic: boolean;
}

/**
 * Live aggregation. Feed it every update of the smaller timeframe, forming or closed; it returns the
 * larger candle as it forms and the closed candle once the last smaller candle of the bucket closes
 * (or when a later bucket starts, if the data skipped the boundary).
 */
export class TimeframeAggregator {
  private bucketTime: number | undefined;
  /** Folded closed source candles of the current bucket. */
  private done: Accumulator | undefined;
  /** Open time of the newest closed source candle seen (repeats and older candles are ignored). */
  private lastClosedSource = -Infinity;
  /** The source candle still forming, not yet folded in. */
  private pending: Candle | undefined;

  constructor(
    readonly sourceMs: number,
    readonly targetMs: number,
  ) {
    checkPeriods(sourceMs, targetMs);
  }

  update(candle: Candle): AggregationUpdate {
    // A repeat of a source candle already closed (a resent confirm) changes nothing.
    if (candle.time <= this.lastClosedSource) return { closed: [], forming: this.current(false) };
    const bucket = alignDown(candle.time, this.targetMs);
    const closed: Candle[] = [];
    if (this.bucketTime !== undefined && bucket < this.bucketTime) {
      throw new RangeError(`candle at ${candle.time} belongs to a bucket before the current one (${this.bucketTime})`);
    }
    if (this.bucketTime !== undefined && bucket > this.bucketTime) {
      const previous = this.current(true);
      if (previous) closed.push(previous);
      this.reset();
    }
    this.bucketTime = bucket;
    if (candle.closed) {
      this.fold(candle);
      this.lastClosedSource = candle.time;
      if (this.pending && this.pending.time <= candle.time) this.pending = undefined;
      if (candle.time + this.sourceMs >= bucket + this.targetMs) {
        const complete = this.current(true);
        if (complete) closed.push(complete);
        this.reset();
        this.bucketTime = bucket;
        return { closed, forming: undefined };
      }
    } else {
      this.pending = candle;
    }
    return { closed, forming: this.current(false) };
  }

  private fold(c: Candle): void {
    const a = this.done;
    if (!a) {
      this.done = { time: this.bucketTime!, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, turnover: c.turnover, synthetic: !!c.synthetic };
      return;
    }
    a.high = Math.max(a.high, c.high);
    a.low = Math.min(a.low, c.low);
    a.close = c.close;
    a.volume += c.volume;
    a.turnover += c.turnover;
    a.synthetic ||= !!c.synthetic;
  }

  /** The bucket as it stands: closed parts plus the forming part. */
  private current(asClosed: boolean): Candle | undefined {
    const a = this.done;
    const p = this.pending;
    if (!a && !p) return undefined;
    const time = this.bucketTime!;
    const synthetic = (a?.synthetic ?? false) || !!p?.synthetic;
    const base: Candle = a
      ? {
          time,
          open: a.open,
          high: p ? Math.max(a.high, p.high) : a.high,
          low: p ? Math.min(a.low, p.low) : a.low,
          close: p ? p.close : a.close,
          volume: a.volume + (p?.volume ?? 0),
          turnover: a.turnover + (p ? p.turnover : 0),
          closed: asClosed,
        }
      : { time, open: p!.open, high: p!.high, low: p!.low, close: p!.close, volume: p!.volume, turnover: p!.turnover, closed: asClosed };
    return synthetic ? { ...base, synthetic: true } : base;
  }

  private reset(): void {
    this.done = undefined;
    this.pending = undefined;
  }
}
