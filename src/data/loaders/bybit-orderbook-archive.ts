// Turns Bybit V5 orderbook payloads into domain book messages: one pure parser for the live stream and for archived replays.
import { DataFormatError, InputError, describeValue } from '../../core/errors.js';
import type { BookMessage, PriceLevel } from '../../domain/order-book.js';
import { decodeTextFile, forEachLine, readTextFile } from './text-lines.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bybit decimal strings: an optional minus, digits, an optional fraction. Strict, so "" or "1e3" cannot slip through Number(). */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

function bad(field: string, expected: string, value: unknown): InputError {
  return new InputError(`orderbook message: ${field} must be ${expected}, got ${describeValue(value)}`);
}

function parseDecimal(value: unknown, field: string): number {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw bad(field, 'a decimal string', value);
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw bad(field, 'a finite decimal string', value);
  return parsed;
}

function parseLevels(value: unknown, field: string): PriceLevel[] {
  if (!Array.isArray(value)) throw bad(field, 'an array of [price, size] pairs', value);
  const levels: PriceLevel[] = new Array<PriceLevel>(value.length);
  for (let i = 0; i < value.length; i++) {
    const level: unknown = value[i];
    if (!Array.isArray(level) || level.length < 2) throw bad(`${field}[${i}]`, 'a [price, size] pair', level);
    levels[i] = [parseDecimal(level[0], `${field}[${i}][0] (price)`), parseDecimal(level[1], `${field}[${i}][1] (size)`)];
  }
  return levels;
}

function parseInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw bad(field, 'a non-negative integer', value);
  }
  return value;
}

/**
 * Parses one Bybit V5 `orderbook.{depth}.{symbol}` payload (an object, or its JSON text) into a
 * BookSnapshot or BookDelta. Checks the shape and that every number is a finite decimal; whether
 * prices are positive and sizes non-negative is left to the quality checks, which report rather than throw.
 * @throws InputError naming the field and the value when the payload is malformed.
 */
export function parseBybitOrderbookMessage(json: unknown): BookMessage {
  let payload: unknown = json;
  if (typeof json === 'string') {
    try {
      payload = JSON.parse(json);
    } catch (cause) {
      throw new InputError(`orderbook message: not valid JSON (${(cause as Error).message})`, { cause });
    }
  }
  if (!isObject(payload)) throw bad('payload', 'an object', payload);

  const topic = payload['topic'];
  if (typeof topic !== 'string' || !topic.startsWith('orderbook.')) {
    throw bad('topic', '"orderbook.{depth}.{symbol}"', topic);
  }
  const type = payload['type'];
  if (type !== 'snapshot' && type !== 'delta') throw bad('type', '"snapshot" or "delta"', type);
  const ts = payload['ts'];
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts)) throw bad('ts', 'an integer of milliseconds', ts);
  const cts = payload['cts'];
  if (cts !== undefined && (typeof cts !== 'number' || !Number.isSafeInteger(cts))) {
    throw bad('cts', 'an integer of milliseconds when present', cts);
  }

  const data = payload['data'];
  if (!isObject(data)) throw bad('data', 'an object', data);
  const symbol = data['s'];
  if (typeof symbol !== 'string' || symbol === '') throw bad('data.s', 'a symbol', symbol);
  // The topic's last segment names the symbol too; a disagreement means the payload was stitched together.
  const topicSymbol = topic.slice(topic.lastIndexOf('.') + 1);
  if (topicSymbol !== symbol) throw bad('data.s', `the topic's symbol ${describeValue(topicSymbol)}`, symbol);
  const updateId = parseInteger(data['u'], 'data.u');
  const seq = data['seq'] === undefined ? NaN : parseInteger(data['seq'], 'data.seq');
  const bids = parseLevels(data['b'], 'data.b');
  const asks = parseLevels(data['a'], 'data.a');

  const base = { symbol, time: ts, updateId, seq, bids, asks };
  const withTime = cts === undefined ? base : { ...base, matchTime: cts };
  return type === 'snapshot' ? { kind: 'snapshot', ...withTime } : { kind: 'delta', ...withTime };
}

/** Parses archive text (one WS payload a line); errors are DataFormatErrors naming `fileName` and the line. */
export function parseBybitOrderbookLines(text: string, fileName: string): BookMessage[] {
  const messages: BookMessage[] = [];
  forEachLine(text, (line, lineNumber) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new DataFormatError(fileName, lineNumber, `not valid JSON (${(cause as Error).message})`);
    }
    try {
      messages.push(parseBybitOrderbookMessage(json));
    } catch (cause) {
      if (cause instanceof InputError) throw new DataFormatError(fileName, lineNumber, cause.message);
      throw cause;
    }
  });
  return messages;
}

/** Parses an archive already in memory (zip with one file, gzip, or plain lines). */
export function parseBybitOrderbookArchive(bytes: Uint8Array, fileName: string): BookMessage[] {
  const file = decodeTextFile(fileName, bytes);
  return parseBybitOrderbookLines(file.text, file.name);
}

/**
 * Loads a Bybit orderbook archive such as `2024-12-01_XRPUSDT_ob500.data.zip` (a zip holding one
 * text file), or a plain `.data` / `.jsonl` file, one WS payload per line.
 */
export function loadBybitOrderbookArchive(path: string): BookMessage[] {
  const file = readTextFile(path);
  return parseBybitOrderbookLines(file.text, file.name);
}
