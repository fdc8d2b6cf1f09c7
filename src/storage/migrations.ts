// The schema's migrations, in code (nothing is read from disk at run time); each runs unchanged on SQLite and PostgreSQL.
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from './schema.js';

/*
 * Rules for new migrations: append one named `NNNN_what` (the number is the schema version it
 * brings the database to); never edit or reorder a released one; create with ifNotExists, because
 * SQLite runs a migration outside a transaction (kysely's SqliteAdapter) and a crash half way must
 * be able to run it again.
 */

type Table = CreateTableBuilder<string, never>;

/** A counter primary key the database fills in: never reused, so it orders rows by insertion. */
function withId(table: Table, column: string, dialect: Dialect): Table {
  return dialect === 'sqlite'
    ? table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn(column, 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

const TIME = 'bigint';
const NUM = 'double precision';

function initial(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      const create = (name: string) => db.schema.createTable(name).ifNotExists();
      const index = (name: string) => db.schema.createIndex(name).ifNotExists();
      await create('orders')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text')
        .addColumn('symbol', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('qty', NUM, (c) => c.notNull())
        .addColumn('price', NUM)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('filled_qty', NUM, (c) => c.notNull())
        .addColumn('avg_fill_price', NUM)
        .addColumn('reject_reason', 'text')
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('created_time', TIME, (c) => c.notNull())
        .addColumn('updated_time', TIME, (c) => c.notNull())
        .execute();
      await index('orders_status').on('orders').columns(['status', 'created_time']).execute();
      await create('executions')
        .addColumn('exec_id', 'text', (c) => c.primaryKey())
        .addColumn('order_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('symbol', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('price', NUM, (c) => c.notNull())
        .addColumn('qty', NUM, (c) => c.notNull())
        .addColumn('fee', NUM, (c) => c.notNull())
        .addColumn('maker', 'integer', (c) => c.notNull())
        .addColumn('time', TIME, (c) => c.notNull())
        .addColumn('cause', 'text')
        .addColumn('slippage_cost', NUM)
        .execute();
      await index('executions_time').on('executions').column('time').execute();
      await index('executions_client_id').on('executions').column('client_id').execute();
      await create('positions')
        .addColumn('symbol', 'text', (c) => c.primaryKey())
        .addColumn('size', NUM, (c) => c.notNull())
        .addColumn('entry_price', NUM)
        .addColumn('stop_loss', NUM)
        .addColumn('take_profit', NUM)
        .addColumn('updated_time', TIME, (c) => c.notNull())
        .execute();
      await withId(create('trades'), 'id', dialect)
        .addColumn('symbol', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('entry_time', TIME, (c) => c.notNull())
        .addColumn('exit_time', TIME, (c) => c.notNull())
        .addColumn('entry_price', NUM, (c) => c.notNull())
        .addColumn('exit_price', NUM, (c) => c.notNull())
        .addColumn('qty', NUM, (c) => c.notNull())
        .addColumn('fees', NUM, (c) => c.notNull())
        .addColumn('funding', NUM, (c) => c.notNull())
        .addColumn('slippage', NUM, (c) => c.notNull())
        .addColumn('pnl', NUM, (c) => c.notNull())
        .addColumn('exit_reason', 'text', (c) => c.notNull())
        .addColumn('risk', NUM)
        .addUniqueConstraint('trades_round_trip', ['symbol', 'entry_time', 'exit_time'])
        .execute();
      await index('trades_exit_time').on('trades').column('exit_time').execute();
      await withId(create('signals'), 'id', dialect)
        .addColumn('time', TIME, (c) => c.notNull())
        .addColumn('symbol', 'text', (c) => c.notNull())
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('strength', NUM, (c) => c.notNull())
        .addColumn('level', NUM)
        .addColumn('factors', 'text', (c) => c.notNull())
        .addUniqueConstraint('signals_candle', ['strategy', 'symbol', 'time', 'side'])
        .execute();
      await create('equity_snapshots')
        .addColumn('time', TIME, (c) => c.primaryKey())
        .addColumn('equity', NUM, (c) => c.notNull())
        .addColumn('balance', NUM, (c) => c.notNull())
        .execute();
      await withId(create('risk_state_changes'), 'id', dialect)
        .addColumn('time', TIME, (c) => c.notNull())
        .addColumn('from_state', 'text', (c) => c.notNull())
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('rule', 'text')
        .addColumn('until', TIME)
        .execute();
      await withId(create('events'), 'seq', dialect)
        .addColumn('time', TIME, (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('correlation_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await index('events_time').on('events').column('time').execute();
      await index('events_correlation_id').on('events').columns(['correlation_id', 'seq']).execute();
    },
  };
}

const MIGRATIONS: Readonly<Record<string, (dialect: Dialect) => Migration>> = {
  '0001_initial': initial,
};

export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** The schema version of a migration name (its number), or NaN when it has none. */
export const versionOf = (name: string): number => (/^\d+_/.test(name) ? Number.parseInt(name, 10) : NaN);

/** The schema version this build brings a database to. */
export const SCHEMA_VERSION: number = versionOf(MIGRATION_NAMES[MIGRATION_NAMES.length - 1]!);

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)])) };
}
