// Anchored VWAP with volume-weighted standard-deviation bands: the intraday fair-value line, reset at each anchor.
import { NotStableError, type Bar, type Indicator } from '../contract.js';

export interface VWAPResult {
  vwap: number;
  upper1: number;
  lower1: number;
  upper2: number;
  lower2: number;
}

/** Decides whether the bar at `time` opens a new anchor period, given the previous bar's time. */
export type AnchorRule = (time: number, previousTime: number) => boolean;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Monday 1970-01-05 00:00 UTC: periods count from here, so a 168 h period is a Monday-to-Monday UTC week. */
export const MONDAY_EPOCH = 4 * DAY_MS;

/**
 * Periods of fixed length counted from Monday 00:00 UTC. Any divisor of 24 h (1, 4, 8, 12, 24 h …)
 * lands on UTC midnight as usual, and 168 h anchors to the UTC week.
 */
export function periodAnchor(periodMs: number): AnchorRule {
  if (!(periodMs > 0)) throw new RangeError(`anchor period must be positive, got ${periodMs} ms`);
  return (time, previousTime) => Math.floor((time - MONDAY_EPOCH) / periodMs) !== Math.floor((previousTime - MONDAY_EPOCH) / periodMs);
}

/**
 * VWAP of the typical price (h + l + c) / 3 since the latest anchor, from bar times. The bands are
 * vwap ± 1σ and ± 2σ, σ² = Σv·(tp − vwap)² / Σv, accumulated with West's weighted update so it
 * cannot cancel away at price scale. Until the anchor period has traded any volume the VWAP is the
 * latest typical price and the bands collapse onto it; zero-volume bars change nothing after that.
 * Stable from the first bar (which may fall mid-period: the first period is then partial). The
 * libraries' VWAPs never reset (technicalindicators) or need a new instance per period and give no
 * value for zero-volume bars (trading-signals); restarted per UTC day they equal this VWAP.
 */
export class AnchoredVWAP implements Indicator<Bar, VWAPResult> {
  private readonly startsNew: AnchorRule;
  private seen = 0;
  private lastTime = NaN;
  private weight = 0;
  private mean = 0;
  private m2 = 0;
  private prevLastTime = NaN;
  private prevWeight = 0;
  private prevMean = 0;
  private prevM2 = 0;

  /** `anchor`: a period in ms (see periodAnchor) or a rule saying which bars open a new period. */
  constructor(anchor: number | AnchorRule) {
    this.startsNew = typeof anchor === 'number' ? periodAnchor(anchor) : anchor;
  }

  add(bar: Bar): void {
    this.prevLastTime = this.lastTime;
    this.prevWeight = this.weight;
    this.prevMean = this.mean;
    this.prevM2 = this.m2;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.lastTime = this.prevLastTime;
    this.weight = this.prevWeight;
    this.mean = this.prevMean;
    this.m2 = this.prevM2;
    this.step(bar);
  }

  private step(bar: Bar): void {
    if (Number.isNaN(this.lastTime) || this.startsNew(bar.time, this.lastTime)) {
      this.weight = 0;
      this.m2 = 0;
    }
    this.lastTime = bar.time;
    const tp = (bar.high + bar.low + bar.close) / 3;
    const v = bar.volume > 0 ? bar.volume : 0;
    if (this.weight === 0) {
      this.mean = tp;
      this.weight = v;
      return;
    }
    if (v === 0) return;
    const weight = this.weight + v;
    const delta = tp - this.mean;
    const mean = this.mean + (delta * v) / weight;
    this.m2 += v * delta * (tp - mean);
    this.mean = mean;
    this.weight = weight;
  }

  get isStable(): boolean {
    return this.seen > 0;
  }

  get count(): number {
    return this.seen;
  }

  get vwap(): number {
    if (this.seen === 0) throw new NotStableError('VWAP', 1, 0);
    return this.mean;
  }

  /** Volume-weighted standard deviation of the typical price around the VWAP. */
  get deviation(): number {
    if (this.seen === 0) throw new NotStableError('VWAP', 1, 0);
    return this.weight > 0 && this.m2 > 0 ? Math.sqrt(this.m2 / this.weight) : 0;
  }

  get upper1(): number {
    return this.vwap + this.deviation;
  }

  get lower1(): number {
    return this.vwap - this.deviation;
  }

  get upper2(): number {
    return this.vwap + 2 * this.deviation;
  }

  get lower2(): number {
    return this.vwap - 2 * this.deviation;
  }

  getResult(): VWAPResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): VWAPResult {
    const vwap = this.vwap;
    const sd = this.deviation;
    return { vwap, upper1: vwap + sd, lower1: vwap - sd, upper2: vwap + 2 * sd, lower2: vwap - 2 * sd };
  }
}

/** VWAP anchored to the UTC day: resets on the first bar at or after 00:00 UTC. */
export class VWAP extends AnchoredVWAP {
  constructor() {
    super(DAY_MS);
  }
}
