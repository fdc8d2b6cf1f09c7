// The JSON-lines backup format (a header, one line per row, a footer with the row counts) and paging through a table.
import type { Kysely } from 'kysely';
import { TABLES, type TableCounts, type TableName } from './schema.js';

export const DUMP_FORMAT = 'bybot-store-backup';
export const DUMP_FORMAT_VERSION = 1;

export interface DumpHeader {
  readonly format: typeof DUMP_FORMAT;
  readonly formatVersion: number;
  readonly schemaVersion: number;
  readonly source: string;
  readonly createdAt: number;
}

/** Row lines are `{"table": ..., "row": {...}}`; the last line is `{"end": true, "counts": {...}}`, so a cut file is recognised. */
export type DumpLine = { readonly table: TableName; readonly row: Record<string, unknown> } | { readonly end: true; readonly counts: TableCounts };

export const PAGE_ROWS = 1000;

/** Every row of `table` in key order, `PAGE_ROWS` at a time (keyset paging: each page is one indexed query). */
export async function* pageRows(db: Kysely<any>, table: TableName): AsyncGenerator<Record<string, unknown>[]> {
  const key = TABLES.find((t) => t.name === table)!.key;
  let last: unknown;
  for (;;) {
    let query = db.selectFrom(table).selectAll().orderBy(key).limit(PAGE_ROWS);
    if (last !== undefined) query = query.where(key, '>', last);
    const rows = (await query.execute()) as Record<string, unknown>[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_ROWS) return;
    last = rows[rows.length - 1]![key];
  }
}

const KNOWN = new Set<string>(TABLES.map((t) => t.name));

/** Parses one line after the header; `where` names the file and line for errors. */
export function parseDumpLine(text: string, where: string): DumpLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
  const line = value as Partial<{ table: string; row: unknown; end: boolean; counts: unknown }>;
  if (line.end === true && typeof line.counts === 'object' && line.counts !== null) return line as DumpLine;
  if (typeof line.table !== 'string' || !KNOWN.has(line.table)) throw new Error(`${where}: table ${JSON.stringify(line.table)} is not one of ${[...KNOWN].join(', ')}`);
  if (typeof line.row !== 'object' || line.row === null || Array.isArray(line.row)) throw new Error(`${where}: "row" must be an object`);
  return line as DumpLine;
}

export function parseDumpHeader(text: string, where: string): DumpHeader {
  let header: Partial<DumpHeader> | undefined;
  try {
    header = JSON.parse(text) as Partial<DumpHeader>;
  } catch {
    header = undefined;
  }
  if (header?.format !== DUMP_FORMAT) throw new Error(`${where}: not a bybot store backup (neither a SQLite file nor a ${DUMP_FORMAT} JSON-lines file)`);
  if (header.formatVersion !== DUMP_FORMAT_VERSION) throw new Error(`${where}: backup format version ${header.formatVersion}, this build reads ${DUMP_FORMAT_VERSION}`);
  if (typeof header.schemaVersion !== 'number') throw new Error(`${where}: the header has no schemaVersion`);
  return header as DumpHeader;
}
