// Recorded Bybit V5 public WebSocket lines of mixed topics: order book messages and public trades, others counted.
import { DataFormatError, InputError, describeValue } from '../../core/errors.js';
import type { BookMessage } from '../../domain/order-book.js';
import type { Trade } from '../../domain/trade.js';
import { parseBybitOrderbookMessage } from './bybit-orderbook-archive.js';
import { forEachLine, readTextFile } from './text-lines.js';

export interface BybitWsArchive {
  readonly book: BookMessage[];
  readonly trades: Trade[];
  /** Lines of other topics, by topic. */
  readonly skipped: Record<string, number>;
}

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** One `publicTrade.{symbol}` payload (§10.2): `data` is an array of prints; S is the taker side. */
export function parseBybitPublicTrades(payload: Record<string, unknown>): Trade[] {
  const data = payload['data'];
  if (!Array.isArray(data)) throw new InputError(`publicTrade message: data must be an array, got ${describeValue(data)}`);
  return data.map((row: unknown, i) => {
    const r = (row ?? {}) as Record<string, unknown>;
    const field = (name: string, ok: boolean) => {
      if (!ok) throw new InputError(`publicTrade message: data[${i}].${name} is invalid: ${describeValue(r[name])}`);
    };
    field('T', typeof r.T === 'number' && Number.isSafeInteger(r.T));
    field('s', typeof r.s === 'string' && r.s !== '');
    field('S', r.S === 'Buy' || r.S === 'Sell');
    field('p', typeof r.p === 'string' && DECIMAL.test(r.p));
    field('v', typeof r.v === 'string' && DECIMAL.test(r.v));
    field('i', typeof r.i === 'string' && r.i !== '');
    return { symbol: r.s as string, time: r.T as number, price: Number(r.p), size: Number(r.v), side: r.S === 'Buy' ? 'buy' : 'sell', id: r.i as string };
  });
}

export function loadBybitWsArchive(path: string): BybitWsArchive {
  const file = readTextFile(path);
  const archive: BybitWsArchive = { book: [], trades: [], skipped: {} };
  forEachLine(file.text, (line, lineNumber) => {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(line) as Record<string, unknown>;
    } catch (cause) {
      throw new DataFormatError(file.name, lineNumber, `not valid JSON (${(cause as Error).message})`);
    }
    const topic = typeof payload?.topic === 'string' ? payload.topic : '(no topic)';
    try {
      if (topic.startsWith('orderbook.')) archive.book.push(parseBybitOrderbookMessage(payload));
      else if (topic.startsWith('publicTrade.')) archive.trades.push(...parseBybitPublicTrades(payload));
      else archive.skipped[topic] = (archive.skipped[topic] ?? 0) + 1;
    } catch (cause) {
      if (cause instanceof InputError) throw new DataFormatError(file.name, lineNumber, cause.message);
      throw cause;
    }
  });
  return archive;
}
