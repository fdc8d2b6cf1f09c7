// Volume profile over a rolling window of bars or the developing UTC-day session: POC, VAH and VAL of a 70 % value area.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { BinJournal } from './bin-journal.js';

export interface VolumeProfileOptions {
  /** Bars in the rolling window; 0 = the current UTC day (reset at 00:00 UTC by bar time). */
  readonly window: number;
  /** The instrument's tick (e.g. 0.01 for SOLUSDT), as a number or as instruments-info's decimal string. */
  readonly tickSize: number | string;
  /** Ticks per price bin. */
  readonly binTicks: number;
  /** Share of the volume inside the value area; 0.7 by default. */
  readonly valueArea?: number;
}

export interface VolumeProfileResult {
  /** Centre of the bin with the most volume (the lowest such bin on a tie). */
  readonly poc: number;
  /** Upper edge of the value area's highest bin. */
  readonly vah: number;
  /** Lower edge of the value area's lowest bin. */
  readonly val: number;
}

const DAY = 86_400_000;

/**
 * Each bar's volume is spread uniformly over its high–low range: a bin receives the share of the
 * range it covers (a bar with high = low puts all its volume in one bin). The value area starts at
 * the POC and grows one bin at a time towards the side with more volume (up on a tie) until it
 * holds `valueArea` of the total. A window with no volume at all reports the middle of its range as
 * POC and the whole range as the value area.
 *
 * Bins live in a dense array indexed by absolute bin number (it grows to cover every price seen; it
 * never shrinks, so values are only ever moved, never recomputed). A bin whose last contributing
 * bar leaves the window is set to exactly 0, so no rounding residue builds up. Every bin write of
 * the latest add() is journaled, and replace() undoes the journal: exact.
 *
 * Cost per bar: O(window + bins in the window's range + bins the bar spans).
 */
export class VolumeProfile implements Indicator<Bar, VolumeProfileResult> {
  readonly window: number;
  readonly binSize: number;
  readonly valueArea: number;
  private readonly bins = new BinJournal();
  // Window mode: the bars in the window as a ring.
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private readonly volumes: Float64Array;
  private next = 0;
  private seen = 0;
  // Session mode: the UTC day and the bins it touched.
  private day = NaN;
  private sessionLo = Infinity;
  private sessionHi = -Infinity;
  // State before the latest add.
  private prevNext = 0;
  private prevLow = 0;
  private prevHigh = 0;
  private prevVolume = 0;
  private prevDay = NaN;
  private prevSessionLo = Infinity;
  private prevSessionHi = -Infinity;
  private pocValue = NaN;
  private vahValue = NaN;
  private valValue = NaN;

  constructor(options: VolumeProfileOptions) {
    const { window, binTicks } = options;
    const tickSize = Number(options.tickSize);
    if (!Number.isInteger(window) || window < 0) throw new RangeError(`VolumeProfile window must be a non-negative integer, got ${window}`);
    if (!(tickSize > 0) || !Number.isFinite(tickSize)) throw new RangeError(`VolumeProfile tickSize must be a positive number, got ${options.tickSize}`);
    if (!Number.isInteger(binTicks) || binTicks < 1) throw new RangeError(`VolumeProfile binTicks must be a positive integer, got ${binTicks}`);
    this.valueArea = options.valueArea ?? 0.7;
    if (!(this.valueArea > 0 && this.valueArea <= 1)) throw new RangeError(`VolumeProfile valueArea must be in (0, 1], got ${this.valueArea}`);
    this.window = window;
    this.binSize = tickSize * binTicks;
    this.lows = new Float64Array(window);
    this.highs = new Float64Array(window);
    this.volumes = new Float64Array(window);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    if (this.window > 0) {
      this.prevLow = this.lows[this.next]!;
      this.prevHigh = this.highs[this.next]!;
      this.prevVolume = this.volumes[this.next]!;
    }
    this.prevDay = this.day;
    this.prevSessionLo = this.sessionLo;
    this.prevSessionHi = this.sessionHi;
    this.bins.begin();
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.bins.undo();
    this.next = this.prevNext;
    if (this.window > 0) {
      this.lows[this.next] = this.prevLow;
      this.highs[this.next] = this.prevHigh;
      this.volumes[this.next] = this.prevVolume;
    }
    this.day = this.prevDay;
    this.sessionLo = this.prevSessionLo;
    this.sessionHi = this.prevSessionHi;
    this.bins.begin();
    this.step(bar);
  }

  private step(bar: Bar): void {
    let lo: number;
    let hi: number;
    if (this.window > 0) {
      if (this.seen > this.window) this.spread(this.lows[this.next]!, this.highs[this.next]!, this.volumes[this.next]!, -1);
      this.lows[this.next] = bar.low;
      this.highs[this.next] = bar.high;
      this.volumes[this.next] = bar.volume;
      this.next = this.next + 1 === this.window ? 0 : this.next + 1;
      this.spread(bar.low, bar.high, bar.volume, 1);
      lo = Infinity;
      hi = -Infinity;
      const filled = Math.min(this.seen, this.window);
      for (let i = 0; i < filled; i++) {
        lo = Math.min(lo, this.firstBin(this.lows[i]!));
        hi = Math.max(hi, this.lastBin(this.lows[i]!, this.highs[i]!));
      }
    } else {
      const day = Math.floor(bar.time / DAY);
      if (day !== this.day) {
        for (let b = this.sessionLo; b <= this.sessionHi; b++) this.bins.clear(b);
        this.day = day;
        this.sessionLo = Infinity;
        this.sessionHi = -Infinity;
      }
      this.spread(bar.low, bar.high, bar.volume, 1);
      lo = this.sessionLo = Math.min(this.sessionLo, this.firstBin(bar.low));
      hi = this.sessionHi = Math.max(this.sessionHi, this.lastBin(bar.low, bar.high));
    }
    this.locate(lo, hi);
  }

  /** Bin coordinate of a price, snapped to a whole bin when within float noise of one. */
  private coordinate(price: number): number {
    const x = price / this.binSize;
    const whole = Math.round(x);
    return Math.abs(x - whole) < 1e-9 ? whole : x;
  }

  private firstBin(low: number): number {
    return Math.floor(this.coordinate(low));
  }

  /** Highest bin a bar covers: bins cover [b, b + 1); a top exactly on an edge does not reach past it. */
  private lastBin(low: number, high: number): number {
    const l = this.coordinate(low);
    const h = this.coordinate(high);
    return h > l ? Math.ceil(h) - 1 : Math.floor(l);
  }

  /** Adds (sign +1) or removes (−1) one bar's volume, spread over its range. */
  private spread(low: number, high: number, volume: number, sign: 1 | -1): void {
    const l = this.coordinate(low);
    const h = this.coordinate(high);
    const first = Math.floor(l);
    const last = this.lastBin(low, high);
    for (let b = first; b <= last; b++) {
      const share = h > l ? (Math.min(h, b + 1) - Math.max(l, b)) / (h - l) : 1;
      this.bins.change(b, sign * share * volume, sign);
    }
  }

  /** POC and value area over bins lo..hi. */
  private locate(lo: number, hi: number): void {
    let total = 0;
    let poc = lo;
    let best = -1;
    for (let b = lo; b <= hi; b++) {
      const v = this.bins.volume(b);
      total += v;
      if (v > best) {
        best = v;
        poc = b;
      }
    }
    if (!(total > 0)) {
      this.pocValue = (Math.floor((lo + hi) / 2) + 0.5) * this.binSize;
      this.valValue = lo * this.binSize;
      this.vahValue = (hi + 1) * this.binSize;
      return;
    }
    const target = this.valueArea * total;
    let inside = best;
    let up = poc;
    let down = poc;
    while (inside < target) {
      const above = up < hi ? this.bins.volume(up + 1) : -1;
      const below = down > lo ? this.bins.volume(down - 1) : -1;
      if (above < 0 && below < 0) break;
      if (above >= below) inside += this.bins.volume(++up);
      else inside += this.bins.volume(--down);
    }
    this.pocValue = (poc + 0.5) * this.binSize;
    this.vahValue = (up + 1) * this.binSize;
    this.valValue = down * this.binSize;
  }

  get isStable(): boolean {
    return this.window > 0 ? this.seen >= this.window : this.seen >= 1;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (!this.isStable) throw new NotStableError(`VolumeProfile(${this.window})`, Math.max(1, this.window), this.seen);
  }

  get poc(): number {
    this.check();
    return this.pocValue;
  }

  get vah(): number {
    this.check();
    return this.vahValue;
  }

  get val(): number {
    this.check();
    return this.valValue;
  }

  getResult(): VolumeProfileResult | undefined {
    return this.isStable ? { poc: this.pocValue, vah: this.vahValue, val: this.valValue } : undefined;
  }

  getResultOrThrow(): VolumeProfileResult {
    this.check();
    return { poc: this.pocValue, vah: this.vahValue, val: this.valValue };
  }
}
