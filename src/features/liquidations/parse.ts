// Pure parser of Bybit V5 `allLiquidation.{symbol}` WebSocket pushes into liquidation events.
import { describeValue, InputError } from '../../core/errors.js';
import type { LiquidatedSide, LiquidationEvent } from './event.js';

const TOPIC_PREFIX = 'allLiquidation.';
const DECIMAL = /^\d+(\.\d+)?$/;

/** The push did not have the documented shape; the message names the field and the value. */
export class LiquidationPayloadError extends InputError {
  override readonly name = 'LiquidationPayloadError';
}

export function isAllLiquidationTopic(topic: unknown): topic is string {
  return typeof topic === 'string' && topic.startsWith(TOPIC_PREFIX) && topic.length > TOPIC_PREFIX.length;
}

/**
 * Events of one push, in payload order. `data` is an array in Bybit's example and an object in its
 * field table, so both are accepted. `S` is the position side: `Buy` means a long was liquidated.
 * `p` (bankruptcy price) and `v` (size) arrive as decimal strings. The envelope `ts` is ignored; each
 * event keeps its own `T`.
 * @throws LiquidationPayloadError on another topic or a missing or malformed field.
 */
export function parseAllLiquidation(message: unknown): LiquidationEvent[] {
  if (!isObject(message)) throw new LiquidationPayloadError(`allLiquidation: expected a JSON object, got ${describeValue(message)}`);
  if (!isAllLiquidationTopic(message['topic'])) {
    throw new LiquidationPayloadError(`allLiquidation: topic ${describeValue(message['topic'])} is not ${TOPIC_PREFIX}{symbol}`);
  }
  const data = message['data'];
  const items = Array.isArray(data) ? data : [data];
  return items.map((item, i) => parseItem(item, `${message['topic']} data[${i}]`));
}

function parseItem(item: unknown, where: string): LiquidationEvent {
  if (!isObject(item)) throw new LiquidationPayloadError(`${where}: expected an object, got ${describeValue(item)}`);
  const time = item['T'];
  if (typeof time !== 'number' || !Number.isSafeInteger(time) || time < 0) {
    throw new LiquidationPayloadError(`${where}.T: expected a timestamp in ms, got ${describeValue(time)}`);
  }
  const symbol = item['s'];
  if (typeof symbol !== 'string' || symbol === '') throw new LiquidationPayloadError(`${where}.s: expected a symbol, got ${describeValue(symbol)}`);
  return { symbol, time, side: side(item['S'], where), price: positive(item['p'], `${where}.p`), size: positive(item['v'], `${where}.v`) };
}

function side(value: unknown, where: string): LiquidatedSide {
  if (value === 'Buy') return 'long';
  if (value === 'Sell') return 'short';
  throw new LiquidationPayloadError(`${where}.S: expected "Buy" or "Sell", got ${describeValue(value)}`);
}

function positive(value: unknown, where: string): number {
  const n = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
  if (!(n > 0 && Number.isFinite(n))) throw new LiquidationPayloadError(`${where}: expected a positive decimal string, got ${describeValue(value)}`);
  return n;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
