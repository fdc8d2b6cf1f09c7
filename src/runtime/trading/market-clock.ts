// The market's time as a live session knows it: the exchange's clock, followed from what the exchange says (its server time, the closes of its candles), so time stops and daily limits count in the market's time also when the exchange replays history.

import type { Clock } from '../../core/clock.js';

/**
 * Reads the last time the exchange told, plus the wall time passed since; once told, never goes back
 * (a candle close reported late moves it only forward). Before the exchange has said anything it is
 * the wall clock. Against Bybit itself this stays within a request's latency of the wall clock; against a
 * replay it follows the replay, up to one candle behind when the replay runs faster than real time.
 */
export class FollowedClock implements Clock {
  private told = Number.NaN;
  private toldAtWall = 0;
  private last = -Infinity;

  constructor(private readonly wall: Clock) {}

  /** The exchange's time is `time` now (a candle that just closed, a server time just read). */
  follow(time: number): void {
    if (!Number.isFinite(time)) return;
    // The wall time read before the exchange first spoke does not hold its time back.
    if (Number.isNaN(this.told)) this.last = -Infinity;
    this.told = time;
    this.toldAtWall = this.wall.now();
  }

  now(): number {
    const time = Number.isNaN(this.told) ? this.wall.now() : this.told + (this.wall.now() - this.toldAtWall);
    if (time > this.last) this.last = time;
    return this.last;
  }
}
