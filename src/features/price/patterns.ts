// Candle patterns by shape alone: engulfing, pin bar (hammer / shooting star), inside bar, three white soldiers / three black crows.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';

/** +1 bullish, −1 bearish, 0 none, for each pattern on the latest bar. */
export interface PatternResult {
  readonly engulfing: number;
  readonly pinBar: number;
  /** An inside bar has no direction of its own: +1 when it closes in the upper half of the mother bar, −1 in the lower. */
  readonly insideBar: number;
  /** +1 three white soldiers, −1 three black crows. */
  readonly three: number;
}

/** Offsets of open, high, low, close inside one 4-value slot. */
const O = 0;
const H = 1;
const L = 2;
const C = 3;

/**
 * Shape rules (the trend a textbook wants before a hammer or a star is left to the strategy):
 * - engulfing: the bar's body, of the opposite colour, covers the previous body and is longer;
 * - pin bar: one wick is at least 2/3 of the range and at least twice the body (lower wick: hammer,
 *   +1; upper wick: shooting star, −1);
 * - inside bar: high ≤ previous high, low ≥ previous low, range smaller than the previous one;
 * - three soldiers: three up bars, each opening inside the previous body and closing higher, each
 *   body at least half its range, each upper wick at most a quarter of it; crows mirror that.
 * Stable from the third bar. O(1) per bar.
 */
export class CandlePatterns implements Indicator<Bar, PatternResult> {
  /** Bars t−2, t−1, t as three 4-value slots (oldest first). */
  private readonly bars = new Float64Array(12);
  private readonly prevBars = new Float64Array(12);
  private readonly out = new Float64Array(4);
  private seen = 0;

  add(bar: Bar): void {
    this.prevBars.set(this.bars);
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.bars.set(this.prevBars);
    this.step(bar);
  }

  private step(bar: Bar): void {
    const b = this.bars;
    b.copyWithin(0, 4, 12);
    b[8 + O] = bar.open;
    b[8 + H] = bar.high;
    b[8 + L] = bar.low;
    b[8 + C] = bar.close;
    const out = this.out;
    out[0] = this.seen >= 2 ? engulfing(b, 4, 8) : 0;
    out[1] = pinBar(b, 8);
    out[2] = this.seen >= 2 ? insideBar(b, 4, 8) : 0;
    out[3] = this.seen >= 3 ? three(b) : 0;
  }

  get isStable(): boolean {
    return this.seen >= 3;
  }

  get count(): number {
    return this.seen;
  }

  /** Writes engulfing, pinBar, insideBar, three into `out`; throws before warm-up. */
  readInto(out: Float64Array): void {
    if (!this.isStable) throw new NotStableError('CandlePatterns', 3, this.seen);
    out.set(this.out);
  }

  getResult(): PatternResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): PatternResult {
    if (!this.isStable) throw new NotStableError('CandlePatterns', 3, this.seen);
    const o = this.out;
    return { engulfing: o[0]!, pinBar: o[1]!, insideBar: o[2]!, three: o[3]! };
  }
}

function engulfing(b: Float64Array, prev: number, cur: number): number {
  const po = b[prev + O]!;
  const pc = b[prev + C]!;
  const o = b[cur + O]!;
  const c = b[cur + C]!;
  const longer = Math.abs(c - o) > Math.abs(pc - po);
  if (pc < po && c > o && o <= pc && c >= po && longer) return 1;
  if (pc > po && c < o && o >= pc && c <= po && longer) return -1;
  return 0;
}

function pinBar(b: Float64Array, at: number): number {
  const o = b[at + O]!;
  const h = b[at + H]!;
  const l = b[at + L]!;
  const c = b[at + C]!;
  const range = h - l;
  if (!(range > 0)) return 0;
  const body = Math.abs(c - o);
  const lower = Math.min(o, c) - l;
  const upper = h - Math.max(o, c);
  if (lower >= (2 / 3) * range && lower >= 2 * body) return 1;
  if (upper >= (2 / 3) * range && upper >= 2 * body) return -1;
  return 0;
}

function insideBar(b: Float64Array, prev: number, cur: number): number {
  const ph = b[prev + H]!;
  const pl = b[prev + L]!;
  const h = b[cur + H]!;
  const l = b[cur + L]!;
  if (!(h <= ph && l >= pl && h - l < ph - pl)) return 0;
  return b[cur + C]! >= (ph + pl) / 2 ? 1 : -1;
}

/** +1 / −1 when every one of the three bars is a strong bar of that colour, stepping the right way. */
function three(b: Float64Array): number {
  let up = true;
  let down = true;
  for (let at = 0; at <= 8; at += 4) {
    const o = b[at + O]!;
    const h = b[at + H]!;
    const l = b[at + L]!;
    const c = b[at + C]!;
    const range = h - l;
    const strong = range > 0 && Math.abs(c - o) >= 0.5 * range;
    up &&= strong && c > o && h - c <= 0.25 * range;
    down &&= strong && c < o && c - l <= 0.25 * range;
    if (at > 0) {
      const po = b[at - 4 + O]!;
      const pc = b[at - 4 + C]!;
      up &&= o > po && o <= pc && c > pc;
      down &&= o < po && o >= pc && c < pc;
    }
  }
  return up ? 1 : down ? -1 : 0;
}
