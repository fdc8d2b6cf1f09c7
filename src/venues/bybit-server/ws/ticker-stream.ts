// One `tickers.{symbol}` stream (§10.4): the REST ticker in the stream's fields, whole for a new subscriber, then only what changed each candle.
import { POINTS_PER_CANDLE } from '../../sim/intrabar.js';
import type { LiveBook } from '../market/live-book.js';
import { tickerRow } from '../market/tickers.js';
import type { Market } from '../replay/market.js';

/** The linear stream's ticker fields (§10.4), in its order; all but tickDirection come from the REST row. */
const FIELDS = [
  'symbol', 'tickDirection', 'price24hPcnt', 'lastPrice', 'prevPrice24h', 'highPrice24h', 'lowPrice24h', 'prevPrice1h', 'markPrice', 'indexPrice',
  'openInterest', 'openInterestValue', 'singleOpenInterest', 'singleOpenInterestValue', 'turnover24h', 'volume24h', 'nextFundingTime', 'fundingRate',
  'bid1Price', 'bid1Size', 'ask1Price', 'ask1Size', 'deliveryTime', 'basisRate', 'deliveryFeeRate', 'predictedDeliveryPrice', 'preOpenPrice', 'preQty',
  'curPreListingPhase', 'fundingIntervalHour', 'fundingCap', 'basisRateYear',
] as const;

/** How far back a tick direction looks for the last price that differed. */
const DIRECTION_LOOKBACK = 50;

/** Bybit's tickDirection of the last price: against the close before it, or "Zero…" the last move when equal. */
function tickDirection(market: Market, closed: number): string {
  const last = market.candles[closed - 1]?.close;
  for (let i = closed - 2; last !== undefined && i >= Math.max(0, closed - DIRECTION_LOOKBACK); i--) {
    const before = market.candles[i]!.close;
    if (before !== last) return `${i === closed - 2 ? '' : 'Zero'}${last > before ? 'PlusTick' : 'MinusTick'}`;
  }
  return 'ZeroPlusTick';
}

export class TickerStream {
  private fields: Record<string, unknown> = {};
  private closed = -1;

  constructor(
    private readonly name: string,
    private readonly market: Market,
    private readonly book: LiveBook,
  ) {}

  /** Brings the ticker to `now`; the fields that changed (symbol always), undefined when none did or no candle closed since. */
  update(now: number): Record<string, unknown> | undefined {
    const closed = this.market.closedBy(now);
    if (closed === this.closed) return undefined;
    const row: Record<string, unknown> = { ...tickerRow(this.market, this.book, now), tickDirection: tickDirection(this.market, closed) };
    const next: Record<string, unknown> = {};
    const changed: Record<string, unknown> = { symbol: this.market.symbol };
    for (const field of FIELDS) {
      next[field] = row[field];
      if (this.fields[field] !== row[field]) changed[field] = row[field];
    }
    this.fields = next;
    this.closed = closed;
    return Object.keys(changed).length > 1 ? changed : undefined;
  }

  /** The whole ticker as it stands (call update first). */
  snapshot(now: number): string {
    return this.frame('snapshot', this.fields, now);
  }

  delta(changed: Record<string, unknown>, now: number): string {
    return this.frame('delta', changed, now);
  }

  private frame(type: 'snapshot' | 'delta', data: Record<string, unknown>, now: number): string {
    return JSON.stringify({ topic: this.name, type, data, cs: this.closed * POINTS_PER_CANDLE, ts: now });
  }
}
