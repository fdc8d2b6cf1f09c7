// Rolling correlation and beta of log returns between two time-aligned price series (SOL against BTC).
import { NotStableError, type Indicator } from '../../indicators/contract.js';
import { timeframeMs, type Timeframe } from '../../domain/timeframe.js';

/**
 * One step of two series at the same time: `a` is the asset (SOL), `b` the reference (BTC).
 * Aligning the two feeds by time is the caller's job (see `alignByTime`); reuse one object to feed
 * without allocating.
 */
export interface PricePair {
  readonly time: number;
  readonly a: number;
  readonly b: number;
}

export interface ReturnStats {
  /** Pearson correlation of the log returns, in [-1, 1]; 0 when either series did not move. */
  readonly correlation: number;
  /** cov(a, b) / var(b): how far `a` moves per unit move of `b`; 0 when `b` did not move. */
  readonly beta: number;
  /** Sample covariance (n − 1) of the log returns. */
  readonly covariance: number;
}

/**
 * Statistics of the last `window` log returns of both series (window + 1 prices). Each update
 * recomputes them over the window in two passes — O(window) per add or replace, no drift from running
 * sums, so the values equal a direct computation over the window. Windows here are small (6–48
 * bars on 5m); replace() is exact: add() saves the overwritten ring slots and previous prices.
 */
export class RollingReturnStats implements Indicator<PricePair, ReturnStats> {
  private readonly ra: Float64Array;
  private readonly rb: Float64Array;
  private next = 0;
  private seen = 0;
  private lastA = NaN;
  private lastB = NaN;
  private corr = 0;
  private slope = 0;
  private cov = 0;
  // State before the latest add, restored by replace().
  private savedNext = 0;
  private savedLastA = NaN;
  private savedLastB = NaN;
  private savedSlotA = 0;
  private savedSlotB = 0;

  constructor(
    readonly window: number,
    private readonly label = 'RollingReturnStats',
  ) {
    if (!Number.isInteger(window) || window < 2) throw new RangeError(`${label} window must be an integer of at least 2 returns, got ${window}`);
    this.ra = new Float64Array(window);
    this.rb = new Float64Array(window);
  }

  add(pair: PricePair): void {
    checkPrices(pair, this.label);
    this.savedNext = this.next;
    this.savedLastA = this.lastA;
    this.savedLastB = this.lastB;
    this.savedSlotA = this.ra[this.next]!;
    this.savedSlotB = this.rb[this.next]!;
    this.seen++;
    this.step(pair);
  }

  replace(pair: PricePair): void {
    if (this.seen === 0) return this.add(pair);
    checkPrices(pair, this.label);
    this.next = this.savedNext;
    this.lastA = this.savedLastA;
    this.lastB = this.savedLastB;
    this.ra[this.next] = this.savedSlotA;
    this.rb[this.next] = this.savedSlotB;
    this.step(pair);
  }

  private step(pair: PricePair): void {
    if (this.seen > 1) {
      this.ra[this.next] = Math.log(pair.a / this.lastA);
      this.rb[this.next] = Math.log(pair.b / this.lastB);
      this.next = this.next + 1 === this.window ? 0 : this.next + 1;
    }
    this.lastA = pair.a;
    this.lastB = pair.b;
    if (this.seen > this.window) this.compute();
  }

  private compute(): void {
    const n = this.window;
    let sumA = 0;
    let sumB = 0;
    for (let i = 0; i < n; i++) {
      sumA += this.ra[i]!;
      sumB += this.rb[i]!;
    }
    const meanA = sumA / n;
    const meanB = sumB / n;
    let saa = 0;
    let sbb = 0;
    let sab = 0;
    for (let i = 0; i < n; i++) {
      const da = this.ra[i]! - meanA;
      const db = this.rb[i]! - meanB;
      saa += da * da;
      sbb += db * db;
      sab += da * db;
    }
    const r = saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    this.corr = r > 1 ? 1 : r < -1 ? -1 : r;
    this.slope = sbb > 0 ? sab / sbb : 0;
    this.cov = sab / (n - 1);
  }

  get isStable(): boolean {
    return this.seen > this.window;
  }

  /** Pairs seen (a replace does not count). */
  get count(): number {
    return this.seen;
  }

  private check(): void {
    if (this.seen <= this.window) throw new NotStableError(`${this.label}(${this.window})`, this.window + 1, this.seen);
  }

  get correlation(): number {
    this.check();
    return this.corr;
  }

  get beta(): number {
    this.check();
    return this.slope;
  }

  get covariance(): number {
    this.check();
    return this.cov;
  }

  getResult(): ReturnStats | undefined {
    return this.isStable ? { correlation: this.corr, beta: this.slope, covariance: this.cov } : undefined;
  }

  getResultOrThrow(): ReturnStats {
    this.check();
    return { correlation: this.corr, beta: this.slope, covariance: this.cov };
  }
}

function checkPrices(pair: PricePair, label: string): void {
  if (!(pair.a > 0 && pair.b > 0 && Number.isFinite(pair.a) && Number.isFinite(pair.b))) {
    throw new RangeError(`${label}: prices must be positive and finite, got a = ${pair.a}, b = ${pair.b} at ${pair.time}`);
  }
}

/** One number read off RollingReturnStats, as an indicator of its own (correlation or beta). */
abstract class ReturnStatReader implements Indicator<PricePair, number> {
  protected readonly stats: RollingReturnStats;

  constructor(
    readonly window: number,
    label: string,
  ) {
    this.stats = new RollingReturnStats(window, label);
  }
  protected abstract read(): number;
  add(pair: PricePair): void {
    this.stats.add(pair);
  }
  replace(pair: PricePair): void {
    this.stats.replace(pair);
  }
  get isStable(): boolean {
    return this.stats.isStable;
  }
  get count(): number {
    return this.stats.count;
  }
  get value(): number {
    return this.read();
  }
  getResult(): number | undefined {
    return this.stats.isStable ? this.read() : undefined;
  }
  getResultOrThrow(): number {
    return this.read();
  }
}

/** Rolling Pearson correlation of log returns; stable after window + 1 pairs. */
export class RollingCorrelation extends ReturnStatReader {
  constructor(window: number) {
    super(window, 'RollingCorrelation');
  }
  protected read(): number {
    return this.stats.correlation;
  }
}

/** Rolling beta of `a` against `b`: cov / var of log returns over the window; stable after window + 1 pairs. */
export class RollingBeta extends ReturnStatReader {
  constructor(window: number) {
    super(window, 'RollingBeta');
  }
  protected read(): number {
    return this.stats.beta;
  }
}

/**
 * Window lengths in bars for a span of time. Correlation over "the last hour" on 5m bars is the
 * correlation of the last 12 five-minute returns: we keep the bar's own returns and size the window,
 * rather than aggregating returns to 1h bars (which would leave 1 return per hour — too few).
 */
export function barsInSpan(span: Timeframe, bar: Timeframe): number {
  const bars = timeframeMs(span) / timeframeMs(bar);
  if (!Number.isInteger(bars) || bars < 2) throw new RangeError(`a ${span} span is not a whole number (≥ 2) of ${bar} bars`);
  return bars;
}

/** The standard correlation spans on 5m bars: 30m = 6, 1h = 12, 4h = 48 returns. */
export const SPANS_5M = { '30m': 6, '1h': 12, '4h': 48 } as const satisfies Record<string, number>;

/** One RollingReturnStats per standard span on 5m bars (feed each the same pairs). */
export function returnStatsOn5m(): Record<keyof typeof SPANS_5M, RollingReturnStats> {
  return {
    '30m': new RollingReturnStats(SPANS_5M['30m']),
    '1h': new RollingReturnStats(SPANS_5M['1h']),
    '4h': new RollingReturnStats(SPANS_5M['4h']),
  };
}
