// A consistent copy of a running store: SQLite's online backup API, or PostgreSQL's tables as JSON lines from one snapshot.
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { systemClock, type Clock } from '../core/clock.js';
import { InputError } from '../core/errors.js';
import { commitTemp, removeQuietly, tempBeside } from './durable-file.js';
import { DUMP_FORMAT, DUMP_FORMAT_VERSION, pageRows, type DumpHeader } from './dump.js';
import type { KyselyStore } from './kysely-store.js';
import { SCHEMA_VERSION } from './migrations.js';
import { countRows } from './queries.js';
import { TABLES, type TableCounts } from './schema.js';
import { sqliteKysely, type NativeSqlite } from './sqlite.js';

export interface BackupReport {
  readonly file: string;
  readonly format: 'sqlite' | 'jsonl';
  /** Rows in the copy, per table. */
  readonly counts: TableCounts;
}

/** Pages copied per step while nothing else writes; the bot's writes run between steps. */
const STEP_PAGES = 1024;
/** Once another connection's write has restarted the copy, it is taken in one step (a read snapshot), so it cannot restart forever. */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy of `store` to `file` (a temporary file beside it, then an atomic rename):
 * a SQLite database file for SQLite, a JSON-lines file for PostgreSQL. The store keeps working meanwhile.
 */
export async function backupStore(store: KyselyStore, file: string, clock: Clock = systemClock): Promise<BackupReport> {
  const target = resolve(file);
  const temp = tempBeside(target);
  try {
    const report = store.sqlite ? await backupSqlite(store.sqlite, temp, target) : await dumpJsonLines(store, temp, target, clock);
    commitTemp(temp, target);
    return report;
  } catch (error) {
    removeQuietly(temp);
    removeQuietly(`${temp}-journal`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new InputError(`backup file ${target} cannot be written: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
}

async function backupSqlite(native: NativeSqlite, temp: string, target: string): Promise<BackupReport> {
  let remaining = Infinity;
  let restarted = false;
  try {
    await native.backup(temp, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remaining) restarted = true;
        remaining = remainingPages;
        return restarted ? ALL_PAGES : STEP_PAGES;
      },
    });
  } catch (error) {
    if ((error as Error).message.includes('directory does not exist')) throw new InputError(`backup file ${target}: its folder does not exist`, { cause: error });
    throw error;
  }
  // The copy carries the source's WAL flag; a rollback journal makes it one self-contained file.
  const copy = new BetterSqlite3(temp);
  copy.pragma('journal_mode = DELETE');
  const db = sqliteKysely(copy);
  try {
    return { file: target, format: 'sqlite', counts: await countRows(db) };
  } finally {
    await db.destroy();
  }
}

/**
 * Every table in one transaction, so the rows are one snapshot: REPEATABLE READ on PostgreSQL, where
 * the bot goes on writing meanwhile; on SQLite without its native connection (a store built by hand)
 * an ordinary transaction, which holds the bot's writes until the dump is done.
 */
async function dumpJsonLines(store: KyselyStore, temp: string, target: string, clock: Clock): Promise<BackupReport> {
  const out = await open(temp, 'wx');
  try {
    const header: DumpHeader = { format: DUMP_FORMAT, formatVersion: DUMP_FORMAT_VERSION, schemaVersion: SCHEMA_VERSION, source: store.label, createdAt: clock.now() };
    await out.write(`${JSON.stringify(header)}\n`);
    const transaction = store.dialect === 'postgres' ? store.db.transaction().setIsolationLevel('repeatable read') : store.db.transaction();
    const counts = await transaction.execute(async (trx) => {
      const counted = {} as TableCounts;
      for (const { name } of TABLES) {
        counted[name] = 0;
        for await (const rows of pageRows(trx, name)) {
          await out.write(rows.map((row) => `${JSON.stringify({ table: name, row })}\n`).join(''));
          counted[name] += rows.length;
        }
      }
      return counted;
    });
    await out.write(`${JSON.stringify({ end: true, counts })}\n`);
    return { file: target, format: 'jsonl', counts };
  } finally {
    await out.close();
  }
}
