// Remembers, for each direction, the latest pullback into the EMA 21/34 band that left the trend intact: when it touched and how far it reached.
import type { Bar } from '../../../indicators/contract.js';

/** The ribbon EMAs a pullback is measured against, after the current candle. */
export interface PullbackBand {
  /** EMA 21: a pullback reaches the band when it trades to this EMA (within `tolerance`). */
  readonly inner: number;
  /** EMA 34: the far side of the band; a pullback that held it was shallow. */
  readonly outer: number;
  /** EMA 55: a close beyond it ends the trend, and with it the pullback. */
  readonly guard: number;
  /** A price distance: how close to the inner EMA counts as a touch. */
  readonly tolerance: number;
}

/** One direction's pullback: candles since it last touched the band, its extreme, and how far it stayed from the EMA 34. */
class OneSide {
  barsSince = Number.POSITIVE_INFINITY;
  extreme = Number.NaN;
  /** The least distance by which the pullback's candles stayed on the trend side of the EMA 34 then (negative: crossed it). */
  outerMargin = Number.NaN;

  constructor(
    private readonly sign: 1 | -1,
    private readonly window: number,
  ) {}

  step(bar: Bar, band: PullbackBand): void {
    const s = this.sign;
    if (s * (bar.close - band.guard) < 0) return this.clear();
    // Long (s = 1): the low reaches down to the EMA 21; short: the high reaches up to it.
    const reach = s > 0 ? bar.low : bar.high;
    this.barsSince++;
    if (s * (reach - band.inner) <= band.tolerance) {
      // A touch long after the last one starts a new pullback, with its own extreme.
      if (this.barsSince > this.window) {
        this.extreme = reach;
        this.outerMargin = s * (reach - band.outer);
      }
      this.barsSince = 0;
    }
    if (this.barsSince > this.window) return;
    if (s * (reach - this.extreme) < 0) this.extreme = reach;
    this.outerMargin = Math.min(this.outerMargin, s * (reach - band.outer));
  }

  clear(): void {
    this.barsSince = Number.POSITIVE_INFINITY;
    this.extreme = Number.NaN;
    this.outerMargin = Number.NaN;
  }
}

/**
 * Feed each closed candle with the band after it. A touch restarts the count at 0; the extreme is the
 * deepest price of the current pullback (the stop hangs beyond it), which a touch more than `window`
 * candles after the previous one starts afresh. A close beyond the guard EMA forgets the pullback,
 * and so does `consume` once a trade was taken from it.
 */
export class PullbackTracker {
  private readonly long: OneSide;
  private readonly short: OneSide;

  /** `window`: candles after its last touch that a pullback stays current. */
  constructor(window: number) {
    this.long = new OneSide(1, window);
    this.short = new OneSide(-1, window);
  }

  add(bar: Bar, band: PullbackBand): void {
    this.long.step(bar, band);
    this.short.step(bar, band);
  }

  /** Candles since the side's pullback last touched the band (0: this candle; Infinity: none). */
  barsSince(side: 'long' | 'short'): number {
    return this.of(side).barsSince;
  }

  /** The pullback's deepest price: its lowest low for a long, highest high for a short (NaN: none). */
  extreme(side: 'long' | 'short'): number {
    return this.of(side).extreme;
  }

  /** How far the pullback stayed on the trend side of the EMA 34 (negative: it went through; NaN: none). */
  outerMargin(side: 'long' | 'short'): number {
    return this.of(side).outerMargin;
  }

  consume(side: 'long' | 'short'): void {
    this.of(side).clear();
  }

  private of(side: 'long' | 'short'): OneSide {
    return side === 'long' ? this.long : this.short;
  }
}
