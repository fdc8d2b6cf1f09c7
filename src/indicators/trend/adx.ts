// Wilder's directional movement: +DI, −DI and ADX, the strength of a trend whatever its direction.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { ATR } from '../volatility/atr.js';
import { RMA } from './ema.js';

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
  private readonly atr: ATR;
  private readonly plusDm: RMA;
  private readonly minusDm: RMA;
  private readonly dx: RMA;
  private seen = 0;
  private lastHigh = NaN;
  private lastLow = NaN;
  private prevLastHigh = NaN;
  private prevLastLow = NaN;

  constructor(readonly period = 14) {
    this.atr = new ATR(period);
    this.plusDm = new RMA(period);
    this.minusDm = new RMA(period);
    this.dx = new RMA(period);
  }

  add(bar: Bar): void {
    this.prevLastHigh = this.lastHigh;
    this.prevLastLow = this.lastLow;
    this.seen++;
    this.atr.add(bar);
    this.step(bar, false);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.lastHigh = this.prevLastHigh;
    this.lastLow = this.prevLastLow;
    this.atr.replace(bar);
    this.step(bar, true);
  }

  private step(bar: Bar, replacing: boolean): void {
    if (this.seen >= 2) {
      const up = bar.high - this.lastHigh;
      const down = this.lastLow - bar.low;
      const plus = up > down && up > 0 ? up : 0;
      const minus = down > up && down > 0 ? down : 0;
      if (replacing) {
        this.plusDm.replace(plus);
        this.minusDm.replace(minus);
      } else {
        this.plusDm.add(plus);
        this.minusDm.add(minus);
      }
      // DX was fed by the latest add exactly when the DM averages are stable (counts do not change on replace).
      if (this.plusDm.isStable) {
        const p = this.di(this.plusDm);
        const m = this.di(this.minusDm);
        const dx = p + m === 0 ? 0 : (100 * Math.abs(p - m)) / (p + m);
        if (replacing) this.dx.replace(dx);
        else this.dx.add(dx);
      }
    }
    this.lastHigh = bar.high;
    this.lastLow = bar.low;
  }

  private di(dm: RMA): number {
    const atr = this.atr.value;
    return atr === 0 ? 0 : (dm.value * 100) / atr;
  }

  get isStable(): boolean {
    return this.dx.isStable;
  }

  get count(): number {
    return this.seen;
  }

  get adx(): number {
    if (!this.dx.isStable) throw new NotStableError(`ADX(${this.period})`, 2 * this.period, this.seen);
    return this.dx.value;
  }

  get plusDi(): number {
    if (!this.plusDm.isStable) throw new NotStableError(`+DI(${this.period})`, this.period + 1, this.seen);
    return this.di(this.plusDm);
  }

  get minusDi(): number {
    if (!this.minusDm.isStable) throw new NotStableError(`−DI(${this.period})`, this.period + 1, this.seen);
    return this.di(this.minusDm);
  }

  getResult(): AdxResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): AdxResult {
    return { adx: this.adx, plusDi: this.plusDi, minusDi: this.minusDi };
  }
}
