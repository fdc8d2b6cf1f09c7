// One replayed symbol: its instrument, its candles and funding settlements, and what of them is known at a given replay time.
import { describeValue, InputError } from '../../../core/errors.js';
import type { Candle } from '../../../domain/candle.js';
import type { FundingRate } from '../../../domain/funding.js';
import { InstrumentRules, type Instrument } from '../../../domain/instrument.js';

/** What a runtime hands over for one symbol: candles of the replay's interval in time order, and its funding settlements. */
export interface SymbolReplay {
  readonly candles: readonly Candle[];
  readonly funding?: readonly FundingRate[];
}

export class Market {
  readonly symbol: string;
  readonly rules: InstrumentRules;
  readonly candles: readonly Candle[];
  readonly funding: readonly FundingRate[];

  constructor(
    readonly instrument: Instrument,
    replay: SymbolReplay,
    /** Length of every candle, ms. */
    readonly intervalMs: number,
  ) {
    this.symbol = instrument.symbol;
    this.rules = new InstrumentRules(instrument);
    this.candles = replay.candles;
    this.funding = replay.funding ?? [];
    checkSeries(this.symbol, this.candles, this.funding);
  }

  /** How many candles have closed by `time` (open + interval <= time). */
  closedBy(time: number): number {
    return this.firstAtOrAfter(time - this.intervalMs + 1);
  }

  /** Index of the first candle opening at or after `time`. */
  firstAtOrAfter(time: number): number {
    let lo = 0;
    let hi = this.candles.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.candles[mid]!.time < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The last closed candle at `time`, if any. */
  lastClosed(time: number): Candle | undefined {
    return this.candles[this.closedBy(time) - 1];
  }

  /** The last traded price at `time`: the last close, or the first open once it has opened; undefined before the data starts. */
  lastPrice(time: number): number | undefined {
    const last = this.lastClosed(time);
    if (last) return last.close;
    const first = this.candles[0];
    return first !== undefined && first.time <= time ? first.open : undefined;
  }

  /** Funding settlements that have happened by `time`, oldest first. */
  settledFunding(time: number): readonly FundingRate[] {
    let count = 0;
    while (count < this.funding.length && this.funding[count]!.time <= time) count++;
    return this.funding.slice(0, count);
  }
}

function checkSeries(symbol: string, candles: readonly Candle[], funding: readonly FundingRate[]): void {
  if (candles.length === 0) throw new InputError(`history of ${symbol}: no candles to replay`);
  candles.forEach((c, i) => {
    const prices = [c.open, c.high, c.low, c.close];
    if (!Number.isSafeInteger(c.time) || !prices.every((p) => Number.isFinite(p) && p > 0) || !(c.volume >= 0)) {
      throw new InputError(`history of ${symbol}: candle ${i} is not a candle with positive prices, got ${describeValue(c)}`);
    }
    if (i > 0 && c.time <= candles[i - 1]!.time) throw new InputError(`history of ${symbol}: candle ${i} opens at ${c.time}, not after candle ${i - 1}`);
  });
  funding.forEach((f, i) => {
    if (!Number.isSafeInteger(f.time) || !Number.isFinite(f.rate) || (i > 0 && f.time <= funding[i - 1]!.time)) {
      throw new InputError(`history of ${symbol}: funding ${i} is out of order or not a rate, got ${describeValue(f)}`);
    }
  });
}
