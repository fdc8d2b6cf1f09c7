// The store's writes as kysely statements, the same on both dialects: idempotent upserts keyed by what the venue makes unique.
import { sql, type Kysely } from 'kysely';
import { FINAL_ORDER_STATUSES } from '../domain/order.js';
import type { StoreWrite, WriteResult } from '../ports/store.js';
import { equityRow, eventRow, executionRow, orderRow, positionRow, riskChangeRow, sentOrderRow, signalRow, tradeRow } from './rows.js';
import type { Database } from './schema.js';

/** Events per multi-row insert (5 parameters a row stays far below both dialects' limits). */
const EVENT_CHUNK = 500;

type NewEventWrite = Extract<StoreWrite, { kind: 'event' }>;

/** Runs `writes` in order on `db` (a transaction when there are several); consecutive events share one insert. */
export async function applyWrites(db: Kysely<Database>, writes: readonly StoreWrite[]): Promise<WriteResult> {
  const eventSeqs: number[] = [];
  let newFills = 0;
  for (let i = 0; i < writes.length; ) {
    const write = writes[i]!;
    if (write.kind === 'event') {
      let end = i + 1;
      while (end < writes.length && end - i < EVENT_CHUNK && writes[end]!.kind === 'event') end++;
      eventSeqs.push(...(await insertEvents(db, writes.slice(i, end) as NewEventWrite[])));
      i = end;
      continue;
    }
    if ((await applyOne(db, write)) && write.kind === 'fill') newFills++;
    i++;
  }
  return { eventSeqs, newFills };
}

/**
 * One statement; the seqs come back sorted, because both engines number the rows of one VALUES
 * list in order (SQLite's rowid, PostgreSQL's identity sequence) while RETURNING's order is unspecified.
 */
async function insertEvents(db: Kysely<Database>, writes: readonly NewEventWrite[]): Promise<number[]> {
  const rows = await db
    .insertInto('events')
    .values(writes.map((w) => eventRow(w.event)))
    .returning('seq')
    .execute();
  return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/** Applies one non-event write; true when a fill or trade was new (false for the other kinds). */
export async function applyOne(db: Kysely<Database>, write: Exclude<StoreWrite, NewEventWrite>): Promise<boolean> {
  switch (write.kind) {
    case 'orderSent':
      await db.insertInto('orders').values(sentOrderRow(write.request, write.time)).onConflict((oc) => oc.column('client_id').doNothing()).execute();
      return false;
    case 'order':
      await db
        .insertInto('orders')
        .values(orderRow(write.order))
        .onConflict((oc) =>
          oc
            .column('client_id')
            .doUpdateSet((eb) => ({
              order_id: sql<string | null>`coalesce(excluded.order_id, orders.order_id)`,
              qty: eb.ref('excluded.qty'),
              price: eb.ref('excluded.price'),
              status: eb.ref('excluded.status'),
              filled_qty: eb.ref('excluded.filled_qty'),
              avg_fill_price: eb.ref('excluded.avg_fill_price'),
              reject_reason: eb.ref('excluded.reject_reason'),
              request: eb.ref('excluded.request'),
              created_time: eb.ref('excluded.created_time'),
              updated_time: eb.ref('excluded.updated_time'),
            }))
            // A 'Sent' row takes any venue state. A final state (filled, cancelled...) replaces a working one
            // whatever their times say (a venue may stamp a fill before the acceptance it follows) and is never
            // replaced by one. Between two working or two final states, a late older one is ignored.
            .where((eb) => {
              const storedFinal = eb('orders.status', 'in', FINAL_ORDER_STATUSES);
              const newFinal = eb('excluded.status', 'in', FINAL_ORDER_STATUSES);
              const newer = eb('orders.updated_time', '<=', eb.ref('excluded.updated_time'));
              return eb.or([
                eb('orders.status', '=', 'Sent'),
                eb.and([eb.not(storedFinal), newFinal]),
                eb.and([storedFinal, newFinal, newer]),
                eb.and([eb.not(storedFinal), eb.not(newFinal), newer]),
              ]);
            }),
        )
        .execute();
      return false;
    case 'fill': {
      const result = await db.insertInto('executions').values(executionRow(write.fill)).onConflict((oc) => oc.column('exec_id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    case 'position':
      await db
        .insertInto('positions')
        .values(positionRow(write.position))
        .onConflict((oc) =>
          oc
            .column('symbol')
            .doUpdateSet((eb) => ({
              size: eb.ref('excluded.size'),
              entry_price: eb.ref('excluded.entry_price'),
              stop_loss: eb.ref('excluded.stop_loss'),
              take_profit: eb.ref('excluded.take_profit'),
              updated_time: eb.ref('excluded.updated_time'),
            }))
            .where((eb) => eb('positions.updated_time', '<=', eb.ref('excluded.updated_time'))),
        )
        .execute();
      return false;
    case 'trade': {
      const result = await db.insertInto('trades').values(tradeRow(write.trade)).onConflict((oc) => oc.columns(['symbol', 'entry_time', 'exit_time']).doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    case 'signal':
      await db.insertInto('signals').values(signalRow(write.signal)).onConflict((oc) => oc.columns(['strategy', 'symbol', 'time', 'side']).doNothing()).execute();
      return false;
    case 'equity':
      await db
        .insertInto('equity_snapshots')
        .values(equityRow(write.snapshot))
        .onConflict((oc) => oc.column('time').doUpdateSet((eb) => ({ equity: eb.ref('excluded.equity'), balance: eb.ref('excluded.balance') })))
        .execute();
      return false;
    case 'riskStateChange':
      await db.insertInto('risk_state_changes').values(riskChangeRow(write.change)).execute();
      return false;
  }
}
