// bybot's binary columnar file: a JSON header then raw little-endian Float64 columns, read back without copying.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataFormatError } from '../core/errors.js';

const MAGIC = Buffer.from('BYBOTCOL', 'ascii');
export const COLUMN_FILE_VERSION = 1;

export interface ColumnFileHeader {
  readonly version: number;
  readonly rows: number;
  /** Names of the Float64 columns, in storage order. */
  readonly float64: readonly string[];
  /** Names of the Uint8 columns, stored after the Float64 ones. */
  readonly uint8: readonly string[];
  /** Anything the writer wants to remember (source fingerprint, symbol, timeframe...). */
  readonly meta: Record<string, unknown>;
}

export interface ColumnFile {
  readonly header: ColumnFileHeader;
  readonly float64: Record<string, Float64Array>;
  readonly uint8: Record<string, Uint8Array>;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Writes the file atomically: a temporary file beside the target, fsynced, then renamed over it.
 * A crash leaves either the old file or the new one, never half of one.
 */
export function writeColumnFile(path: string, rows: number, float64: Record<string, Float64Array>, uint8: Record<string, Uint8Array>, meta: Record<string, unknown>): void {
  const header: ColumnFileHeader = { version: COLUMN_FILE_VERSION, rows, float64: Object.keys(float64), uint8: Object.keys(uint8), meta };
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
    for (const name of header.float64) {
      const column = float64[name]!.subarray(0, rows);
      writeSync(fd, new Uint8Array(column.buffer, column.byteOffset, rows * 8));
    }
    for (const name of header.uint8) writeSync(fd, uint8[name]!.subarray(0, rows));
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

/** Reads a whole column file; the columns are views over one buffer read in a single call. */
export function readColumnFile(path: string): ColumnFile {
  const bytes = readFileSync(path);
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DataFormatError(path, undefined, 'not a bybot column file (bad magic)');
  }
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  let header: ColumnFileHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as ColumnFileHeader;
  } catch {
    throw new DataFormatError(path, undefined, 'corrupt column file header');
  }
  if (header.version !== COLUMN_FILE_VERSION) throw new DataFormatError(path, undefined, `column file version ${header.version}, expected ${COLUMN_FILE_VERSION}`);
  const rows = header.rows;
  let offset = align8(MAGIC.length + 4 + headerLength);
  const expected = offset + rows * 8 * header.float64.length + rows * header.uint8.length;
  if (bytes.length !== expected) throw new DataFormatError(path, undefined, `truncated column file: ${bytes.length} bytes, expected ${expected}`);
  // Zero-copy views need 8-byte alignment in the underlying ArrayBuffer; copy once if the buffer is misaligned.
  const base = (bytes.byteOffset & 7) === 0 ? bytes : new Uint8Array(bytes);
  const float64: Record<string, Float64Array> = {};
  for (const name of header.float64) {
    float64[name] = new Float64Array(base.buffer, base.byteOffset + offset, rows);
    offset += rows * 8;
  }
  const uint8: Record<string, Uint8Array> = {};
  for (const name of header.uint8) {
    uint8[name] = new Uint8Array(base.buffer, base.byteOffset + offset, rows);
    offset += rows;
  }
  return { header, float64, uint8 };
}
