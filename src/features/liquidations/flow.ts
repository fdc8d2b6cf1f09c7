// Liquidation flow over time windows: notional liquidated and how fast it changes (momentum), longs against shorts (ratio).
import { notional, type LiquidationEvent } from './event.js';
import { TimeWindowSum } from './window-sum.js';

/**
 * Notional liquidated (price × size, USDT) in the window (now − W, now] against the window before it,
 * (now − 2W, now − W]. "now" is the latest event time or the latest `advance(now)`, whichever is
 * later — call advance() on every bar or clock tick so quiet periods decay to 0. Amortised O(1)
 * per event; memory grows with the events of 2W.
 */
export class LiquidationMomentum {
  private readonly current: TimeWindowSum;
  private readonly both: TimeWindowSum;
  private start = NaN;

  constructor(readonly windowMs: number) {
    this.current = new TimeWindowSum(windowMs);
    this.both = new TimeWindowSum(2 * windowMs);
  }

  add(event: LiquidationEvent): void {
    if (Number.isNaN(this.start)) this.start = event.time;
    const value = notional(event);
    this.current.add(event.time, value);
    this.both.add(event.time, value);
  }

  advance(now: number): void {
    if (Number.isNaN(this.start)) this.start = now;
    this.current.advance(now);
    this.both.advance(now);
  }

  /** True once two full windows have passed since the first event or advance (before, `previous` may be short). */
  get isWarm(): boolean {
    return this.both.now - this.start >= 2 * this.windowMs;
  }

  /** Notional liquidated in the latest window. */
  get notional(): number {
    return this.current.sum;
  }

  /** Notional liquidated in the window before it. */
  get previous(): number {
    const previous = this.both.sum - this.current.sum;
    return previous > 0 ? previous : 0;
  }

  /** notional − previous, in USDT. */
  get change(): number {
    return this.notional - this.previous;
  }

  /**
   * Symmetric rate of change (notional − previous) / (notional + previous), in [−1, 1]: +1 when all of
   * it is new, −1 when liquidations stopped, 0 when flat or when nothing was liquidated in either
   * window. Unlike notional / previous − 1 it stays finite after a quiet window.
   */
  get roc(): number {
    const current = this.notional;
    const previous = this.previous;
    const total = current + previous;
    return total > 0 ? (current - previous) / total : 0;
  }
}

/** Longs liquidated against shorts over the window (now − W, now], by notional. Amortised O(1) per event. */
export class LiquidationRatio {
  private readonly longs: TimeWindowSum;
  private readonly shorts: TimeWindowSum;

  constructor(readonly windowMs: number) {
    this.longs = new TimeWindowSum(windowMs);
    this.shorts = new TimeWindowSum(windowMs);
  }

  add(event: LiquidationEvent): void {
    (event.side === 'long' ? this.longs : this.shorts).add(event.time, notional(event));
    this.advance(event.time);
  }

  advance(now: number): void {
    this.longs.advance(now);
    this.shorts.advance(now);
  }

  get longNotional(): number {
    return this.longs.sum;
  }

  get shortNotional(): number {
    return this.shorts.sum;
  }

  /** Long over short notional; undefined while no short was liquidated in the window. */
  get ratio(): number | undefined {
    const shorts = this.shorts.sum;
    return shorts > 0 ? this.longs.sum / shorts : undefined;
  }

  /** (long − short) / (long + short) in [−1, 1]: +1 only longs wiped out, −1 only shorts, 0 balanced or none. */
  get imbalance(): number {
    const longs = this.longs.sum;
    const shorts = this.shorts.sum;
    const total = longs + shorts;
    return total > 0 ? (longs - shorts) / total : 0;
  }
}
