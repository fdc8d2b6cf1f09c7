// Distance of the close to the nearest round price level (a multiple of a step such as 1 or 10 USDT), in price, ATR and percent.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { ATR } from '../../indicators/volatility/atr.js';

export interface RoundNumberResult {
  /** The nearest multiple of the step (the upper one on an exact half-way tie). */
  readonly level: number;
  /** close − level: positive above the level. */
  readonly distance: number;
  /** distance / ATR; 0 when the ATR is 0. */
  readonly distanceAtr: number;
  /** distance / close × 100. */
  readonly distancePercent: number;
}

/** Stable with the ATR (atrPeriod + 1 bars). O(1) per bar; the ATR's exact replace does the rest. */
export class RoundNumbers implements Indicator<Bar, RoundNumberResult> {
  private readonly atr: ATR;
  private readonly decimals: number;
  private close = NaN;

  constructor(
    readonly step = 1,
    atrPeriod = 14,
  ) {
    if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`RoundNumbers step must be a positive number, got ${step}`);
    this.atr = new ATR(atrPeriod);
    // Levels print as exact decimals of the step (0.1 × 3 is 0.30000000000000004 otherwise).
    this.decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 6));
  }

  add(bar: Bar): void {
    this.atr.add(bar);
    this.close = bar.close;
  }

  replace(bar: Bar): void {
    this.atr.replace(bar);
    this.close = bar.close;
  }

  /** Nearest multiple of the step to a price. */
  levelOf(price: number): number {
    return Number((Math.round(price / this.step) * this.step).toFixed(this.decimals));
  }

  get isStable(): boolean {
    return this.atr.isStable;
  }

  get count(): number {
    return this.atr.count;
  }

  /** Writes level, distance, distanceAtr, distancePercent into `out`; throws before warm-up. */
  readInto(out: Float64Array): void {
    const atr = this.atr.value; // throws NotStableError before warm-up
    const level = this.levelOf(this.close);
    const distance = this.close - level;
    out[0] = level;
    out[1] = distance;
    out[2] = atr > 0 ? distance / atr : 0;
    out[3] = this.close !== 0 ? (distance / this.close) * 100 : 0;
  }

  getResult(): RoundNumberResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): RoundNumberResult {
    if (!this.isStable) throw new NotStableError(`RoundNumbers(${this.step})`, this.atr.period + 1, this.count);
    const out = new Float64Array(4);
    this.readInto(out);
    return { level: out[0]!, distance: out[1]!, distanceAtr: out[2]!, distancePercent: out[3]! };
  }
}
