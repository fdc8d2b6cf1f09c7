// Opens the configured database (SQLite file or PostgreSQL URL) and migrates it before anything is written.
import { migrateDatabase } from './migrate.js';
import { openPostgres } from './postgres.js';
import { KyselyStore } from './kysely-store.js';
import { openSqlite } from './sqlite.js';

export type StoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  /** `schema`: keep the tables in this PostgreSQL schema (created when absent) instead of the search_path's first. */
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

/**
 * Opens and migrates the database.
 * @throws InputError when the SQLite file cannot be opened (naming the path), the PostgreSQL server
 *   refuses, or the schema is newer than this build knows (naming the database and both versions).
 * @throws TransientError when the PostgreSQL server does not answer.
 */
export async function openStore(config: StoreConfig): Promise<KyselyStore> {
  if (config.kind === 'sqlite') {
    const { db, native, label } = openSqlite(config.file);
    try {
      const migration = await migrateDatabase(db, 'sqlite', label);
      return new KyselyStore(db, 'sqlite', { label, sqlite: native, migration });
    } catch (error) {
      await db.destroy();
      if (native.open) native.close();
      throw error;
    }
  }
  const { db, label } = await openPostgres(config.url, config.schema);
  try {
    const migration = await migrateDatabase(db, 'postgres', label);
    return new KyselyStore(db, 'postgres', { label, migration });
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
