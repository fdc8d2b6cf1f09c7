// One WebSocket frame of any topic, or an answer to a request, → zero or more StreamEvents; unknown topics are reported, not thrown.
import { describeValue } from '../../../core/errors.js';
import { parseWire, WireFormatError } from '../wire/validate.js';
import { commandResponse, opResponse } from '../wire/ws-control.js';
import { executionFrame, orderFrame, positionFrame, walletFrame } from '../wire/ws-private.js';
import { allLiquidationFrame, klineFrame, orderbookFrame, publicTradeFrame, tickersFrame } from '../wire/ws-public.js';
import { positionFromWire, walletFromWire } from './account.js';
import type { StreamEvent } from './events.js';
import { executionEvent } from './execution.js';
import { bookFromWire, candleFromWire, liquidationFromWire, tickerFromWire, tradeFromWire } from './market.js';
import { orderEvent } from './order.js';
import { UnsupportedValueError } from './vocabulary.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The events one parsed WebSocket message means.
 * @throws WireFormatError naming the topic, the field and its value when the message is malformed.
 */
export function parseFrame(json: unknown): StreamEvent[] {
  if (!isObject(json)) throw new WireFormatError('message', 'payload', json, `payload must be a JSON object, got ${describeValue(json)}`);
  const { topic } = json;
  if (typeof topic === 'string') return topicEvents(topic, json);
  if (typeof json['op'] === 'string') {
    const answer = parseWire(opResponse, json, `op ${json['op']}`);
    return [{ type: 'control', op: answer.op, success: answer.success, message: answer.ret_msg, reqId: answer.req_id, connId: answer.conn_id, args: answer.args }];
  }
  if (json['type'] === 'COMMAND_RESP') {
    const answer = parseWire(commandResponse, json, 'COMMAND_RESP');
    return [{ type: 'control', op: 'subscribe', success: answer.success, connId: answer.conn_id, failedTopics: answer.data.failTopics }];
  }
  return [{ type: 'unhandled', topic: '(none)', reason: 'a message with neither a topic nor an op' }];
}

/** parseFrame over JSON text. */
export function parseFrameText(text: string): StreamEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new WireFormatError('message', 'payload', text, `not valid JSON (${(cause as Error).message})`);
  }
  return parseFrame(json);
}

function topicEvents(topic: string, json: Record<string, unknown>): StreamEvent[] {
  const parts = topic.split('.');
  switch (parts[0]) {
    case 'orderbook':
      return [bookEvent(topic, parts, json)];
    case 'publicTrade':
      return parseWire(publicTradeFrame, json, topic).data.map((row) => ({ type: 'trade', trade: tradeFromWire(row) }));
    case 'kline': {
      const symbol = topicSymbol(topic, parts, 3, 'kline.{interval}.{symbol}');
      return parseWire(klineFrame, json, topic).data.map((row) => ({ type: 'candle', symbol, interval: row.interval, candle: candleFromWire(row) }));
    }
    case 'tickers':
      return [{ type: 'ticker', ticker: tickerFromWire(parseWire(tickersFrame, json, topic)) }];
    case 'allLiquidation':
      return parseWire(allLiquidationFrame, json, topic).data.map((row) => ({ type: 'liquidation', liquidation: liquidationFromWire(row) }));
    case 'order':
      return rowEvents(topic, parseWire(orderFrame, json, topic).data, orderEvent);
    case 'execution':
      // execution.fast is a slimmer shape (no fees, no exec type) that bybot does not read.
      if (parts[1] === 'fast') return [{ type: 'unhandled', topic, reason: 'execution.fast is not read; subscribe to execution' }];
      return rowEvents(topic, parseWire(executionFrame, json, topic).data, executionEvent);
    case 'position': {
      const frame = parseWire(positionFrame, json, topic);
      return frame.data.map((row) => ({ type: 'position', time: row.updatedTime, position: positionFromWire(row) }));
    }
    case 'wallet': {
      const frame = parseWire(walletFrame, json, topic);
      return frame.data.map((row) => ({ type: 'wallet', time: frame.creationTime, wallet: walletFromWire(row) }));
    }
    default:
      return [{ type: 'unhandled', topic, reason: 'unknown topic' }];
  }
}

function bookEvent(topic: string, parts: string[], json: Record<string, unknown>): StreamEvent {
  const symbol = topicSymbol(topic, parts, 3, 'orderbook.{depth}.{symbol}');
  const depth = Number(parts[1]);
  if (!Number.isSafeInteger(depth) || depth < 1) throw new WireFormatError(topic, 'topic', topic, `topic must be orderbook.{depth}.{symbol} with a positive depth, got ${describeValue(topic)}`);
  const message = bookFromWire(parseWire(orderbookFrame, json, topic));
  // A symbol that disagrees with the topic means the message was stitched together.
  if (message.symbol !== symbol) throw new WireFormatError(topic, 'data.s', message.symbol, `data.s must be the topic's symbol ${describeValue(symbol)}, got ${describeValue(message.symbol)}`);
  return { type: 'book', depth, message };
}

function topicSymbol(topic: string, parts: string[], count: number, pattern: string): string {
  const symbol = parts[count - 1];
  if (parts.length !== count || symbol === undefined || symbol === '') throw new WireFormatError(topic, 'topic', topic, `topic must be ${pattern}, got ${describeValue(topic)}`);
  return symbol;
}

/** Maps each row; a row with a value bybot cannot represent becomes an `unhandled` event and the others still count. */
function rowEvents<R>(topic: string, rows: readonly R[], toEvent: (row: R, where: string) => StreamEvent): StreamEvent[] {
  return rows.map((row, i) => {
    try {
      return toEvent(row, `data[${i}]`);
    } catch (error) {
      if (error instanceof UnsupportedValueError) return { type: 'unhandled', topic, reason: error.message };
      throw error;
    }
  });
}
