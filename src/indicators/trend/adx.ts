// Wilder's directional movement: +DI, −DI and ADX, the strength of a trend whatever its direction.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { trueRange } from '../volatility/atr.js';

export interface AdxResult {
  readonly adx: number;
  readonly plusDi: number;
  readonly minusDi: number;
}

/**
 * +DM = today's high − yesterday's when that move is positive and beats the low's drop, else 0 (−DM
 * mirrors it). ±DI = 100 · RMA(±DM) / ATR, both Wilder-smoothed from the second bar and SMA-seeded,
 * so the DIs are defined from bar n + 1; DX = 100·|+DI − −DI| / (+DI + −DI) (0 when both are 0);
 * ADX = RMA(DX), defined from bar 2n (TA-Lib's lookback). Wilder's running sums give the same ratios
 * as these averages (technicalindicators, matched to rounding). The getters of +DI and −DI work from
 * bar n + 1; the indicator is stable with ADX. trading-signals differs: it feeds bar 1 in as a zero move
 * and counts both moves when the up move equals the down move (Wilder and TA-Lib count neither). TA-Lib
 * starts its sums from n − 1 moves plus one Wilder step (an early gap that decays by (n − 1)/n per bar)
 * and leaves ADX unchanged on a bar whose DIs are both 0, where we count DX = 0 (as trading-signals).
 */
export class ADX implements Indicator<Bar, AdxResult> {
  // Wilder's averages (TR, +DM, −DM from bar 2; DX from bar n + 1) as scalar fields: the arithmetic of
  // ATR and RMA, in the same order, without nested indicator objects in the hot path.
  private readonly k: number;
  private readonly decay: number;
  private seen = 0;
  private lastHigh = NaN;
  private lastLow = NaN;
  private lastClose = NaN;
  private atrSeed = 0;
  private atr = 0;
  private plusSeed = 0;
  private plusAvg = 0;
  private minusSeed = 0;
  private minusAvg = 0;
  private dxSeed = 0;
  private adxValue = 0;
  private plusDiValue = 0;
  private minusDiValue = 0;
  // State before the latest add, so replace() can redo that add with another bar.
  private prevLastHigh = NaN;
  private prevLastLow = NaN;
  private prevLastClose = NaN;
  private prevAtrSeed = 0;
  private prevAtr = 0;
  private prevPlusSeed = 0;
  private prevPlusAvg = 0;
  private prevMinusSeed = 0;
  private prevMinusAvg = 0;
  private prevDxSeed = 0;
  private prevAdx = 0;

  constructor(readonly period = 14) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`ADX period must be a positive integer, got ${period}`);
    this.k = 1 / period;
    this.decay = 1 - this.k;
  }

  add(bar: Bar): void {
    this.prevLastHigh = this.lastHigh;
    this.prevLastLow = this.lastLow;
    this.prevLastClose = this.lastClose;
    this.prevAtrSeed = this.atrSeed;
    this.prevAtr = this.atr;
    this.prevPlusSeed = this.plusSeed;
    this.prevPlusAvg = this.plusAvg;
    this.prevMinusSeed = this.minusSeed;
    this.prevMinusAvg = this.minusAvg;
    this.prevDxSeed = this.dxSeed;
    this.prevAdx = this.adxValue;
    this.seen++;
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.lastHigh = this.prevLastHigh;
    this.lastLow = this.prevLastLow;
    this.lastClose = this.prevLastClose;
    this.atrSeed = this.prevAtrSeed;
    this.atr = this.prevAtr;
    this.plusSeed = this.prevPlusSeed;
    this.plusAvg = this.prevPlusAvg;
    this.minusSeed = this.prevMinusSeed;
    this.minusAvg = this.prevMinusAvg;
    this.dxSeed = this.prevDxSeed;
    this.adxValue = this.prevAdx;
    this.step(bar);
  }

  // Takes the bar, not its numbers: step() is too large for V8 to inline, and doubles passed to a call are boxed.
  private step(bar: Bar): void {
    const high = bar.high;
    const low = bar.low;
    const n = this.period;
    // TR, +DM and −DM averages take their input number `fed` (from bar 2); DX its number fed − n + 1.
    const fed = this.seen - 1;
    if (fed > 0) {
      const tr = trueRange(high, low, this.lastClose);
      const up = high - this.lastHigh;
      const down = this.lastLow - low;
      const plus = up > down && up > 0 ? up : 0;
      const minus = down > up && down > 0 ? down : 0;
      if (fed > n) {
        const k = this.k;
        const decay = this.decay;
        this.atr = tr * k + this.atr * decay;
        this.plusAvg = plus * k + this.plusAvg * decay;
        this.minusAvg = minus * k + this.minusAvg * decay;
      } else if (fed < n) {
        this.atrSeed += tr;
        this.plusSeed += plus;
        this.minusSeed += minus;
      } else {
        this.atr = (this.atrSeed + tr) / n;
        this.plusAvg = (this.plusSeed + plus) / n;
        this.minusAvg = (this.minusSeed + minus) / n;
      }
      if (fed >= n) {
        const atr = this.atr;
        const p = atr === 0 ? 0 : (this.plusAvg * 100) / atr;
        const m = atr === 0 ? 0 : (this.minusAvg * 100) / atr;
        this.plusDiValue = p;
        this.minusDiValue = m;
        const dx = p + m === 0 ? 0 : (100 * Math.abs(p - m)) / (p + m);
        const dxFed = fed - n + 1;
        if (dxFed > n) this.adxValue = dx * this.k + this.adxValue * this.decay;
        else if (dxFed < n) this.dxSeed += dx;
        else this.adxValue = (this.dxSeed + dx) / n;
      }
    }
    this.lastHigh = high;
    this.lastLow = low;
    this.lastClose = bar.close;
  }

  get isStable(): boolean {
    return this.seen >= 2 * this.period;
  }

  get count(): number {
    return this.seen;
  }

  get adx(): number {
    if (this.seen < 2 * this.period) throw new NotStableError(`ADX(${this.period})`, 2 * this.period, this.seen);
    return this.adxValue;
  }

  get plusDi(): number {
    if (this.seen <= this.period) throw new NotStableError(`+DI(${this.period})`, this.period + 1, this.seen);
    return this.plusDiValue;
  }

  get minusDi(): number {
    if (this.seen <= this.period) throw new NotStableError(`−DI(${this.period})`, this.period + 1, this.seen);
    return this.minusDiValue;
  }

  getResult(): AdxResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): AdxResult {
    return { adx: this.adx, plusDi: this.plusDi, minusDi: this.minusDi };
  }
}
