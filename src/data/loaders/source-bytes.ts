// Reads a data file's bytes, gunzipping transparently (by the gzip magic number, not the name).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DataFormatError, InputError } from '../../core/errors.js';

export function readSourceBytes(path: string): Uint8Array {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : String((error as Error).message);
    throw new InputError(`${path}: ${reason}`, { cause: error });
  }
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      return gunzipSync(raw);
    } catch (error) {
      throw new DataFormatError(path, undefined, `corrupt gzip data (${(error as Error).message})`);
    }
  }
  return raw;
}
