// The volatility squeeze (TTM style): Bollinger Bands inside Keltner Channels, with a linear-regression momentum.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import { SMA } from '../trend/sma.js';
import { BollingerBands } from './bollinger.js';
import { KeltnerChannels } from './keltner.js';
import { RollingExtreme } from '../rolling.js';

export interface SqueezeResult {
  /** 1 while both Bollinger bands lie strictly inside the Keltner channel, else 0. */
  squeezeOn: number;
  /** Linear-regression value (at the newest bar) of the close's distance from its mean level. */
  momentum: number;
}

/**
 * John Carter's TTM Squeeze as trading-signals and TradingView's "Squeeze Momentum" compute it:
 * on = BB(n, k) upper < KC upper and BB lower > KC lower, where KC = EMA(m) ± c × ATR(m). Momentum:
 * d = close − (Donchian(m) midpoint + SMA(m) of close) / 2, then the least-squares line through the
 * last m values of d, read at the newest one. Σd and Σi·d roll in O(1) and are re-summed every m
 * inputs. Defaults BB(20, 2), KC(20, 1.5); stable after 2m − 1 bars (and n, m + 1). Momentum equals
 * trading-signals TTMSqueeze; squeezeOn too once its Keltner seeds decay (see KeltnerChannels).
 */
export class Squeeze implements Indicator<Bar, SqueezeResult> {
  private readonly bollinger: BollingerBands;
  private readonly keltner: KeltnerChannels;
  private readonly highs: RollingExtreme;
  private readonly lows: RollingExtreme;
  private readonly mean: SMA;
  private readonly distances: Float64Array;
  private seen = 0;
  private fed = 0;
  private next = 0;
  private sumY = 0;
  private sumXY = 0;
  private prevFed = 0;
  private prevNext = 0;
  private prevSumY = 0;
  private prevSumXY = 0;
  private prevSlot = 0;

  constructor(
    readonly bbPeriod = 20,
    readonly bbMultiplier = 2,
    readonly kcPeriod = 20,
    readonly kcMultiplier = 1.5,
  ) {
    if (!Number.isInteger(kcPeriod) || kcPeriod < 2) throw new RangeError(`squeeze kcPeriod must be an integer >= 2, got ${kcPeriod}`);
    this.bollinger = new BollingerBands(bbPeriod, bbMultiplier);
    this.keltner = new KeltnerChannels(kcPeriod, kcPeriod, kcMultiplier);
    this.highs = new RollingExtreme(kcPeriod, 'max');
    this.lows = new RollingExtreme(kcPeriod, 'min');
    this.mean = new SMA(kcPeriod);
    this.distances = new Float64Array(kcPeriod);
  }

  add(bar: Bar): void {
    this.prevFed = this.fed;
    this.prevNext = this.next;
    this.prevSumY = this.sumY;
    this.prevSumXY = this.sumXY;
    this.prevSlot = this.distances[this.next]!;
    this.seen++;
    this.bollinger.add(bar.close);
    this.keltner.add(bar);
    this.highs.add(bar.high);
    this.lows.add(bar.low);
    this.mean.add(bar.close);
    this.step(bar.close);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.fed = this.prevFed;
    this.next = this.prevNext;
    this.sumY = this.prevSumY;
    this.sumXY = this.prevSumXY;
    this.distances[this.next] = this.prevSlot;
    this.bollinger.replace(bar.close);
    this.keltner.replace(bar);
    this.highs.replace(bar.high);
    this.lows.replace(bar.low);
    this.mean.replace(bar.close);
    this.step(bar.close);
  }

  /** Slides the window of distances; x runs 0 (oldest) … m − 1 (newest). */
  private step(close: number): void {
    if (!this.mean.isStable) return;
    const m = this.kcPeriod;
    const y = close - ((this.highs.value + this.lows.value) / 2 + this.mean.value) / 2;
    this.fed++;
    if (this.fed > m) {
      // Dropping the oldest shifts every x down by one: Σx·y loses Σy (old window minus its oldest) and gains (m − 1)·y.
      const old = this.distances[this.next]!;
      this.sumXY = this.sumXY - (this.sumY - old) + (m - 1) * y;
      this.sumY = this.sumY - old + y;
    } else {
      this.sumXY += (this.fed - 1) * y;
      this.sumY += y;
    }
    this.distances[this.next] = y;
    this.next = this.next + 1 === m ? 0 : this.next + 1;
    if (this.next === 0) this.resync();
  }

  private resync(): void {
    let sumY = 0;
    let sumXY = 0;
    for (let x = 0; x < this.kcPeriod; x++) {
      const y = this.distances[x]!;
      sumY += y;
      sumXY += x * y;
    }
    this.sumY = sumY;
    this.sumXY = sumXY;
  }

  get isStable(): boolean {
    return this.fed >= this.kcPeriod && this.bollinger.isStable && this.keltner.isStable;
  }

  get count(): number {
    return this.seen;
  }

  private check(): void {
    const needed = Math.max(2 * this.kcPeriod - 1, this.bbPeriod, this.kcPeriod + 1);
    if (!this.isStable) throw new NotStableError(`Squeeze(${this.bbPeriod},${this.bbMultiplier},${this.kcPeriod},${this.kcMultiplier})`, needed, this.seen);
  }

  get squeezeOn(): number {
    this.check();
    return this.bollinger.upper < this.keltner.upper && this.bollinger.lower > this.keltner.lower ? 1 : 0;
  }

  get momentum(): number {
    this.check();
    const n = this.kcPeriod;
    const sumX = ((n - 1) * n) / 2;
    const sumXX = ((n - 1) * n * (2 * n - 1)) / 6;
    const slope = (n * this.sumXY - sumX * this.sumY) / (n * sumXX - sumX * sumX);
    const intercept = (this.sumY - slope * sumX) / n;
    return slope * (n - 1) + intercept;
  }

  getResult(): SqueezeResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): SqueezeResult {
    return { squeezeOn: this.squeezeOn, momentum: this.momentum };
  }
}
