// Fair value gaps: three-bar imbalances where the third bar's range does not reach back to the first's, and whether price has filled them.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';

/** The latest gap of each direction; bounds and flag are 0 when there has been none. */
export interface FvgResult {
  readonly bullTop: number;
  readonly bullBottom: number;
  /** 1 once a later low reached the bullish gap's bottom, else 0. */
  readonly bullFilled: number;
  readonly bearTop: number;
  readonly bearBottom: number;
  /** 1 once a later high reached the bearish gap's top, else 0. */
  readonly bearFilled: number;
}

const BULL_TOP = 0;
const BULL_BOTTOM = 1;
const BULL_FILLED = 2;
const BEAR_TOP = 3;
const BEAR_BOTTOM = 4;
const BEAR_FILLED = 5;

/**
 * Bullish gap at bar t: low[t] > high[t−2], spanning high[t−2] … low[t]. Bearish: high[t] < low[t−2],
 * spanning high[t] … low[t−2]. A gap narrower than `minPercent` % of the close is ignored. Each bar
 * first checks whether it filled the standing gaps (traded through the far edge), then whether it
 * opened a new one, which replaces the previous gap of its direction. Stable from the third bar. O(1).
 */
export class FairValueGaps implements Indicator<Bar, FvgResult> {
  private readonly state = new Float64Array(6);
  private readonly prevState = new Float64Array(6);
  private high1 = NaN;
  private high2 = NaN;
  private low1 = NaN;
  private low2 = NaN;
  private prevHigh1 = NaN;
  private prevHigh2 = NaN;
  private prevLow1 = NaN;
  private prevLow2 = NaN;
  private seen = 0;

  constructor(readonly minPercent = 0) {
    if (!(minPercent >= 0) || !Number.isFinite(minPercent)) throw new RangeError(`FairValueGaps minPercent must be a non-negative number, got ${minPercent}`);
  }

  add(bar: Bar): void {
    this.prevState.set(this.state);
    this.prevHigh1 = this.high1;
    this.prevHigh2 = this.high2;
    this.prevLow1 = this.low1;
    this.prevLow2 = this.low2;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.state.set(this.prevState);
    this.high1 = this.prevHigh1;
    this.high2 = this.prevHigh2;
    this.low1 = this.prevLow1;
    this.low2 = this.prevLow2;
    this.step(bar);
  }

  private step(bar: Bar): void {
    const s = this.state;
    if (s[BULL_TOP] !== 0 && s[BULL_FILLED] === 0 && bar.low <= s[BULL_BOTTOM]!) s[BULL_FILLED] = 1;
    if (s[BEAR_TOP] !== 0 && s[BEAR_FILLED] === 0 && bar.high >= s[BEAR_TOP]!) s[BEAR_FILLED] = 1;
    const minGap = (this.minPercent / 100) * bar.close;
    // high2 / low2 are the bar two back (NaN for the first two bars: no comparison holds).
    if (bar.low > this.high2 && bar.low - this.high2 >= minGap) {
      s[BULL_TOP] = bar.low;
      s[BULL_BOTTOM] = this.high2;
      s[BULL_FILLED] = 0;
    }
    if (bar.high < this.low2 && this.low2 - bar.high >= minGap) {
      s[BEAR_TOP] = this.low2;
      s[BEAR_BOTTOM] = bar.high;
      s[BEAR_FILLED] = 0;
    }
    this.high2 = this.high1;
    this.low2 = this.low1;
    this.high1 = bar.high;
    this.low1 = bar.low;
  }

  get isStable(): boolean {
    return this.seen >= 3;
  }

  get count(): number {
    return this.seen;
  }

  /** Writes the six outputs in FvgResult order into `out` without allocating; throws before warm-up. */
  readInto(out: Float64Array): void {
    if (!this.isStable) throw new NotStableError('FairValueGaps', 3, this.seen);
    out.set(this.state);
  }

  getResult(): FvgResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): FvgResult {
    if (!this.isStable) throw new NotStableError('FairValueGaps', 3, this.seen);
    const s = this.state;
    return { bullTop: s[BULL_TOP]!, bullBottom: s[BULL_BOTTOM]!, bullFilled: s[BULL_FILLED]!, bearTop: s[BEAR_TOP]!, bearBottom: s[BEAR_BOTTOM]!, bearFilled: s[BEAR_FILLED]! };
  }
}
