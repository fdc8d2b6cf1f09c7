// Reads a line-per-record text file that may be stored plain, gzipped or as a one-file zip, so loaders see only lines.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DataFormatError } from '../../core/errors.js';
import { gunzipIfNeeded } from './source-bytes.js';

export interface TextFile {
  /** Name for error messages: the path, plus `!/entry` for a file inside a zip. */
  readonly name: string;
  readonly text: string;
}

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Decodes file bytes by their magic number rather than the extension, which archives do not always keep. */
export function decodeTextFile(path: string, bytes: Uint8Array): TextFile {
  if (isZip(bytes)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (cause) {
      throw new DataFormatError(path, undefined, `not a readable zip archive (${String(cause)})`);
    }
    // Directory entries end in '/' and carry no data.
    const files = Object.entries(entries).filter(([entry]) => !entry.endsWith('/'));
    const only = files[0];
    if (files.length !== 1 || only === undefined) {
      throw new DataFormatError(
        path,
        undefined,
        `expected a zip with exactly one file, found ${files.length}: ${files.map(([entry]) => entry).join(', ')}`,
      );
    }
    return { name: `${path}!/${only[0]}`, text: strFromU8(only[1]) };
  }
  return { name: path, text: strFromU8(gunzipIfNeeded(bytes, path)) };
}

/** Reads and decodes a file; a missing file is a DataFormatError naming it. */
export function readTextFile(path: string): TextFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DataFormatError(path, undefined, `cannot read ${basename(path)} (${(cause as Error).message})`);
  }
  return decodeTextFile(path, bytes);
}

/**
 * Calls `onLine` for each non-blank line with its 1-based line number; CRLF endings are accepted
 * (the Bybit archives use them). Walks the text with indexOf so a 30 MB file is not split into one array first.
 */
export function forEachLine(text: string, onLine: (line: string, lineNumber: number) => void): void {
  let start = 0;
  let lineNumber = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNumber++;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() !== '') onLine(line, lineNumber);
    start = end + 1;
  }
}
