// The store's reads (recovery, the event log, row counts) and its retention deletes, over kysely.
import type { Kysely } from 'kysely';
import type { EventQuery, PruneRequest, PruneResult, RecoveryState, StoredEvent } from '../ports/store.js';
import { positionRecord, riskChange, storedEvent, storedOrder, tradeRecord } from './rows.js';
import { TABLES, type Database, type TableCounts } from './schema.js';

/** Statuses after which the venue can still fill or trigger the order. */
export const OPEN_STATUSES = ['Sent', 'New', 'PartiallyFilled', 'Untriggered', 'Triggered'] as const;

const DEFAULT_RECENT_TRADES = 50;
const DEFAULT_PRUNE_BATCH = 1000;

export async function loadRecovery(db: Kysely<Database>, recentTrades = DEFAULT_RECENT_TRADES): Promise<RecoveryState> {
  const orders = await db.selectFrom('orders').selectAll().where('status', 'in', OPEN_STATUSES).orderBy('created_time').orderBy('client_id').execute();
  const positions = await db.selectFrom('positions').selectAll().where('size', '!=', 0).orderBy('symbol').execute();
  const lastFill = await db.selectFrom('executions').select((eb) => eb.fn.max('time').as('time')).executeTakeFirst();
  const trades = await db.selectFrom('trades').selectAll().orderBy('exit_time', 'desc').orderBy('id', 'desc').limit(recentTrades).execute();
  const equity = await db.selectFrom('equity_snapshots').selectAll().orderBy('time', 'desc').limit(1).executeTakeFirst();
  const risk = await db.selectFrom('risk_state_changes').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  const lastEvent = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return {
    openOrders: orders.map(storedOrder),
    positions: positions.map(positionRecord),
    lastFillTime: numberOrUndefined(lastFill?.time),
    recentTrades: trades.reverse().map(tradeRecord),
    lastEquity: equity && { time: equity.time, equity: equity.equity, balance: equity.balance },
    tradingState: risk && riskChange(risk),
    lastEventSeq: numberOrUndefined(lastEvent?.seq),
  };
}

export async function eventsSince(db: Kysely<Database>, time: number, query: EventQuery = {}): Promise<StoredEvent[]> {
  let select = db.selectFrom('events').selectAll().where('time', '>=', time);
  if (query.afterSeq !== undefined) select = select.where('seq', '>', query.afterSeq);
  if (query.correlationId !== undefined) select = select.where('correlation_id', '=', query.correlationId);
  if (query.limit !== undefined) select = select.limit(query.limit);
  return (await select.orderBy('seq').execute()).map(storedEvent);
}

/** Rows in every table. */
export async function countRows(db: Kysely<Database>): Promise<TableCounts> {
  const counts = {} as TableCounts;
  for (const { name } of TABLES) {
    const row = await (db as Kysely<any>).selectFrom(name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/** Deletes old equity snapshots and events, `batchSize` rows per statement (each its own commit). */
export async function prune(db: Kysely<Database>, request: PruneRequest): Promise<PruneResult> {
  const batch = request.batchSize ?? DEFAULT_PRUNE_BATCH;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`prune batchSize = ${batch}: expected a positive integer`);
  let equitySnapshots = 0;
  let events = 0;
  const cutEquity = request.equitySnapshotsOlderThan;
  if (cutEquity !== undefined) {
    for (let n = batch; n === batch; equitySnapshots += n) {
      const oldest = db.selectFrom('equity_snapshots').select('time').where('time', '<', cutEquity).orderBy('time').limit(batch);
      n = Number((await db.deleteFrom('equity_snapshots').where('time', 'in', oldest).executeTakeFirst()).numDeletedRows);
    }
  }
  const cutEvents = request.eventsOlderThan;
  if (cutEvents !== undefined) {
    for (let n = batch; n === batch; events += n) {
      const oldest = db.selectFrom('events').select('seq').where('time', '<', cutEvents).orderBy('seq').limit(batch);
      n = Number((await db.deleteFrom('events').where('seq', 'in', oldest).executeTakeFirst()).numDeletedRows);
    }
  }
  return { equitySnapshots, events };
}

function numberOrUndefined(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}
