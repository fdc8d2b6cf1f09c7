// Opens PostgreSQL through a pg Pool: BIGINT read back as numbers, synchronous_commit on, optionally inside one schema.
import { CompiledQuery, Kysely, sql } from 'kysely';
import pg from 'pg';
import { InputError, TransientError } from '../core/errors.js';
import { CurrentSchemaPostgresDialect } from './postgres-introspector.js';
import type { Database } from './schema.js';

export interface OpenedPostgres {
  readonly db: Kysely<Database>;
  /** The URL without its password, and the schema when one is set. */
  readonly label: string;
}

const INT8_OID = 20;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Error codes that say "the server is not there (yet)": retrying may help. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P03']);

/** The URL for messages: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Times are BIGINT ms: read them as numbers (exact below 2^53), not pg's default strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Connects to `url`; with `schema`, creates it when absent and keeps every table in it (search_path).
 * @throws InputError for a bad URL or schema name, or a server that refuses (auth, no such database);
 *   TransientError when the server does not answer.
 */
export async function openPostgres(url: string, schema?: string): Promise<OpenedPostgres> {
  const label = `${redactUrl(url)}${schema ? ` (schema ${schema})` : ''}`;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new InputError(`storage.url = ${JSON.stringify(redactUrl(url))}: expected postgres://user@host:port/database`);
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new InputError(`storage.schema = ${JSON.stringify(schema)}: expected a plain identifier (letters, digits, _)`);
  const pool = new pg.Pool({ connectionString: url, types, max: 4, connectionTimeoutMillis: 10_000 });
  // Server defaults can be changed; the store's promise (a resolved write is on disk) needs these two.
  const settings = [...(schema ? [`set search_path to "${schema}"`] : []), 'set synchronous_commit to on'];
  const db = new Kysely<Database>({
    dialect: new CurrentSchemaPostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        for (const statement of settings) await connection.executeQuery(CompiledQuery.raw(statement));
      },
    }),
  });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    const code = (error as { code?: string }).code ?? '';
    const message = `database ${label}: ${(error as Error).message || code}`;
    throw UNREACHABLE.has(code) || /timeout/i.test((error as Error).message) ? new TransientError(message, { cause: error }) : new InputError(message, { cause: error });
  }
  return { db, label };
}
