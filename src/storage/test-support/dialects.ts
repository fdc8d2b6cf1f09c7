// The databases every store test runs on: SQLite in a temporary folder always; PostgreSQL when it answers, and always under CI.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';
import type { KyselyStore } from '../kysely-store.js';
import { openStore, type StoreConfig } from '../open-store.js';
import type { Dialect } from '../schema.js';

export interface StoreDialect {
  readonly name: Dialect;
  /** Why its tests are skipped; undefined when they run. */
  readonly skip: string | undefined;
  /** The config of a fresh, empty database (a new file, or a new PostgreSQL schema). */
  freshConfig(): Promise<StoreConfig>;
}

/** Where PostgreSQL is looked for: $BYBOT_TEST_PG_URL alone when set, else user postgres, then the current user (trust auth). */
const PG_URLS = process.env['BYBOT_TEST_PG_URL'] ? [process.env['BYBOT_TEST_PG_URL']] : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://127.0.0.1:5432/test'];
/** Unique per test run, so parallel runs on one server never share a schema. */
const RUN = `bybot_test_${randomBytes(5).toString('hex')}`;
const underCi = process.env['CI'] === 'true';

async function probePostgres(): Promise<{ url: string } | { error: string }> {
  const errors: string[] = [];
  for (const url of PG_URLS) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return { url };
    } catch (error) {
      errors.push(`${url}: ${(error as Error).message || (error as { code?: string }).code}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { error: errors.join('; ') };
}

const probe = await probePostgres();
const pgUrl = 'url' in probe ? probe.url : undefined;
const pgSkip = 'error' in probe && !underCi ? `PostgreSQL did not answer (${probe.error})` : undefined;
if (pgSkip) console.warn(`skipping the PostgreSQL store tests: ${pgSkip}; set BYBOT_TEST_PG_URL to point them at a server`);

const dir = mkdtempSync(join(tmpdir(), 'bybot-store-'));
const schemas: string[] = [];
let databases = 0;

export const sqliteDir = dir;

export const STORE_DIALECTS: readonly StoreDialect[] = [
  { name: 'sqlite', skip: undefined, freshConfig: async () => ({ kind: 'sqlite', file: join(dir, `db-${++databases}.sqlite`) }) },
  {
    name: 'postgres',
    skip: pgSkip,
    freshConfig: async () => {
      if (pgUrl === undefined) throw new Error(`CI=true, so the PostgreSQL store tests must run, but ${'error' in probe ? probe.error : 'no server answered'}`);
      const schema = `${RUN}_${++databases}`;
      schemas.push(schema);
      return { kind: 'postgres', url: pgUrl, schema };
    },
  },
];

/** Drops every schema this run made (PostgreSQL) and the temporary folder (SQLite). */
afterAll(async () => {
  if (pgUrl !== undefined && schemas.length > 0) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Opens stores for one test and closes them after it. */
export function storeOpener(dialect: StoreDialect): { open(config?: StoreConfig): Promise<KyselyStore>; fresh(): Promise<StoreConfig> } {
  const opened: KyselyStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  return {
    fresh: () => dialect.freshConfig(),
    async open(config) {
      const store = await openStore(config ?? (await dialect.freshConfig()));
      opened.push(store);
      return store;
    },
  };
}
