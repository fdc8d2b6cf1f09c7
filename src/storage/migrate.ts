// Brings a database to this build's schema, and refuses, before writing anything, one that a newer bybot has migrated.
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { InputError } from '../core/errors.js';
import { MIGRATION_NAMES, migrationProvider, SCHEMA_VERSION, versionOf } from './migrations.js';
import type { Dialect } from './schema.js';

export interface MigrationReport {
  /** Schema version before (0: empty database). */
  readonly from: number;
  readonly to: number;
  /** Migrations this call ran, in order. */
  readonly applied: readonly string[];
}

/** Names in kysely's migration table, oldest first; empty when the table does not exist yet. */
export async function appliedMigrations(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const exists =
    dialect === 'sqlite'
      ? (await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)).rows[0]?.n === 1
      : (await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db)).rows[0]?.t != null;
  if (!exists) return [];
  const rows = await db.selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

/** The schema version a list of applied migrations stands for (the highest number; 0 when none). */
export function schemaVersionOf(applied: readonly string[]): number {
  return applied.reduce((max, name) => Math.max(max, versionOf(name) || 0), 0);
}

/**
 * Runs the migrations this build has and the database lacks. A database that has run a migration
 * this build does not know is refused (InputError naming it and both versions) with nothing written.
 */
export async function migrateDatabase(db: Kysely<any>, dialect: Dialect, label: string): Promise<MigrationReport> {
  const before = await appliedMigrations(db, dialect);
  const unknown = before.filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) {
    const theirs = schemaVersionOf(before);
    throw new InputError(
      `database ${label} has schema version ${theirs || '?'} (migration ${unknown.map((n) => JSON.stringify(n)).join(', ')}), ` +
        `newer than this build of bybot knows (schema version ${SCHEMA_VERSION}); refusing to open it: upgrade bybot, or point storage at another database`,
    );
  }
  // kysely looks for its tables in every schema unless told which: another schema's would be taken for ours.
  const schema = dialect === 'postgres' ? (await sql<{ s: string | null }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  if (dialect === 'postgres' && !schema) throw new InputError(`database ${label}: no current schema (the search_path names no existing schema)`);
  const migrator = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const detail = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`database ${label}: migration ${failed ?? '(before any migration)'} failed: ${detail}`, { cause: result.error });
  }
  return {
    from: schemaVersionOf(before),
    to: SCHEMA_VERSION,
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
