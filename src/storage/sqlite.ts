// Opens the SQLite file (better-sqlite3) in WAL mode with synchronous=FULL, so a committed write survives a crash or power loss.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { InputError } from '../core/errors.js';
import type { Database } from './schema.js';

export type NativeSqlite = BetterSqlite3.Database;

export interface OpenedSqlite {
  readonly db: Kysely<Database>;
  readonly native: NativeSqlite;
  /** The absolute path, for messages. */
  readonly label: string;
}

/** How long a write waits for another process (a `bybot db` command) to let go of the file, ms. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating it and its folder when absent) the database file at `file`.
 * @throws InputError naming the path when it cannot be created or is not a SQLite database.
 */
export function openSqlite(file: string): OpenedSqlite {
  const path = resolve(file);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new InputError(`storage file ${path}: cannot create its folder ${dirname(path)}: ${(error as Error).message}`, { cause: error });
  }
  let native: NativeSqlite | undefined;
  try {
    native = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
    const mode = String(native.pragma('journal_mode = WAL', { simple: true }));
    if (mode !== 'wal') throw new Error(`journal_mode stays ${JSON.stringify(mode)}; the store needs WAL (is the file on a network file system?)`);
    // FULL: every commit syncs the WAL, so once a write resolves it survives power loss, not only a crash.
    native.pragma('synchronous = FULL');
    native.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    native?.close();
    throw new InputError(`storage file ${path} cannot be opened as a SQLite database: ${(error as Error).message}`, { cause: error });
  }
  return { db: sqliteKysely(native), native, label: path };
}

/** Opens an existing SQLite file to read only (a backup to restore from). */
export function openSqliteReadOnly(file: string): OpenedSqlite {
  const path = resolve(file);
  let native: NativeSqlite | undefined;
  try {
    native = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    native.prepare('select count(*) from sqlite_master').get();
  } catch (error) {
    native?.close();
    throw new InputError(`${path} cannot be read as a SQLite database: ${(error as Error).message}`, { cause: error });
  }
  return { db: sqliteKysely(native), native, label: path };
}

/** Kysely over an open connection; destroying it closes the connection. */
export function sqliteKysely(native: NativeSqlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
}
