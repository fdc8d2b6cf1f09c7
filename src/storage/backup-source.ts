// Reads a backup for restoring: a SQLite database file or a JSON-lines dump, recognised by its first bytes.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import { parseDumpHeader, parseDumpLine, PAGE_ROWS, pageRows } from './dump.js';
import { appliedMigrations, schemaVersionOf } from './migrate.js';
import { countRows } from './queries.js';
import { TABLES, type TableCounts, type TableName } from './schema.js';
import { openSqliteReadOnly } from './sqlite.js';

export interface BackupSource {
  readonly file: string;
  readonly schemaVersion: number;
  /** Rows of one table at a time, tables in TABLES order. */
  pages(): AsyncGenerator<{ readonly table: TableName; readonly rows: Record<string, unknown>[] }>;
  /** What the backup says it holds; known once pages() has been read to the end. */
  expectedCounts(): TableCounts;
  close(): Promise<void>;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** @throws InputError naming the file when it is missing or neither kind of backup. */
export async function openBackupSource(file: string): Promise<BackupSource> {
  const path = resolve(file);
  let head: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SQLITE_MAGIC.length);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(`backup file ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return head === SQLITE_MAGIC ? sqliteSource(path) : jsonlSource(path);
}

async function sqliteSource(path: string): Promise<BackupSource> {
  const { db } = openSqliteReadOnly(path);
  try {
    const schemaVersion = schemaVersionOf(await appliedMigrations(db, 'sqlite'));
    const counts = await countRows(db);
    return {
      file: path,
      schemaVersion,
      async *pages() {
        for (const { name } of TABLES) for await (const rows of pageRows(db, name)) yield { table: name, rows };
      },
      expectedCounts: () => counts,
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy();
    throw new InputError(`backup file ${path} is not a bybot database: ${(error as Error).message}`, { cause: error });
  }
}

async function jsonlSource(path: string): Promise<BackupSource> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  let header;
  try {
    header = parseDumpHeader(first.done ? '' : first.value, `${path}:1`);
  } catch (error) {
    lines.return?.();
    throw new InputError((error as Error).message);
  }
  let counts: TableCounts | undefined;
  return {
    file: path,
    schemaVersion: header.schemaVersion,
    async *pages() {
      let lineNo = 1;
      let batch: { table: TableName; rows: Record<string, unknown>[] } | undefined;
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        lineNo++;
        if (next.value.trim() === '') continue;
        if (counts) throw new InputError(`${path}:${lineNo}: data after the end line`);
        let line;
        try {
          line = parseDumpLine(next.value, `${path}:${lineNo}`);
        } catch (error) {
          throw new InputError((error as Error).message);
        }
        if ('end' in line) {
          counts = line.counts;
          continue;
        }
        if (batch && (batch.table !== line.table || batch.rows.length >= PAGE_ROWS)) {
          yield batch;
          batch = undefined;
        }
        batch ??= { table: line.table, rows: [] };
        batch.rows.push(line.row);
      }
      if (batch && batch.rows.length > 0) yield batch;
      if (!counts) throw new InputError(`backup file ${path} ends without its end line: it is incomplete (cut short while written or copied)`);
    },
    expectedCounts: () => {
      if (!counts) throw new Error(`${path}: expectedCounts() before pages() was read to the end`);
      return counts;
    },
    close: async () => void (await lines.return?.()),
  };
}
