// One candle's walk along its last-price and mark-price paths on a common time axis: where each trigger is first reached, and where the walk stands.
import type { TriggerBy } from '../../domain/order.js';
import { POINTS_PER_CANDLE } from './intrabar.js';
import { advanceTo, atEnd, atPoint, crossing, peakOver, pointTime, trailingCrossing, type Crossing, type Cursor, type Level } from './path-walk.js';

/**
 * Both paths of one candle and where the walk stands on each. Without a mark-price path the mark
 * price is taken to be the last price: both sources then share one path and one cursor. With one, a
 * hit on either path moves the other to the same point of the time axis (see path-walk's Cursor).
 * Something that arrives during the candle (an order or a cancel, after latency) is live from a point
 * of the last-price path: the open of the candle, or of the detail candle it arrives in.
 */
export class CandleWalk {
  private lastAt: Cursor;
  private markAt: Cursor;

  constructor(
    readonly last: readonly number[],
    private readonly mark: readonly number[] | undefined,
    private readonly onGrid: (price: number) => number,
  ) {
    this.lastAt = atPoint(last, 0);
    this.markAt = mark === undefined ? this.lastAt : atPoint(mark, 0);
  }

  /** Where the walk stands on the last-price path. */
  get here(): Cursor {
    return this.lastAt;
  }

  /** Where `level` on the `source` path is first reached from here, by a trigger live from point `live` of the last-price path. */
  find(source: TriggerBy, level: Level, live = 0): Crossing | undefined {
    return crossing(source === 'mark' && this.mark !== undefined ? this.mark : this.last, this.start(source, live), level);
  }

  /** Something that acts the moment it is live (a market order, a cancel): when, and the last price then. */
  arrival(live: number): Crossing {
    const at = this.start('last', live);
    return { next: at.next, price: at.price, time: at.time, atStart: true };
  }

  /** Where a trailing stop on the last price fires from here (see trailingCrossing). */
  trailing(long: boolean, distance: number, peak: number, level: (stop: number) => number): Crossing | undefined {
    return trailingCrossing(this.last, this.lastAt, long, distance, peak, level);
  }

  /** Moves the walk to a crossing found on `source`: onto it on that path, to the same time on the other. */
  moveTo(source: TriggerBy, hit: Crossing): void {
    const at: Cursor = { next: hit.next, price: hit.price, time: hit.time };
    if (this.mark === undefined) {
      this.lastAt = at;
      this.markAt = at;
    } else if (source === 'last') {
      this.lastAt = at;
      this.markAt = advanceTo(this.mark, this.markAt, hit.time, this.onGrid);
    } else {
      this.markAt = at;
      this.lastAt = advanceTo(this.last, this.lastAt, hit.time, this.onGrid);
    }
  }

  /** The best price for a long (highest) or a short (lowest) among `peak` and the last prices walked from `from` to here (or to the end). */
  peak(from: Cursor, long: boolean, peak: number, toEnd = false): number {
    return peakOver(this.last, from, toEnd ? atEnd(this.last) : this.lastAt, long, peak);
  }

  /** Where a trigger live from point `live` of the last-price path starts on `source`: here, or later when it is not live yet. */
  private start(source: TriggerBy, live: number): Cursor {
    const here = source === 'mark' ? this.markAt : this.lastAt;
    if (live === 0) return here;
    const liveTime = pointTime(this.last, live);
    if (liveTime <= here.time) return here;
    if (source === 'last' || this.mark === undefined) return atPoint(this.last, live);
    return advanceTo(this.mark, this.markAt, liveTime, this.onGrid);
  }
}

/**
 * The point of the last-price path from which something arriving at clock time `at` acts in a candle
 * opening at `open` and ending at `end`: the candle's open, or with `detail` candles the open of the one
 * it arrives in (a detail candle is the finest time the path knows). Undefined when it arrives after
 * the candle.
 */
export function arrivalPoint(at: number, open: number, end: number, detail: readonly { readonly time: number }[] | undefined): number | undefined {
  if (at >= end) return undefined;
  if (at <= open || detail === undefined) return 0;
  let k = 0;
  while (k + 1 < detail.length && detail[k + 1]!.time <= at) k++;
  return k * POINTS_PER_CANDLE;
}
