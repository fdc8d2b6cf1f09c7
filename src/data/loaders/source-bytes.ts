// Reads a data file's bytes, gunzipping transparently (by the gzip magic number, not the name).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { DataFormatError, InputError } from '../../core/errors.js';

export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The bytes themselves, or their inflated content when they are gzip. */
export function gunzipIfNeeded(bytes: Uint8Array, path: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new DataFormatError(path, undefined, `corrupt gzip data (${(error as Error).message})`);
  }
}

function readFailure(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : String((error as Error).message);
  return new InputError(`${path}: ${reason}`, { cause: error });
}

export function readSourceBytes(path: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    throw readFailure(path, error);
  }
  return gunzipIfNeeded(raw, path);
}

/** The first bytes of a file's content (enough for a header line), without reading a plain file whole. */
export function readSourceHead(path: string, length = 4096): Uint8Array {
  // Compressed input: 64 KiB of gzip inflates to far more than a header line.
  const head = readPrefix(path, Math.max(length, 65_536));
  if (!isGzip(head)) return head.subarray(0, length);
  try {
    // SYNC_FLUSH lets zlib hand back what it has inflated from a truncated stream instead of failing.
    return gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, length);
  } catch (error) {
    throw new DataFormatError(path, undefined, `corrupt gzip data (${(error as Error).message})`);
  }
}

function readPrefix(path: string, length: number): Buffer {
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw readFailure(path, error);
  }
}
