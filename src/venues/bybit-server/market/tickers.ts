// GET /v5/market/tickers: last price, 24 h and 1 h statistics and the top of the symbol's book, all from what has happened by the replay clock.
import { amount, millis, onGrid } from '../http/format.js';
import { PUBLIC, requireLinear, type Route } from '../http/route.js';
import type { Market } from '../replay/market.js';
import { FUNDING_CAP } from './instruments.js';
import { turnoverOf } from './kline-buckets.js';
import type { LiveBook } from './live-book.js';
import { levelStrings } from './orderbook.js';

const HOUR = 3_600_000;

/** Price at `since` (the open of the first candle from then on) and high, low, volume and turnover of the closed candles since. */
function window(market: Market, since: number, now: number) {
  const from = market.firstAtOrAfter(since);
  const to = market.closedBy(now);
  let high = -Infinity;
  let low = Infinity;
  let volume = 0;
  let turnover = 0;
  for (let i = from; i < to; i++) {
    const c = market.candles[i]!;
    high = Math.max(high, c.high);
    low = Math.min(low, c.low);
    volume += c.volume;
    turnover += turnoverOf(c);
  }
  return { open: market.candles[from]?.open, high, low, volume, turnover, any: to > from };
}

/**
 * fundingRate is the last settled rate (the replay does not know the next one yet); mark and index
 * price are the last price; open interest is not in the history and reads 0.
 */
export function tickerRow(market: Market, book: LiveBook, now: number): Record<string, unknown> {
  const last = market.lastPrice(now) ?? 0;
  const price = (x: number): string => onGrid(market.rules.price, x);
  const day = window(market, now - 24 * HOUR, now);
  const hour = window(market, now - HOUR, now);
  const prev24 = day.any ? (day.open ?? last) : last;
  book.catchUp(now);
  const top = book.levels(1);
  const [bid] = levelStrings(market, top.bids);
  const [ask] = levelStrings(market, top.asks);
  const funding = market.settledFunding(now);
  const intervalMs = market.instrument.fundingIntervalMinutes * 60_000;
  return {
    symbol: market.symbol,
    lastPrice: price(last),
    indexPrice: price(last),
    markPrice: price(last),
    prevPrice24h: price(prev24),
    price24hPcnt: amount(prev24 > 0 ? (last - prev24) / prev24 : 0, 6),
    highPrice24h: price(day.any ? day.high : last),
    lowPrice24h: price(day.any ? day.low : last),
    prevPrice1h: price(hour.any ? (hour.open ?? last) : last),
    openInterest: '0',
    openInterestValue: '0',
    singleOpenInterest: '0',
    singleOpenInterestValue: '0',
    turnover24h: amount(day.turnover, 4),
    volume24h: onGrid(market.rules.qty, day.volume),
    fundingRate: amount(funding[funding.length - 1]?.rate ?? 0),
    nextFundingTime: millis((Math.floor(now / intervalMs) + 1) * intervalMs),
    predictedDeliveryPrice: '',
    basisRate: '',
    deliveryFeeRate: '',
    deliveryTime: '0',
    ask1Size: ask?.[1] ?? '0',
    bid1Price: bid?.[0] ?? '0',
    ask1Price: ask?.[0] ?? '0',
    bid1Size: bid?.[1] ?? '0',
    basis: '',
    preOpenPrice: '',
    preQty: '',
    curPreListingPhase: '',
    fundingIntervalHour: String(market.instrument.fundingIntervalMinutes / 60),
    basisRateYear: '',
    fundingCap: FUNDING_CAP,
  };
}

export const marketTickers: Route = {
  method: 'GET',
  path: '/v5/market/tickers',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const symbol = params.optionalString('symbol');
    const markets = symbol === undefined ? [...exchange.markets.values()] : [exchange.market(symbol)];
    return { category: 'linear', list: markets.map((m) => tickerRow(m, exchange.book(m), exchange.now)) };
  },
};
