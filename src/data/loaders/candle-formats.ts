// Candle file formats bybot reads: canonical CSV, Binance kline dumps, Bybit kline rows, freqtrade JSON.
import { DataFormatError } from '../../core/errors.js';
import { CANDLE_FLAG, CandleSeries, ColumnSet, type CandleColumns } from '../candle-series.js';
import { parseNumericCsv, readLine, skipBom, type NumericCsvSpec } from './numeric-csv.js';

export type CandleFormat = 'canonical' | 'binance' | 'bybit' | 'freqtrade';
export const CANDLE_FORMATS: readonly CandleFormat[] = ['canonical', 'binance', 'bybit', 'freqtrade'];

export const CANONICAL_HEADER = 'timestamp,open,high,low,close,volume';
const CANONICAL_FIELDS = ['timestamp', 'open', 'high', 'low', 'close', 'volume'] as const;
const BINANCE_FIELDS = [
  'open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time',
  'quote_volume', 'count', 'taker_buy_volume', 'taker_buy_quote_volume', 'ignore',
] as const;
/** Binance switched spot dumps to microsecond timestamps in 2025; anything above this is not milliseconds. */
const MICROSECONDS_ABOVE = 1e14;

export interface ParsedCandles {
  readonly series: CandleSeries;
  readonly format: CandleFormat;
}

/** Picks the format from the content: JSON by its first byte, CSV by its header or field count. */
export function detectCandleFormat(bytes: Uint8Array, file: string): CandleFormat {
  const start = skipBom(bytes);
  let p = start;
  while (p < bytes.length && (bytes[p] === 32 || bytes[p] === 9 || bytes[p] === 10 || bytes[p] === 13)) p++;
  if (p >= bytes.length) throw new DataFormatError(file, 1, 'file is empty; expected a header line');
  if (bytes[p] === 0x5b || bytes[p] === 0x7b) return jsonFormat(bytes, file);
  const header = readLine(bytes, start).text.trim().toLowerCase();
  if (header === CANONICAL_HEADER || header === `${CANONICAL_HEADER},turnover`) return 'canonical';
  if (header.startsWith('open_time,')) return 'binance';
  const fields = header.split(',');
  const numeric = fields.every((f) => f.trim() !== '' && !Number.isNaN(Number(f)));
  if (numeric && fields.length === BINANCE_FIELDS.length) return 'binance';
  if (numeric) throw new DataFormatError(file, 1, `missing header; expected "${CANONICAL_HEADER}" as the first line`);
  throw new DataFormatError(file, 1, `unrecognised header ${JSON.stringify(header.slice(0, 80))}; expected "${CANONICAL_HEADER}"`);
}

export function parseCandles(bytes: Uint8Array, file: string, format: CandleFormat, timeframeMs?: number): ParsedCandles {
  switch (format) {
    case 'canonical':
      return { series: parseCanonical(bytes, file), format };
    case 'binance':
      return { series: parseBinance(bytes, file), format };
    case 'bybit':
    case 'freqtrade':
      return parseJsonRows(bytes, file, format, timeframeMs);
  }
}

function toSeries(columns: Float64Array[], rows: number, turnover?: Float64Array): CandleSeries {
  const [time, open, high, low, close, volume] = columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const cols: CandleColumns = new ColumnSet(time, open, high, low, close, volume, turnover ?? new Float64Array(rows).fill(NaN), new Uint8Array(rows));
  return CandleSeries.fromColumns(cols, rows);
}

function parseCanonical(bytes: Uint8Array, file: string): CandleSeries {
  const start = skipBom(bytes);
  const header = readLine(bytes, start);
  const withTurnover = header.text.trim().toLowerCase().endsWith(',turnover');
  const fields = withTurnover ? [...CANONICAL_FIELDS, 'turnover'] : [...CANONICAL_FIELDS];
  const spec: NumericCsvSpec = { fields, keep: fields.map((_, i) => i), outputs: fields.length };
  const table = parseNumericCsv(bytes, header.next, 2, spec, file);
  return toSeries(table.columns, table.rows, withTurnover ? table.columns[6] : undefined);
}

function parseBinance(bytes: Uint8Array, file: string): CandleSeries {
  const start = skipBom(bytes);
  const first = readLine(bytes, start);
  const hasHeader = first.text.toLowerCase().startsWith('open_time');
  // Keep open time, OHLCV and the quote volume (Binance's turnover).
  const keep = [0, 1, 2, 3, 4, 5, -1, 6, -1, -1, -1, -1];
  const spec: NumericCsvSpec = { fields: BINANCE_FIELDS, keep, outputs: 7 };
  const table = parseNumericCsv(bytes, hasHeader ? first.next : start, hasHeader ? 2 : 1, spec, file);
  const time = table.columns[0]!;
  if (table.rows > 0 && time[0]! > MICROSECONDS_ABOVE) for (let i = 0; i < table.rows; i++) time[i] = Math.floor(time[i]! / 1000);
  return toSeries(table.columns, table.rows, table.columns[6]);
}

function jsonFormat(bytes: Uint8Array, file: string): CandleFormat {
  const rows = jsonRows(bytes, file).rows;
  const first = rows[0];
  return Array.isArray(first) && typeof first[0] === 'string' ? 'bybit' : Array.isArray(first) && typeof first[0] === 'number' ? 'freqtrade' : 'bybit';
}

/** Unwraps a Bybit envelope ({result:{list}}), a bare {list} or a bare array. `time` is the server time when present. */
function jsonRows(bytes: Uint8Array, file: string): { rows: unknown[]; serverTime?: number } {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DataFormatError(file, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (Array.isArray(doc)) return { rows: doc };
  const envelope = doc as { result?: { list?: unknown }; list?: unknown; time?: unknown; retCode?: unknown };
  if (envelope.retCode !== undefined && envelope.retCode !== 0) {
    throw new DataFormatError(file, undefined, `Bybit reply with retCode ${JSON.stringify(envelope.retCode)}, not kline rows`);
  }
  const list = envelope.result?.list ?? envelope.list;
  if (!Array.isArray(list)) throw new DataFormatError(file, undefined, 'expected an array of kline rows, or an object with result.list');
  return typeof envelope.time === 'number' ? { rows: list, serverTime: envelope.time } : { rows: list };
}

const FIELD_NAMES = ['startTime', 'open', 'high', 'low', 'close', 'volume', 'turnover'];

function parseJsonRows(bytes: Uint8Array, file: string, format: 'bybit' | 'freqtrade', timeframeMs?: number): ParsedCandles {
  const { rows, serverTime } = jsonRows(bytes, file);
  const width = format === 'bybit' ? 7 : 6;
  const series = new CandleSeries(rows.length);
  const ordered = format === 'bybit' && rows.length > 1 && rowTime(rows[0]) > rowTime(rows[rows.length - 1]) ? [...rows].reverse() : rows;
  ordered.forEach((row, k) => {
    const index = ordered === rows ? k : rows.length - 1 - k;
    if (!Array.isArray(row) || row.length < width - (format === 'bybit' ? 1 : 0)) {
      throw new DataFormatError(file, undefined, `row ${index + 1}: expected an array of ${width} values, got ${JSON.stringify(row)?.slice(0, 80)}`);
    }
    const values = FIELD_NAMES.slice(0, width).map((name, i) => jsonNumber(row[i], file, index, name));
    const [time, open, high, low, close, volume, turnover = NaN] = values as [number, number, number, number, number, number, number?];
    const forming = serverTime !== undefined && timeframeMs !== undefined && time + timeframeMs > serverTime;
    series.append(time, open, high, low, close, volume, turnover, forming ? CANDLE_FLAG.forming : 0);
  });
  return { series, format };
}

function rowTime(row: unknown): number {
  return Array.isArray(row) ? Number(row[0]) : NaN;
}

function jsonNumber(value: unknown, file: string, index: number, field: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (!Number.isNaN(n) || value.trim().toLowerCase() === 'nan') return n;
  }
  throw new DataFormatError(file, undefined, `row ${index + 1}: ${field} is not a number: ${JSON.stringify(value)}`);
}
