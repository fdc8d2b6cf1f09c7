// Large-trade detection: prints whose notional (price × size, USDT) reaches a threshold, per trade and per candle.
import type { Trade } from '../../domain/trade.js';
import { CandleBuckets } from './candle-buckets.js';

export const DEFAULT_LARGE_TRADE_USDT = 50_000;

/** Large trades of one candle (every candle that had any trade gets one, with zeros when none was large). */
export interface LargeTradeCandle {
  readonly openTime: number;
  readonly count: number;
  /** Σ price × size of the large trades, USDT. */
  readonly notional: number;
  readonly buyCount: number;
  readonly sellCount: number;
  readonly buyNotional: number;
  readonly sellNotional: number;
  /** The large trades themselves, in arrival order. */
  readonly trades: readonly Trade[];
}

export interface LargeTradeOptions {
  readonly timeframeMs: number;
  /** Notional at or above which a trade is large, USDT; 50 000 by default. */
  readonly thresholdUsdt?: number;
  /** Called with each large trade as it arrives (before any candle closes). */
  readonly onLargeTrade?: (trade: Trade, notional: number) => void;
}

/** O(1) per trade; keeps only the current candle's large trades. */
export class LargeTrades extends CandleBuckets<LargeTradeCandle> {
  readonly thresholdUsdt: number;
  private readonly listener: ((trade: Trade, notional: number) => void) | undefined;
  private found: Trade[] = [];
  private buyCount = 0;
  private sellCount = 0;
  private buyNotional = 0;
  private sellNotional = 0;
  private large = false;

  constructor(options: LargeTradeOptions) {
    super(options.timeframeMs);
    this.thresholdUsdt = options.thresholdUsdt ?? DEFAULT_LARGE_TRADE_USDT;
    if (!(this.thresholdUsdt > 0) || !Number.isFinite(this.thresholdUsdt)) throw new RangeError(`thresholdUsdt must be a positive number, got ${options.thresholdUsdt}`);
    this.listener = options.onLargeTrade;
  }

  /** Whether a trade's notional reaches the threshold. */
  isLarge(trade: Trade): boolean {
    return trade.price * trade.size >= this.thresholdUsdt;
  }

  /** True when the most recently added trade was large. */
  get lastWasLarge(): boolean {
    return this.large;
  }

  protected include(trade: Trade): void {
    const notional = trade.price * trade.size;
    this.large = notional >= this.thresholdUsdt;
    if (!this.large) return;
    this.found.push(trade);
    if (trade.side === 'buy') {
      this.buyCount++;
      this.buyNotional += notional;
    } else {
      this.sellCount++;
      this.sellNotional += notional;
    }
    this.listener?.(trade, notional);
  }

  protected summarise(openTime: number): LargeTradeCandle {
    const candle: LargeTradeCandle = {
      openTime,
      count: this.buyCount + this.sellCount,
      notional: this.buyNotional + this.sellNotional,
      buyCount: this.buyCount,
      sellCount: this.sellCount,
      buyNotional: this.buyNotional,
      sellNotional: this.sellNotional,
      trades: this.found,
    };
    this.found = [];
    this.buyCount = this.sellCount = this.buyNotional = this.sellNotional = 0;
    return candle;
  }
}
