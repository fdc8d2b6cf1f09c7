// The one Store implementation: the same repository code over kysely for SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import type { OrderRequest, OrderState } from '../domain/order.js';
import type { Signal } from '../domain/signal.js';
import type {
  EquitySnapshot,
  EventQuery,
  NewEvent,
  PositionRecord,
  PruneRequest,
  PruneResult,
  RecoveryState,
  RiskStateChange,
  Store,
  StoredEvent,
  StoredFill,
  StoreWrite,
  TradeRecord,
  WriteResult,
} from '../ports/store.js';
import type { MigrationReport } from './migrate.js';
import { countRows, eventsSince, loadRecovery, prune } from './queries.js';
import type { Database, Dialect, TableCounts } from './schema.js';
import type { NativeSqlite } from './sqlite.js';
import { applyOne, applyWrites } from './writes.js';

export interface KyselyStoreOptions {
  /** Names the database in messages (a path, or a URL without its password). */
  readonly label?: string;
  /** SQLite: the connection under kysely, for the online backup API. */
  readonly sqlite?: NativeSqlite;
  /** What opening the store migrated. */
  readonly migration?: MigrationReport;
}

/**
 * Durability: every method resolves after its transaction committed. SQLite (WAL, synchronous=FULL):
 * the commit has been fsynced to the WAL, so it survives a process crash and power loss.
 * PostgreSQL (synchronous_commit=on, set per connection): the commit record has been flushed to the
 * server's WAL; it survives a crash of bybot or the server (and reaches a synchronous standby when
 * the server has one configured).
 */
export class KyselyStore implements Store {
  readonly label: string;
  readonly sqlite: NativeSqlite | undefined;
  readonly migration: MigrationReport | undefined;
  private closed = false;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    options: KyselyStoreOptions = {},
  ) {
    this.label = options.label ?? dialect;
    this.sqlite = options.sqlite;
    this.migration = options.migration;
  }

  /** One write is one autocommitted statement; several share a transaction. */
  async write(writes: readonly StoreWrite[]): Promise<WriteResult> {
    if (writes.length <= 1 || (writes.length <= 500 && writes.every((w) => w.kind === 'event'))) return applyWrites(this.db, writes);
    return this.db.transaction().execute((trx) => applyWrites(trx, writes));
  }

  async appendEvent(event: NewEvent): Promise<number> {
    return (await applyWrites(this.db, [{ kind: 'event', event }])).eventSeqs[0]!;
  }

  async recordOrderSent(request: OrderRequest, time: number): Promise<void> {
    await applyOne(this.db, { kind: 'orderSent', request, time });
  }

  async recordOrder(order: OrderState): Promise<void> {
    await applyOne(this.db, { kind: 'order', order });
  }

  recordFill(fill: StoredFill): Promise<boolean> {
    return applyOne(this.db, { kind: 'fill', fill });
  }

  async recordPosition(position: PositionRecord): Promise<void> {
    await applyOne(this.db, { kind: 'position', position });
  }

  recordTrade(trade: TradeRecord): Promise<boolean> {
    return applyOne(this.db, { kind: 'trade', trade });
  }

  async recordSignal(signal: Signal): Promise<void> {
    await applyOne(this.db, { kind: 'signal', signal });
  }

  async recordEquity(snapshot: EquitySnapshot): Promise<void> {
    await applyOne(this.db, { kind: 'equity', snapshot });
  }

  async recordRiskStateChange(change: RiskStateChange): Promise<void> {
    await applyOne(this.db, { kind: 'riskStateChange', change });
  }

  loadRecovery(options: { readonly recentTrades?: number } = {}): Promise<RecoveryState> {
    return loadRecovery(this.db, options.recentTrades);
  }

  eventsSince(time: number, query?: EventQuery): Promise<StoredEvent[]> {
    return eventsSince(this.db, time, query);
  }

  prune(request: PruneRequest): Promise<PruneResult> {
    return prune(this.db, request);
  }

  /** Rows in every table (for backups, restores and `bybot db`). */
  counts(): Promise<TableCounts> {
    return countRows(this.db);
  }

  /** Closes the connection (pool); later calls fail. Closing twice is harmless. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }
}
