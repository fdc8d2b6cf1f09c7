// Reads recorded Binance USDT-M combined streams (`<receive ns> <json>` per line) into domain trades and depth diffs for order-flow work.
import { DataFormatError, describeValue } from '../../core/errors.js';
import type { PriceLevel } from '../../domain/order-book.js';
import type { Trade } from '../../domain/trade.js';
import { decodeTextFile, forEachLine, readTextFile } from './text-lines.js';

/**
 * A Binance futures `@depth` diff. Binance chains diffs by `prevFinalUpdateId` (`pu`) rather than
 * Bybit's `u` + 1, so this stays a Binance-shaped value instead of a domain BookDelta.
 */
export interface BinanceDepthDiff {
  readonly symbol: string;
  /** Transaction time `T`, ms UTC. */
  readonly time: number;
  /** Event time `E`, ms UTC. */
  readonly eventTime: number;
  /** Local receive time, ms UTC (truncated from the recorder's nanoseconds). */
  readonly receivedAt: number;
  /** `U`: first update id in this diff. */
  readonly firstUpdateId: number;
  /** `u`: final update id in this diff. */
  readonly finalUpdateId: number;
  /** `pu`: the previous diff's `u`; a mismatch means a diff was lost. */
  readonly prevFinalUpdateId: number;
  /** Changed levels; size 0 deletes the price. */
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
}

/** A REST depth snapshot the recorder interleaved (`{"lastUpdateId":...,"bids":...,"asks":...}`), the anchor for replaying diffs. */
export interface BinanceDepthSnapshot {
  readonly time: number;
  readonly eventTime: number;
  readonly receivedAt: number;
  readonly lastUpdateId: number;
  readonly bids: readonly PriceLevel[];
  readonly asks: readonly PriceLevel[];
}

export interface BinanceStream {
  /** From `@trade`, in file order. */
  readonly trades: Trade[];
  /** From `@depth...`, in file order. */
  readonly depthDiffs: BinanceDepthDiff[];
  readonly depthSnapshots: BinanceDepthSnapshot[];
  /** Messages of other streams (e.g. `btcusdt@bookTicker`) counted by stream name, not parsed. */
  readonly skipped: Readonly<Record<string, number>>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Thrown inside one line's parsing; the caller adds the file and line. */
class LineError extends Error {}

function num(data: Json, field: string, where: string): number {
  const value = data[field];
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
    throw new LineError(`${where}.${field} must be a finite number, got ${describeValue(value)}`);
  }
  return parsed;
}

function levels(data: Json, field: string, where: string): PriceLevel[] {
  const value = data[field];
  if (!Array.isArray(value)) throw new LineError(`${where}.${field} must be an array, got ${describeValue(value)}`);
  return value.map((level: unknown, i): PriceLevel => {
    if (!Array.isArray(level) || level.length < 2) {
      throw new LineError(`${where}.${field}[${i}] must be a [price, size] pair, got ${describeValue(level)}`);
    }
    const pair: Json = { p: level[0], q: level[1] };
    return [num(pair, 'p', `${where}.${field}[${i}]`), num(pair, 'q', `${where}.${field}[${i}]`)];
  });
}

function text(data: Json, field: string, where: string): string {
  const value = data[field];
  if (typeof value !== 'string' || value === '') {
    throw new LineError(`${where}.${field} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

function parseTrade(data: Json): Trade {
  const maker = data['m'];
  if (typeof maker !== 'boolean') throw new LineError(`trade.m must be a boolean, got ${describeValue(maker)}`);
  const id = data['t'];
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new LineError(`trade.t must be a trade id, got ${describeValue(id)}`);
  }
  return {
    symbol: text(data, 's', 'trade').toUpperCase(),
    time: num(data, 'T', 'trade'),
    price: num(data, 'p', 'trade'),
    size: num(data, 'q', 'trade'),
    // m = true: the buyer was the maker, so the taker (aggressor) sold.
    side: maker ? 'sell' : 'buy',
    id: String(id),
  };
}

function parseDepthDiff(data: Json, receivedAt: number): BinanceDepthDiff {
  return {
    symbol: text(data, 's', 'depth').toUpperCase(),
    time: num(data, 'T', 'depth'),
    eventTime: num(data, 'E', 'depth'),
    receivedAt,
    firstUpdateId: num(data, 'U', 'depth'),
    finalUpdateId: num(data, 'u', 'depth'),
    prevFinalUpdateId: num(data, 'pu', 'depth'),
    bids: levels(data, 'b', 'depth'),
    asks: levels(data, 'a', 'depth'),
  };
}

function parseDepthSnapshot(data: Json, receivedAt: number): BinanceDepthSnapshot {
  return {
    time: num(data, 'T', 'snapshot'),
    eventTime: num(data, 'E', 'snapshot'),
    receivedAt,
    lastUpdateId: num(data, 'lastUpdateId', 'snapshot'),
    bids: levels(data, 'bids', 'snapshot'),
    asks: levels(data, 'asks', 'snapshot'),
  };
}

/** Cheap look at `{"stream":"name",` so the many bookTicker lines are counted without a JSON.parse. */
const STREAM_PREFIX = '{"stream":"';

/** Parses the recorder's text; errors are DataFormatErrors naming `fileName` and the line. */
export function parseBinanceStreamLines(text: string, fileName: string): BinanceStream {
  const trades: Trade[] = [];
  const depthDiffs: BinanceDepthDiff[] = [];
  const depthSnapshots: BinanceDepthSnapshot[] = [];
  const skipped: Record<string, number> = {};

  forEachLine(text, (line, lineNumber) => {
    const fail = (detail: string): never => {
      throw new DataFormatError(fileName, lineNumber, detail);
    };
    const space = line.indexOf(' ');
    const stamp = space === -1 ? '' : line.slice(0, space);
    if (!/^\d{7,}$/.test(stamp)) fail(`expected "<receive time ns> <json>", got ${describeValue(line)}`);
    // Nanoseconds exceed 2^53: keep the millisecond part, which does not.
    const receivedAt = Number(stamp.slice(0, -6));
    const json = line.slice(space + 1);

    let stream: string | undefined;
    if (json.startsWith(STREAM_PREFIX)) {
      const end = json.indexOf('"', STREAM_PREFIX.length);
      stream = end === -1 ? undefined : json.slice(STREAM_PREFIX.length, end);
      if (stream !== undefined && !stream.includes('@trade') && !stream.includes('@depth')) {
        skipped[stream] = (skipped[stream] ?? 0) + 1;
        return;
      }
    }

    let message: unknown;
    try {
      message = JSON.parse(json);
    } catch (cause) {
      return fail(`not valid JSON (${(cause as Error).message})`);
    }
    if (!isObject(message)) return fail(`expected a JSON object, got ${describeValue(message)}`);

    try {
      if ('lastUpdateId' in message) {
        depthSnapshots.push(parseDepthSnapshot(message, receivedAt));
        return;
      }
      const name = message['stream'];
      const data = message['data'];
      if (typeof name !== 'string' || !isObject(data)) {
        throw new LineError(`expected {"stream": name, "data": {...}}, got ${describeValue(message)}`);
      }
      if (name.endsWith('@trade')) trades.push(parseTrade(data));
      else if (name.includes('@depth')) depthDiffs.push(parseDepthDiff(data, receivedAt));
      else skipped[name] = (skipped[name] ?? 0) + 1;
    } catch (cause) {
      if (cause instanceof LineError) fail(cause.message);
      throw cause;
    }
  });
  return { trades, depthDiffs, depthSnapshots, skipped };
}

/** Parses a recording already in memory (gzip or plain text). */
export function parseBinanceStream(bytes: Uint8Array, fileName: string): BinanceStream {
  const file = decodeTextFile(fileName, bytes);
  return parseBinanceStreamLines(file.text, file.name);
}

/** Loads a recording such as `usdm_btcusdt_20240808.gz`. */
export function loadBinanceStream(path: string): BinanceStream {
  const file = readTextFile(path);
  return parseBinanceStreamLines(file.text, file.name);
}
