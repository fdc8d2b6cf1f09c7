// Domain records ↔ table rows: NaN ↔ NULL, booleans ↔ 0/1, nested objects ↔ JSON text.
import type { Insertable, Selectable } from 'kysely';
import type { OrderRequest, OrderState } from '../domain/order.js';
import type { Signal } from '../domain/signal.js';
import type { EquitySnapshot, NewEvent, PositionRecord, RiskStateChange, StoredEvent, StoredFill, StoredOrder, StoredOrderStatus, TradeRecord } from '../ports/store.js';
import type { Database, EventsTable, ExecutionsTable, OrdersTable, PositionsTable, RiskStateChangesTable, SignalsTable, TradesTable } from './schema.js';

const finite = (value: number | undefined): number | null => (value !== undefined && Number.isFinite(value) ? value : null);
const nanIfNull = (value: number | null): number => (value === null ? NaN : value);
const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } => (value === null ? {} : ({ [key]: value } as { [P in K]: V }));

export function sentOrderRow(request: OrderRequest, time: number): Insertable<OrdersTable> {
  return {
    client_id: request.clientId,
    order_id: null,
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    qty: request.qty,
    price: finite(request.price),
    status: 'Sent',
    filled_qty: 0,
    avg_fill_price: null,
    reject_reason: null,
    request: JSON.stringify(request),
    created_time: time,
    updated_time: time,
  };
}

export function orderRow(order: OrderState): Insertable<OrdersTable> {
  const { orderId, status, filledQty, avgFillPrice, createdTime, updatedTime, rejectReason, ...request } = order;
  return {
    ...sentOrderRow(request, createdTime),
    order_id: orderId,
    status,
    filled_qty: filledQty,
    avg_fill_price: finite(avgFillPrice),
    reject_reason: rejectReason ?? null,
    updated_time: updatedTime,
  };
}

export function storedOrder(row: Selectable<OrdersTable>): StoredOrder {
  return {
    request: JSON.parse(row.request) as OrderRequest,
    status: row.status as StoredOrderStatus,
    orderId: row.order_id ?? undefined,
    filledQty: row.filled_qty,
    avgFillPrice: nanIfNull(row.avg_fill_price),
    createdTime: row.created_time,
    updatedTime: row.updated_time,
    ...optional('rejectReason', row.reject_reason),
  };
}

export function executionRow(fill: StoredFill): Insertable<ExecutionsTable> {
  return {
    exec_id: fill.execId,
    order_id: fill.orderId,
    client_id: fill.clientId,
    symbol: fill.symbol,
    side: fill.side,
    price: fill.price,
    qty: fill.qty,
    fee: fill.fee,
    maker: fill.maker ? 1 : 0,
    time: fill.time,
    cause: fill.cause ?? null,
    slippage_cost: finite(fill.slippageCost),
  };
}

export function positionRow(p: PositionRecord): Insertable<PositionsTable> {
  return { symbol: p.symbol, size: p.size, entry_price: finite(p.entryPrice), stop_loss: finite(p.stopLoss), take_profit: finite(p.takeProfit), updated_time: p.updatedTime };
}

export function positionRecord(row: Selectable<PositionsTable>): PositionRecord {
  return {
    symbol: row.symbol,
    size: row.size,
    entryPrice: nanIfNull(row.entry_price),
    ...optional('stopLoss', row.stop_loss),
    ...optional('takeProfit', row.take_profit),
    updatedTime: row.updated_time,
  };
}

export function tradeRow(t: TradeRecord): Insertable<TradesTable> {
  return {
    symbol: t.symbol,
    side: t.side,
    entry_time: t.entryTime,
    exit_time: t.exitTime,
    entry_price: t.entryPrice,
    exit_price: t.exitPrice,
    qty: t.quantity,
    fees: t.fees,
    funding: t.funding,
    slippage: t.slippage,
    pnl: t.pnl,
    exit_reason: t.exitReason,
    risk: finite(t.risk),
  };
}

export function tradeRecord(row: Selectable<TradesTable>): TradeRecord {
  return {
    symbol: row.symbol,
    side: row.side as TradeRecord['side'],
    entryTime: row.entry_time,
    exitTime: row.exit_time,
    entryPrice: row.entry_price,
    exitPrice: row.exit_price,
    quantity: row.qty,
    fees: row.fees,
    funding: row.funding,
    slippage: row.slippage,
    pnl: row.pnl,
    exitReason: row.exit_reason,
    ...optional('risk', row.risk),
  };
}

export function signalRow(s: Signal): Insertable<SignalsTable> {
  return { time: s.time, symbol: s.symbol, strategy: s.strategy, side: s.side, strength: s.strength, level: finite(s.level), factors: JSON.stringify(s.factors) };
}

export const equityRow = (e: EquitySnapshot): Insertable<Database['equity_snapshots']> => ({ time: e.time, equity: e.equity, balance: e.balance });

export function riskChangeRow(c: RiskStateChange): Insertable<RiskStateChangesTable> {
  return { time: c.time, from_state: c.from, to_state: c.to, reason: c.reason, rule: c.rule ?? null, until: finite(c.until) };
}

export function riskChange(row: Selectable<RiskStateChangesTable>): RiskStateChange {
  return { time: row.time, from: row.from_state, to: row.to_state, reason: row.reason, ...optional('rule', row.rule), ...optional('until', row.until) };
}

export function eventRow(e: NewEvent): Insertable<EventsTable> {
  return { time: e.time, type: e.type, correlation_id: e.correlationId ?? null, payload: JSON.stringify(e.payload ?? null) };
}

export function storedEvent(row: Selectable<EventsTable>): StoredEvent {
  return { seq: row.seq, time: row.time, type: row.type, correlationId: row.correlation_id ?? undefined, payload: JSON.parse(row.payload) as unknown };
}
