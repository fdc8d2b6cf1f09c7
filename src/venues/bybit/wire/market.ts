// Results of the public market endpoints (§5): server time, klines, instruments, tickers, order book, recent trades, funding.
import { z } from 'zod';
import { blankDecimal, decimal, digitsText, flag, integer, list, millis, millisText, nonEmptyText, record, side, text, unsignedDecimal } from './fields.js';

/** GET /v5/market/time */
export const marketTimeResult = record({ timeSecond: digitsText, timeNano: digitsText });

/** One kline row: [startTime, open, high, low, close, volume, turnover], all strings. */
export const klineRow = z.tuple([millisText, decimal, decimal, decimal, decimal, decimal, decimal], {
  error: (issue) => (issue.input === undefined ? 'is missing' : 'must be [startTime, open, high, low, close, volume, turnover]'),
});

/** GET /v5/market/kline: rows newest first. */
export const klineResult = record({ symbol: nonEmptyText, category: text, list: list(klineRow) });

/**
 * GET /v5/market/instruments-info. Rows are checked field by field by domain/instrument.ts
 * (instrumentFromBybit), so here only what tells rows apart is required.
 */
export const instrumentsResult = record({
  category: text,
  list: list(z.looseObject({ symbol: nonEmptyText, status: text.optional(), contractType: text.optional() })),
  nextPageCursor: text.optional(),
});

/** Ticker fields bybot reads, shared by REST tickers and WS `tickers.{symbol}`; "" and absent both mean "not given". */
export const tickerFields = {
  symbol: nonEmptyText,
  lastPrice: blankDecimal.optional(),
  markPrice: blankDecimal.optional(),
  indexPrice: blankDecimal.optional(),
  bid1Price: blankDecimal.optional(),
  bid1Size: blankDecimal.optional(),
  ask1Price: blankDecimal.optional(),
  ask1Size: blankDecimal.optional(),
  fundingRate: blankDecimal.optional(),
  nextFundingTime: blankDecimal.optional(),
  openInterest: blankDecimal.optional(),
  openInterestValue: blankDecimal.optional(),
  volume24h: blankDecimal.optional(),
  turnover24h: blankDecimal.optional(),
  price24hPcnt: blankDecimal.optional(),
  highPrice24h: blankDecimal.optional(),
  lowPrice24h: blankDecimal.optional(),
  prevPrice24h: blankDecimal.optional(),
  prevPrice1h: blankDecimal.optional(),
};

/** GET /v5/market/tickers */
export const tickersResult = record({ category: text, list: list(record(tickerFields)) });

const UNSIGNED_DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * [price, size] levels, a size of "0" in a delta deleting the price. The hot path of every book
 * message, so it is one loop rather than a zod tuple per level (10× faster), with the same messages.
 */
export const priceLevels = z.unknown().transform((value, ctx): [number, number][] => {
  const fail = (message: string, input: unknown, path: number[]) => {
    ctx.issues.push({ code: 'custom', message, input, path });
    return z.NEVER;
  };
  if (!Array.isArray(value)) return fail(value === undefined ? 'is missing' : 'must be an array of [price, size] pairs', value, []);
  const levels = new Array<[number, number]>(value.length);
  for (let i = 0; i < value.length; i++) {
    const level: unknown = value[i];
    if (!Array.isArray(level) || level.length < 2) return fail('must be a [price, size] pair of decimal strings', level, [i]);
    const price: unknown = level[0];
    const size: unknown = level[1];
    if (typeof price !== 'string' || !UNSIGNED_DECIMAL.test(price)) return fail('must be a non-negative decimal string', price, [i, 0]);
    if (typeof size !== 'string' || !UNSIGNED_DECIMAL.test(size)) return fail('must be a non-negative decimal string', size, [i, 1]);
    levels[i] = [Number(price), Number(size)];
  }
  return levels;
});

/** GET /v5/market/orderbook */
export const orderbookResult = record({ s: nonEmptyText, b: priceLevels, a: priceLevels, ts: millis, u: integer, seq: integer, cts: millis.optional() });

/** GET /v5/market/recent-trade */
export const recentTradeResult = record({
  category: text,
  list: list(
    record({
      execId: nonEmptyText,
      symbol: nonEmptyText,
      price: unsignedDecimal,
      size: unsignedDecimal,
      side,
      time: millisText,
      isBlockTrade: flag.optional(),
      isRPITrade: flag.optional(),
    }),
  ),
});

/** GET /v5/market/funding/history */
export const fundingHistoryResult = record({
  category: text,
  list: list(record({ symbol: nonEmptyText, fundingRate: decimal, fundingRateTimestamp: millisText })),
});
