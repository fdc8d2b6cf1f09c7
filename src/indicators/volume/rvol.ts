// Relative volume: the bar's volume against the mean of the previous n bars and against the same time of day on previous days.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { DAY_MS } from './vwap.js';

export interface RelativeVolumeResult {
  /** volume / mean volume of the previous `period` bars. */
  rvol: number;
  /** volume / mean volume of the bars at the same UTC time of day on the previous `days` days. */
  rvolTod: number;
}

/**
 * Both ratios exclude the current bar from their baseline, so a spike does not dilute itself. A
 * baseline of 0 (the market traded nothing) reads 0: no signal rather than Infinity. Time-of-day
 * slots are `floor(time-of-day / interval)`, so `intervalMs` must be the bar interval and divide a
 * day; each slot keeps its last `days` volumes (older ones if a day is missing from the data).
 * Stable once `period` bars and `days` whole days (by bar time) have passed since the first bar; a
 * slot that has not been seen yet by then also reads 0. Per update O(1) for rvol and O(days) for
 * rvolTod (days is small). rvol equals trading-signals RVOL, which gives no value for a zero baseline.
 */
export class RelativeVolume implements Indicator<Bar, RelativeVolumeResult> {
  private readonly recent: Float64Array;
  private readonly slots: Float64Array;
  /** Volumes recorded per slot (capped at `days`) and the slot's next write position. */
  private readonly slotCount: Uint16Array;
  private readonly slotNext: Uint16Array;
  private readonly slotsPerDay: number;
  private seen = 0;
  private firstTime = NaN;
  private lastTime = NaN;
  private next = 0;
  private sum = 0;
  private volume = 0;
  private baseline = 0;
  private todBaseline = 0;
  // Before the latest add.
  private prevNext = 0;
  private prevSum = 0;
  private prevRecent = 0;
  private prevSlot = 0;
  private prevSlotValue = 0;
  private prevSlotCount = 0;
  private prevSlotNext = 0;

  constructor(
    readonly period = 20,
    readonly days = 4,
    readonly intervalMs = 300_000,
  ) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`RVOL period must be a positive integer, got ${period}`);
    if (!Number.isInteger(days) || days < 1 || days > 1000) throw new RangeError(`RVOL days must be an integer from 1 to 1000, got ${days}`);
    if (!Number.isInteger(intervalMs) || intervalMs < 1 || DAY_MS % intervalMs !== 0) throw new RangeError(`RVOL interval must divide a day in whole ms, got ${intervalMs}`);
    this.slotsPerDay = DAY_MS / intervalMs;
    this.recent = new Float64Array(period);
    this.slots = new Float64Array(this.slotsPerDay * days);
    this.slotCount = new Uint16Array(this.slotsPerDay);
    this.slotNext = new Uint16Array(this.slotsPerDay);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSum = this.sum;
    this.prevRecent = this.recent[this.next]!;
    this.seen++;
    this.saveSlot(bar.time);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.next = this.prevNext;
    this.sum = this.prevSum;
    this.recent[this.next] = this.prevRecent;
    const slot = this.prevSlot;
    this.slotCount[slot] = this.prevSlotCount;
    this.slotNext[slot] = this.prevSlotNext;
    this.slots[slot * this.days + this.prevSlotNext] = this.prevSlotValue;
    if (this.seen === 1) this.firstTime = NaN;
    this.saveSlot(bar.time); // the replacing bar may fall in another slot
    this.step(bar);
  }

  /** Saves the one slot entry the coming step overwrites. */
  private saveSlot(time: number): void {
    const slot = this.slotOf(time);
    this.prevSlot = slot;
    this.prevSlotCount = this.slotCount[slot]!;
    this.prevSlotNext = this.slotNext[slot]!;
    this.prevSlotValue = this.slots[slot * this.days + this.prevSlotNext]!;
  }

  private slotOf(time: number): number {
    const tod = ((time % DAY_MS) + DAY_MS) % DAY_MS;
    return Math.floor(tod / this.intervalMs);
  }

  private step(bar: Bar): void {
    if (Number.isNaN(this.firstTime)) this.firstTime = bar.time;
    this.lastTime = bar.time;
    const v = bar.volume;
    this.volume = v;
    // Baseline of the previous `period` bars, then slide the current bar in.
    this.baseline = this.sum / this.period;
    const old = this.seen > this.period ? this.recent[this.next]! : 0;
    this.sum = this.sum - old + v;
    this.recent[this.next] = v;
    this.next = this.next + 1 === this.period ? 0 : this.next + 1;
    if (this.next === 0) this.resync();
    // Same time of day: average what the slot holds, then record the current bar there.
    const slot = this.slotOf(bar.time);
    const base = slot * this.days;
    const filled = this.slotCount[slot]!;
    let total = 0;
    for (let i = 0; i < filled; i++) total += this.slots[base + i]!;
    this.todBaseline = filled > 0 ? total / filled : 0;
    const at = this.slotNext[slot]!;
    this.slots[base + at] = v;
    this.slotNext[slot] = at + 1 === this.days ? 0 : at + 1;
    if (filled < this.days) this.slotCount[slot] = filled + 1;
  }

  /** Re-sums the window every `period` bars so the running sum cannot drift. */
  private resync(): void {
    let sum = 0;
    for (let i = 0; i < this.period; i++) sum += this.recent[i]!;
    this.sum = sum;
  }

  get isStable(): boolean {
    return this.seen > this.period && this.lastTime - this.firstTime >= this.days * DAY_MS;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (!this.isStable) throw new NotStableError(`RVOL(${this.period},${this.days}d)`, Math.max(this.period + 1, this.days * this.slotsPerDay + 1), this.seen);
  }

  get rvol(): number {
    this.check();
    return this.baseline > 0 ? this.volume / this.baseline : 0;
  }

  get rvolTod(): number {
    this.check();
    return this.todBaseline > 0 ? this.volume / this.todBaseline : 0;
  }

  getResult(): RelativeVolumeResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): RelativeVolumeResult {
    return { rvol: this.rvol, rvolTod: this.rvolTod };
  }
}
