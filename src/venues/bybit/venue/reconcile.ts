// Start-up and every reconnect: the exchange's positions, open orders and fills against ours, every difference settled (missed fills applied, orphans cancelled or adopted, positions corrected).
import type { EndpointName, ResultOf } from '../wire/endpoints.js';
import type { Params } from '../client/rest.js';
import { executionEvent } from '../parse/execution.js';
import { orderEvent } from '../parse/order.js';
import { UnsupportedValueError } from '../parse/vocabulary.js';
import type { StreamEvent } from '../parse/events.js';
import type { OrphanPolicy, VenueNotice } from './options.js';
import type { OrderTracker } from './order-tracker.js';

export type Call = <N extends EndpointName>(name: N, params: Params) => Promise<ResultOf<N>>;

export interface ReconcileContext {
  readonly call: Call;
  readonly tracker: OrderTracker;
  readonly symbols: readonly string[];
  readonly orphans: OrphanPolicy;
  /** Fills from this time on are fetched and applied (those already applied are recognised by execId). */
  readonly fillsSince: number | undefined;
  observePosition(symbol: string, size: number, stopped: boolean): void;
  notice(notice: VenueNotice): void;
  now(): number;
}

export interface ReconcileReport {
  /** Fills found by REST that had not been applied. */
  readonly missedFills: number;
  /** Positions whose size or entry differed from ours and were corrected. */
  readonly correctedPositions: number;
  readonly cancelledOrphans: number;
  readonly adoptedOrphans: number;
  /** Orders we thought open whose final state was learnt by REST. */
  readonly settledOrders: number;
  /** Open positions on our symbols after reconciling. */
  readonly openPositions: number;
}

/** Pages through a cursor list endpoint. */
async function allPages<N extends 'executions' | 'openOrders' | 'orderHistory'>(call: Call, name: N, params: Params): Promise<ResultOf<N>['list'][number][]> {
  const rows: ResultOf<N>['list'][number][] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = (await call(name, { ...params, limit: name === 'executions' ? 100 : 50, ...(cursor ? { cursor } : {}) })) as ResultOf<N>;
    rows.push(...(result.list as ResultOf<N>['list'][number][]));
    cursor = result.nextPageCursor;
    if (cursor === undefined || cursor === '' || result.list.length === 0) break;
  }
  return rows;
}

/** Applies stream-like events made from REST rows; a row bybot cannot represent is skipped with a notice. */
function applyRows<R>(context: Pick<ReconcileContext, 'tracker'>, rows: readonly R[], toEvent: (row: R) => StreamEvent): number {
  let applied = 0;
  for (const row of rows) {
    let event: StreamEvent;
    try {
      event = toEvent(row);
    } catch (error) {
      if (error instanceof UnsupportedValueError) continue;
      throw error;
    }
    if (event.type === 'fill' || event.type === 'fundingPaid' || event.type === 'orderAccepted' || event.type === 'orderCancelled' || event.type === 'orderRejected' || event.type === 'orderTriggered' || event.type === 'orderUpdated') {
      context.tracker.apply(event);
      applied += 1;
    }
  }
  return applied;
}

/** Brings one order up to date by REST (open list, then history, then its fills); false when the exchange does not know it. */
export async function syncOrder(call: Call, tracker: OrderTracker, symbol: string, clientId: string): Promise<boolean> {
  let rows = (await call('openOrders', { category: 'linear', symbol, orderLinkId: clientId })).list;
  if (rows.length === 0) rows = (await call('orderHistory', { category: 'linear', symbol, orderLinkId: clientId })).list;
  const row = rows.find((r) => r.orderLinkId === clientId);
  if (row === undefined) return false;
  const tracked = tracker.byClientId(clientId);
  if (row.cumExecQty > (tracked?.filledQty ?? 0)) {
    const fills = [...(await call('executions', { category: 'linear', symbol, orderId: row.orderId, limit: 100 })).list].sort((a, b) => a.execTime - b.execTime || a.seq - b.seq);
    // Fills this run (or the stored state of an earlier one) already holds are the oldest: skip that much quantity.
    let known = tracked?.restored ? tracked.filledQty : 0;
    const fresh = fills.filter((r) => {
      if (known <= 1e-12) return true;
      known -= r.execQty;
      return false;
    });
    applyRows({ tracker }, fresh, (r) => executionEvent(r));
  }
  applyRows({ tracker }, [row], (r) => orderEvent(r));
  return true;
}

export async function reconcile(context: ReconcileContext): Promise<ReconcileReport> {
  const { call, tracker } = context;
  let missedFills = 0;
  let correctedPositions = 0;
  let cancelledOrphans = 0;
  let adoptedOrphans = 0;
  let settledOrders = 0;
  let openPositions = 0;
  for (const symbol of context.symbols) {
    // Fills first: the positions we compare afterwards already include them.
    if (context.fillsSince !== undefined) {
      const fills = await allPages(call, 'executions', { category: 'linear', symbol, startTime: context.fillsSince });
      const before = tracker.fillCount;
      applyRows(context, [...fills].sort((a, b) => a.execTime - b.execTime || a.seq - b.seq), (r) => executionEvent(r));
      missedFills += tracker.fillCount - before;
    }
    const open = await allPages(call, 'openOrders', { category: 'linear', symbol });
    const listed = new Set<string>();
    for (const row of open) {
      const known = row.orderLinkId !== '' && tracker.byClientId(row.orderLinkId) !== undefined;
      if (row.orderLinkId !== '') listed.add(row.orderLinkId);
      // Bybit's own TP/SL orders carry no orderLinkId: they belong to the position.
      const positionStop = row.orderLinkId === '' && (row.stopOrderType ?? '') !== '';
      if (known || positionStop) {
        applyRows(context, [row], (r) => orderEvent(r));
      } else if (context.orphans === 'adopt') {
        applyRows(context, [row], (r) => orderEvent(r));
        adoptedOrphans += 1;
        context.notice({ level: 'warn', code: 'orphanAdopted', symbol, message: `${symbol}: open order ${row.orderLinkId || row.orderId} was not sent by this run; adopted` });
      } else {
        await call('cancelOrder', { category: 'linear', symbol, orderId: row.orderId });
        cancelledOrphans += 1;
        context.notice({ level: 'warn', code: 'orphanCancelled', symbol, message: `${symbol}: open order ${row.orderLinkId || row.orderId} was not sent by this run; cancelled` });
      }
    }
    for (const order of tracker.open(symbol)) {
      if (listed.has(order.clientId) || order.clientId.startsWith('bybit:')) continue;
      if (await syncOrder(call, tracker, symbol, order.clientId)) settledOrders += 1;
      else if (order.restored) {
        // Written as sent by a run that died before the request left: the exchange never had it.
        const time = context.now();
        const reason = 'never reached the exchange (the previous run stopped before sending it)';
        tracker.apply({ type: 'orderRejected', time, code: -1, reason, order: { ...order.request, orderId: '', status: 'Rejected', filledQty: 0, avgFillPrice: NaN, createdTime: time, updatedTime: time, rejectReason: reason } });
        settledOrders += 1;
      }
    }
    const positions = await call('positions', { category: 'linear', symbol });
    const report = positions.list.find((p) => p.symbol === symbol);
    const size = report === undefined ? 0 : report.side === 'Sell' ? -report.size : report.side === 'Buy' ? report.size : 0;
    const stopLoss = report?.stopLoss !== undefined && report.stopLoss > 0 ? report.stopLoss : undefined;
    const takeProfit = report?.takeProfit !== undefined && report.takeProfit > 0 ? report.takeProfit : undefined;
    const entryPrice = size === 0 ? NaN : (report?.entryPrice ?? NaN);
    if (tracker.correctPosition(symbol, { size, entryPrice }, context.now(), { ...(stopLoss === undefined ? {} : { stopLoss }), ...(takeProfit === undefined ? {} : { takeProfit }) })) {
      correctedPositions += 1;
      context.notice({ level: 'warn', code: 'positionCorrected', symbol, message: `${symbol}: the exchange shows ${size === 0 ? 'no position' : `a position of ${size} at ${entryPrice}`}; ours differed and was corrected` });
    }
    if (size !== 0) openPositions += 1;
    context.observePosition(symbol, size, stopLoss !== undefined || (report?.trailingStop ?? 0) > 0);
  }
  const result = { missedFills, correctedPositions, cancelledOrphans, adoptedOrphans, settledOrders, openPositions };
  context.notice({ level: 'info', code: 'reconciled', message: `reconciled: ${JSON.stringify(result)}` });
  return result;
}
