// Public WebSocket frames (§10): orderbook, publicTrade, kline, tickers and allLiquidation, each {topic, type, ts, data}.
import { z } from 'zod';
import { decimal, flag, integer, list, millis, nonEmptyText, oneOf, record, side, text, unsignedDecimal } from './fields.js';
import { priceLevels, tickerFields } from './market.js';

const frameType = oneOf(['snapshot', 'delta']);

/** The envelope of a public push with its topic-specific `data`. */
function publicFrame<S extends z.ZodType>(data: S) {
  return record({ topic: nonEmptyText, type: frameType, ts: millis, data });
}

/** `orderbook.{depth}.{symbol}`: `u` chains deltas (+1 each), `seq` orders across depths, `cts` is matching-engine time. */
export const orderbookFrame = record({
  topic: nonEmptyText,
  type: frameType,
  ts: millis,
  cts: millis.optional(),
  data: record({ s: nonEmptyText, b: priceLevels, a: priceLevels, u: integer, seq: integer.optional() }),
});

/** `publicTrade.{symbol}`: S is the taker's side. */
export const publicTradeFrame = publicFrame(
  list(
    record({
      T: millis,
      s: nonEmptyText,
      S: side,
      v: unsignedDecimal,
      p: unsignedDecimal,
      L: text.optional(),
      i: nonEmptyText,
      BT: flag.optional(),
      RPI: flag.optional(),
      seq: integer.optional(),
    }),
  ),
);

/** `kline.{interval}.{symbol}`: confirm = the candle has closed. */
export const klineFrame = publicFrame(
  list(
    record({
      start: millis,
      end: millis,
      interval: nonEmptyText,
      open: decimal,
      close: decimal,
      high: decimal,
      low: decimal,
      volume: decimal,
      turnover: decimal,
      confirm: flag,
      timestamp: millis,
    }),
  ),
);

/** `tickers.{symbol}`: a delta carries only the fields that changed; `cs` is the cross sequence. */
export const tickersFrame = publicFrame(record(tickerFields)).extend({ cs: integer.optional() });

const liquidationRow = record({ T: millis, s: nonEmptyText, S: side, v: unsignedDecimal, p: unsignedDecimal });

/** `allLiquidation.{symbol}`: S is the side of the position liquidated; `data` is documented as an object but sent as an array. */
export const allLiquidationFrame = publicFrame(z.union([list(liquidationRow), liquidationRow]).transform((data) => (Array.isArray(data) ? data : [data])));
