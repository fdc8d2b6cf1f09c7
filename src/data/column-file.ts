// bybot's binary columnar file: a JSON header, then compact columns (scaled integers where exact), read back in one call.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataFormatError } from '../core/errors.js';
import { uninitialisedBuffer } from '../core/float64-blocks.js';

const MAGIC = Buffer.from('BYBOTCOL', 'ascii');
export const COLUMN_FILE_VERSION = 2;

/**
 * How one column is stored. Prices and sizes are decimals with few digits, so most columns fit an
 * Int32 of value × 10^decimals exactly; decoding divides by 10^decimals, which gives back the very
 * same double (both operands are exact, and IEEE division rounds correctly). Anything that does not
 * round-trip exactly is kept as raw Float64.
 */
type Encoding =
  | { readonly kind: 'f64' }
  | { readonly kind: 'i32'; readonly decimals: number }
  /** Whole seconds after `base` ms (timestamps). */
  | { readonly kind: 'u32s'; readonly base: number }
  /** `base + i × step` exactly (a series without gaps): nothing stored. */
  | { readonly kind: 'step'; readonly base: number; readonly step: number }
  /** Every value NaN (an unknown turnover): nothing stored. */
  | { readonly kind: 'nan' }
  | { readonly kind: 'u8' }
  /** Every value zero (no flags set): nothing stored. */
  | { readonly kind: 'zero' };

interface ColumnSpec {
  readonly name: string;
  readonly type: 'float64' | 'uint8';
  readonly encoding: Encoding;
}

export interface ColumnFileHeader {
  readonly version: number;
  readonly rows: number;
  readonly columns: readonly ColumnSpec[];
  /** Anything the writer wants to remember (source fingerprint, symbol, timeframe...). */
  readonly meta: Record<string, unknown>;
}

export interface ColumnFile {
  readonly header: ColumnFileHeader;
  readonly float64: Record<string, Float64Array>;
  readonly uint8: Record<string, Uint8Array>;
}

const POW10 = Array.from({ length: 10 }, (_, i) => 10 ** i);
const MAX_DECIMALS = 9;
const INT32_LIMIT = 2 ** 31 - 1;

const align8 = (n: number) => (n + 7) & ~7;

function chooseFloatEncoding(values: Float64Array, rows: number, name: string): Encoding {
  if (rows === 0) return { kind: 'f64' };
  let allNaN = true;
  for (let i = 0; i < rows && allNaN; i++) allNaN = Number.isNaN(values[i]!);
  if (allNaN) return { kind: 'nan' };
  if (name === 'time') {
    const base = values[0]!;
    const step = rows > 1 ? values[1]! - base : 0;
    let regular = step > 0;
    for (let i = 2; i < rows && regular; i++) regular = values[i] === base + i * step;
    if (regular) return { kind: 'step', base, step };
    for (let i = 0; i < rows; i++) {
      const offset = (values[i]! - base) / 1000;
      if (!Number.isInteger(offset) || offset < 0 || offset > 0xffffffff) return { kind: 'f64' };
    }
    return { kind: 'u32s', base };
  }
  let decimals = 0;
  let largest = 0;
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) return { kind: 'f64' };
    while (decimals <= MAX_DECIMALS && Math.round(v * POW10[decimals]!) / POW10[decimals]! !== v) decimals++;
    if (decimals > MAX_DECIMALS) return { kind: 'f64' };
    largest = Math.max(largest, Math.abs(v));
  }
  // Every value, scaled by the decimals the most precise one needs, must fit an Int32.
  if (Math.round(largest * POW10[decimals]!) > INT32_LIMIT) return { kind: 'f64' };
  // A value that needs fewer decimals must still round-trip at the common scale.
  const scale = POW10[decimals]!;
  for (let i = 0; i < rows; i++) if (Math.round(values[i]! * scale) / scale !== values[i]) return { kind: 'f64' };
  return { kind: 'i32', decimals };
}

function encode(values: Float64Array | Uint8Array, rows: number, encoding: Encoding): Uint8Array {
  switch (encoding.kind) {
    case 'f64':
    case 'u8':
      return new Uint8Array(values.buffer, values.byteOffset, rows * values.BYTES_PER_ELEMENT);
    case 'i32': {
      const scale = POW10[encoding.decimals]!;
      const out = new Int32Array(rows);
      for (let i = 0; i < rows; i++) out[i] = Math.round(values[i]! * scale);
      return new Uint8Array(out.buffer);
    }
    case 'u32s': {
      const out = new Uint32Array(rows);
      for (let i = 0; i < rows; i++) out[i] = (values[i]! - encoding.base) / 1000;
      return new Uint8Array(out.buffer);
    }
    case 'nan':
    case 'zero':
    case 'step':
      return new Uint8Array(0);
  }
}

/**
 * Writes the file atomically: a temporary file beside the target, fsynced, then renamed over it.
 * A crash leaves either the old file or the new one, never half of one.
 */
export function writeColumnFile(path: string, rows: number, float64: Record<string, Float64Array>, uint8: Record<string, Uint8Array>, meta: Record<string, unknown>): void {
  const columns: ColumnSpec[] = [];
  const bodies: Uint8Array[] = [];
  for (const [name, values] of Object.entries(float64)) {
    const encoding = chooseFloatEncoding(values, rows, name);
    columns.push({ name, type: 'float64', encoding });
    bodies.push(encode(values, rows, encoding));
  }
  for (const [name, values] of Object.entries(uint8)) {
    const encoding: Encoding = values.subarray(0, rows).some((v) => v !== 0) ? { kind: 'u8' } : { kind: 'zero' };
    columns.push({ name, type: 'uint8', encoding });
    bodies.push(encode(values, rows, encoding));
  }
  const header: ColumnFileHeader = { version: COLUMN_FILE_VERSION, rows, columns, meta };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);

  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}-${Math.floor(performance.now() * 1000)}`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, prefix);
    const padding = new Uint8Array(8);
    for (const body of bodies) {
      writeSync(fd, body);
      if (align8(body.length) > body.length) writeSync(fd, padding.subarray(0, align8(body.length) - body.length));
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(temp, { force: true });
    throw error;
  }
}

const BYTES: Record<Encoding['kind'], number> = { f64: 8, i32: 4, u32s: 4, step: 0, nan: 0, u8: 1, zero: 0 };

/** Values decoded per read: the kernel copies each chunk into one small buffer that every read reuses. */
const CHUNK_VALUES = 1 << 16;
let chunkBuffer: ArrayBuffer | undefined;

/**
 * Reads a column file. Encoded columns are read a chunk at a time into a small reused buffer and
 * decoded from there; raw ones are read straight into their arrays. No copy of the whole file is ever
 * made: a million-candle file would otherwise cost a 20 MB buffer touched page by page on every load.
 */
export function readColumnFile(path: string): ColumnFile {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const { header, start } = readHeader(fd, path, size);
    const rows = header.rows;
    const expected = header.columns.reduce((sum, c) => sum + align8(rows * BYTES[c.encoding.kind]), start);
    if (size !== expected) throw new DataFormatError(path, undefined, `truncated column file: ${size} bytes, expected ${expected}`);
    const float64: Record<string, Float64Array> = {};
    const uint8: Record<string, Uint8Array> = {};
    let offset = start;
    for (const column of header.columns) {
      const e = column.encoding;
      if (e.kind === 'u8') uint8[column.name] = readExactly(fd, path, new Uint8Array(rows), rows, offset);
      else if (e.kind === 'zero') uint8[column.name] = new Uint8Array(rows);
      else float64[column.name] = readFloatColumn(fd, path, offset, rows, e);
      offset += align8(rows * BYTES[e.kind]);
    }
    return { header, float64, uint8 };
  } finally {
    closeSync(fd);
  }
}

/** The file's header, checked (magic, version, rows, known encodings), and where its columns start. */
function readHeader(fd: number, path: string, size: number): { header: ColumnFileHeader; start: number } {
  const head = new Uint8Array(MAGIC.length + 4);
  if (size < head.length || readSync(fd, head, 0, head.length, 0) !== head.length || !MAGIC.equals(head.subarray(0, MAGIC.length))) {
    throw new DataFormatError(path, undefined, 'not a bybot column file (bad magic)');
  }
  const headerLength = new DataView(head.buffer).getUint32(MAGIC.length, true);
  if (MAGIC.length + 4 + headerLength > size) throw new DataFormatError(path, undefined, `truncated column file: ${size} bytes, the header alone needs ${MAGIC.length + 4 + headerLength}`);
  const headerBytes = readExactly(fd, path, Buffer.allocUnsafe(headerLength), headerLength, MAGIC.length + 4);
  let header: ColumnFileHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as ColumnFileHeader;
  } catch {
    throw new DataFormatError(path, undefined, 'corrupt column file header');
  }
  if (header.version !== COLUMN_FILE_VERSION) throw new DataFormatError(path, undefined, `column file version ${header.version}, expected ${COLUMN_FILE_VERSION}`);
  if (!Number.isSafeInteger(header.rows) || header.rows < 0 || !Array.isArray(header.columns as unknown)) throw new DataFormatError(path, undefined, 'corrupt column file header');
  const unknown = header.columns.find((c) => !Object.hasOwn(BYTES, c.encoding?.kind));
  if (unknown) throw new DataFormatError(path, undefined, `column ${JSON.stringify(unknown.name)}: unknown encoding ${JSON.stringify(unknown.encoding?.kind)}`);
  return { header, start: align8(MAGIC.length + 4 + headerLength) };
}

/** Reads `length` bytes at `position` into `into` (its start); a short file is a truncated one. */
function readExactly<T extends Uint8Array>(fd: number, path: string, into: T, length: number, position: number): T {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, into, done, length - done, position + done);
    if (read === 0) throw new DataFormatError(path, undefined, `truncated column file: nothing at byte ${position + done}`);
    done += read;
  }
  return into;
}

/**
 * Decodes one float column. Each encoding writes every element, so the column starts uninitialised:
 * a column's 8 MB reused from the previous load is not cleared first for nothing.
 */
function readFloatColumn(fd: number, path: string, at: number, rows: number, e: Encoding): Float64Array {
  switch (e.kind) {
    case 'f64': {
      const out = uninitialisedColumn(rows);
      readExactly(fd, path, new Uint8Array(out.buffer, out.byteOffset, rows * 8), rows * 8, at);
      return out;
    }
    case 'nan':
      return uninitialisedColumn(rows).fill(NaN);
    case 'step': {
      const out = uninitialisedColumn(rows);
      // In locals: `e` comes from JSON.parse, and reading its fields in the loop boxed a number per row.
      const { base, step } = e;
      for (let from = 0; from < rows; from += CHUNK_VALUES) decodeSteps(base, step, out, from, Math.min(from + CHUNK_VALUES, rows));
      return out;
    }
    case 'i32':
    case 'u32s': {
      chunkBuffer ??= new ArrayBuffer(CHUNK_VALUES * 4);
      const bytes = new Uint8Array(chunkBuffer);
      const out = uninitialisedColumn(rows);
      for (let from = 0; from < rows; from += CHUNK_VALUES) {
        const count = Math.min(CHUNK_VALUES, rows - from);
        readExactly(fd, path, bytes, count * 4, at + from * 4);
        if (e.kind === 'i32') decodeScaled(new Int32Array(chunkBuffer, 0, count), e.decimals, out, from);
        else decodeSeconds(new Uint32Array(chunkBuffer, 0, count), e.base, out, from);
      }
      return out;
    }
    default:
      throw new Error(`column encoding ${e.kind} is not a float encoding`);
  }
}

/** value / 10^decimals: exact, since both operands are (see Encoding). Called per chunk, so V8 optimizes it as a function, not by on-stack replacement on every load. */
function decodeScaled(src: Int32Array, decimals: number, out: Float64Array, at: number): void {
  const n = src.length;
  if (decimals === 0) for (let i = 0; i < n; i++) out[at + i] = src[i]!;
  else {
    const scale = POW10[decimals]!;
    for (let i = 0; i < n; i++) out[at + i] = src[i]! / scale;
  }
}

/** An array of `rows` doubles that the caller overwrites entirely, not cleared. */
function uninitialisedColumn(rows: number): Float64Array {
  return new Float64Array(uninitialisedBuffer(rows * 8));
}

/** base + i · step for rows [from, to): per chunk, like the decoders, so V8 optimises it once rather than on every load. */
function decodeSteps(base: number, step: number, out: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) out[i] = base + i * step;
}

/** Whole seconds after `base` ms back to ms. */
function decodeSeconds(src: Uint32Array, base: number, out: Float64Array, at: number): void {
  const n = src.length;
  for (let i = 0; i < n; i++) out[at + i] = base + src[i]! * 1000;
}
