// Footprint: taker buy and sell volume at each price level of each candle, levels binned on the instrument's tick grid.
import type { Trade } from '../../domain/trade.js';
import { CandleBuckets } from './candle-buckets.js';

/** Volume traded at one price level of a candle. `price` is the lower edge of the level's bin. */
export interface FootprintLevel {
  readonly price: number;
  readonly buy: number;
  readonly sell: number;
}

export interface FootprintCandle {
  readonly openTime: number;
  /** Height of a level: tickSize × binTicks. */
  readonly levelSize: number;
  /** Levels that traded, lowest price first. */
  readonly levels: readonly FootprintLevel[];
  readonly buyVolume: number;
  readonly sellVolume: number;
  /** Lower edge of the level with the most volume (the lowest such level on a tie). */
  readonly poc: number;
}

export interface FootprintOptions {
  readonly timeframeMs: number;
  /** The instrument's tick, as a number or as the decimal string of instruments-info (e.g. '0.10'). */
  readonly tickSize: number | string;
  /** Ticks per level (1 = every tick its own level). */
  readonly binTicks?: number;
}

/** Decimal places of a step such as 0.01, '0.10' or 1e-7, so level prices print as exact grid values. */
export function stepDecimals(step: number | string): number {
  const text = typeof step === 'string' ? step.trim() : String(step);
  const exp = /e-(\d+)$/i.exec(text);
  const mantissa = exp ? text.slice(0, exp.index) : text;
  const dot = mantissa.indexOf('.');
  return (dot === -1 ? 0 : mantissa.length - dot - 1) + (exp ? Number(exp[1]) : 0);
}

/**
 * Per-candle footprint. A trade's price is snapped to the tick grid (round(price / tick), so float
 * noise cannot push it into the next level), then binned: level = floor(tickIndex / binTicks).
 * O(1) per trade (a Map lookup); allocates only when a level first trades in a candle and when a
 * candle is summarised.
 */
export class Footprint extends CandleBuckets<FootprintCandle> {
  readonly tickSize: number;
  readonly binTicks: number;
  private readonly decimals: number;
  /** Level index → slot in the parallel arrays below, for the forming candle. */
  private readonly slots = new Map<number, number>();
  private bins = new Float64Array(64);
  private buys = new Float64Array(64);
  private sells = new Float64Array(64);
  private used = 0;

  constructor(options: FootprintOptions) {
    super(options.timeframeMs);
    this.tickSize = Number(options.tickSize);
    this.binTicks = options.binTicks ?? 1;
    if (!(this.tickSize > 0) || !Number.isFinite(this.tickSize)) throw new RangeError(`tickSize must be a positive number, got ${options.tickSize}`);
    if (!Number.isInteger(this.binTicks) || this.binTicks < 1) throw new RangeError(`binTicks must be a positive integer, got ${options.binTicks}`);
    this.decimals = stepDecimals(options.tickSize);
  }

  /** Level index of a price: floor(round(price / tick) / binTicks). */
  levelOf(price: number): number {
    return Math.floor(Math.round(price / this.tickSize) / this.binTicks);
  }

  /** Lower edge of a level, rounded to the tick's decimals. */
  levelPrice(level: number): number {
    return Number((level * this.binTicks * this.tickSize).toFixed(this.decimals));
  }

  protected include(trade: Trade): void {
    const level = this.levelOf(trade.price);
    let slot = this.slots.get(level);
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.bins.length) this.grow();
      this.slots.set(level, slot);
      this.bins[slot] = level;
      this.buys[slot] = 0;
      this.sells[slot] = 0;
    }
    if (trade.side === 'buy') this.buys[slot] = this.buys[slot]! + trade.size;
    else this.sells[slot] = this.sells[slot]! + trade.size;
  }

  protected summarise(openTime: number): FootprintCandle {
    const order = Array.from({ length: this.used }, (_, i) => i).sort((a, b) => this.bins[a]! - this.bins[b]!);
    const levels: FootprintLevel[] = [];
    let buyVolume = 0;
    let sellVolume = 0;
    let poc = NaN;
    let best = -1;
    for (const slot of order) {
      const buy = this.buys[slot]!;
      const sell = this.sells[slot]!;
      const price = this.levelPrice(this.bins[slot]!);
      levels.push({ price, buy, sell });
      buyVolume += buy;
      sellVolume += sell;
      if (buy + sell > best) {
        best = buy + sell;
        poc = price;
      }
    }
    this.slots.clear();
    this.used = 0;
    return { openTime, levelSize: this.levelPrice(1), levels, buyVolume, sellVolume, poc };
  }

  private grow(): void {
    const size = this.bins.length * 2;
    const widen = (from: Float64Array): Float64Array<ArrayBuffer> => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.bins = widen(this.bins);
    this.buys = widen(this.buys);
    this.sells = widen(this.sells);
  }
}
