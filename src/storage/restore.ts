// Restores a backup (either kind) into a store, all or nothing, refusing to overwrite a database that holds data unless forced.
import { sql, type Kysely } from 'kysely';
import { InputError } from '../core/errors.js';
import { openBackupSource } from './backup-source.js';
import type { KyselyStore } from './kysely-store.js';
import { SCHEMA_VERSION } from './migrations.js';
import { countRows } from './queries.js';
import { TABLES, type Database, type TableCounts } from './schema.js';

export interface RestoreOptions {
  /** Replace whatever the target holds (deleted in the same transaction as the restore). */
  readonly force?: boolean;
}

export interface RestoreReport {
  readonly file: string;
  readonly target: string;
  /** Rows restored, per table. */
  readonly counts: TableCounts;
  /** What the target held before, when it held anything (only with force). */
  readonly replaced: TableCounts | undefined;
}

/** Bound parameters per insert, under SQLite's limit (32766) and PostgreSQL's (65535). */
const MAX_PARAMETERS = 30_000;

export const totalRows = (counts: TableCounts): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** "orders 3, events 12" (tables without rows left out). */
export function describeCounts(counts: TableCounts): string {
  const parts = TABLES.filter((t) => (counts[t.name] ?? 0) > 0).map((t) => `${t.name} ${counts[t.name]}`);
  return parts.length === 0 ? 'no rows' : parts.join(', ');
}

/**
 * Copies every row of the backup `file` into `target` in one transaction and checks the counts
 * against what the backup says it holds; on any error nothing changes.
 * @throws InputError when the target is not empty (without force), the backup is unreadable, cut
 *   short, or from a newer schema.
 */
export async function restoreStore(file: string, target: KyselyStore, options: RestoreOptions = {}): Promise<RestoreReport> {
  const source = await openBackupSource(file);
  try {
    if (source.schemaVersion > SCHEMA_VERSION) {
      throw new InputError(`backup file ${source.file} has schema version ${source.schemaVersion}, newer than this build of bybot knows (schema version ${SCHEMA_VERSION}); restore it with a newer bybot`);
    }
    return await target.db.transaction().execute(async (trx) => {
      const before = await countRows(trx);
      const held = totalRows(before) > 0;
      if (held && options.force !== true) {
        throw new InputError(`database ${target.label} is not empty (${describeCounts(before)}); restore only into an empty database, or pass --force to replace everything in it`);
      }
      if (held) for (const { name } of TABLES) await trx.deleteFrom(name).execute();
      const counts = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as TableCounts;
      for await (const { table, rows } of source.pages()) {
        const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(rows[0] ?? {}).length)));
        for (let i = 0; i < rows.length; i += perInsert) await (trx as Kysely<any>).insertInto(table).values(rows.slice(i, i + perInsert)).execute();
        counts[table] += rows.length;
      }
      const expected = source.expectedCounts();
      for (const { name } of TABLES) {
        if ((expected[name] ?? 0) !== counts[name]) throw new InputError(`backup file ${source.file}: ${counts[name]} ${name} rows read, but the backup says it holds ${expected[name] ?? 0}`);
      }
      if (target.dialect === 'postgres') await followIdentities(trx);
      return { file: source.file, target: target.label, counts, replaced: held ? before : undefined };
    });
  } finally {
    await source.close();
  }
}

/** PostgreSQL identity sequences do not see rows inserted with explicit ids: move each past the highest id. */
async function followIdentities(db: Kysely<Database>): Promise<void> {
  for (const { name, key, generated } of TABLES) {
    if (!generated) continue;
    await sql`select setval(pg_get_serial_sequence(${name}, ${key}), coalesce((select max(${sql.ref(key)}) from ${sql.table(name)}), 0) + 1, false)`.execute(db);
  }
}
