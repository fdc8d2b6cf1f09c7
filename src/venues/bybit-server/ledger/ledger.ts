// The exchange's books, kept from the venue's events alone: orders by id, executions, positions' history and closed PnL.
import type { OrderRequest, OrderState, Fill } from '../../../domain/order.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import type { SimulatedVenue } from '../../../ports/simulated-venue.js';
import type { FeeSchedule } from '../../sim/costs.js';
import type { IdSource } from '../synthetic.js';
import { ClosedPnlBook } from './closed-pnl.js';
import { fundingExecution, tradeExecution, type Execution } from './execution.js';
import { cancelOutcome, systemRecord, type OrderRecord } from './order-record.js';
import { PositionBook } from './position-book.js';

export interface LedgerContext {
  /** Server time (the replay clock). */
  now(): number;
  readonly fees: FeeSchedule;
  readonly orderIds: IdSource;
  readonly execIds: IdSource;
  lastPrice(symbol: string): number | undefined;
  leverage(symbol: string): number;
}

export interface Rejection {
  readonly code: number;
  readonly reason: string;
}

/** What the ledger made of one venue event: the order it changed and the execution it booked, if any. */
export interface LedgerChange {
  readonly event: VenueEvent;
  readonly order?: OrderRecord;
  readonly execution?: Execution;
}

export class Ledger {
  /** Every order, by its (external) orderId, in creation order. */
  readonly orders = new Map<string, OrderRecord>();
  readonly executions: Execution[] = [];
  readonly positions = new PositionBook();
  readonly closedPnl = new ClosedPnlBook();
  private readonly byLinkId = new Map<string, OrderRecord>();
  private readonly byVenueId = new Map<string, OrderRecord>();
  /** Venue orders an amend replaced: their cancel is not the order's. */
  private readonly retired = new Set<string>();
  private readonly pending = new Map<string, { readonly record: OrderRecord; rejection?: Rejection }>();
  private seq = 0;
  private readonly observers = new Set<(change: LedgerChange) => void>();

  constructor(
    private readonly venue: SimulatedVenue,
    private readonly context: LedgerContext,
  ) {
    venue.onEvent((event) => {
      const change = this.apply(event);
      for (const observer of this.observers) observer(change);
    });
  }

  /** Calls `observer` after the ledger has taken in each venue event, every one; returns the call that stops it. */
  onChange(observer: (change: LedgerChange) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** The order by orderId, else by orderLinkId (Bybit's priority). */
  find(orderId: string | undefined, orderLinkId: string | undefined): OrderRecord | undefined {
    if (orderId !== undefined) return this.orders.get(orderId);
    return orderLinkId === undefined ? undefined : this.byLinkId.get(orderLinkId);
  }

  /** Sends `request` to the venue for `record` (a new order, or its next revision); the venue's refusal, or undefined when it took it. */
  place(record: OrderRecord, request: OrderRequest): Rejection | undefined {
    this.pending.set(request.clientId, { record });
    try {
      this.venue.submit(request);
      return this.pending.get(request.clientId)?.rejection;
    } finally {
      this.pending.delete(request.clientId);
    }
  }

  /**
   * Amends `record` to `next`: its venue order is cancelled (quietly: the order lives on) and the
   * unfilled rest placed anew under the next revision's client id. When the venue refuses that, the
   * old rest is placed back and the refusal returned.
   */
  replace(record: OrderRecord, next: OrderRequest, roundQty: (qty: number) => number): Rejection | undefined {
    const revision = (request: OrderRequest): OrderRequest => ({
      ...request,
      qty: roundQty(request.qty - record.cumExecQty),
      clientId: `${record.orderId}/${++record.revision}`,
      // A conditional order that has fired rests as a plain order now.
      trigger: record.triggered ? undefined : request.trigger,
    });
    const previous = record.request;
    this.retired.add(record.venueOrderId);
    this.venue.cancel(record.request.symbol, record.venueClientId);
    // The amended request is the order's before the venue takes it, so observers of the acceptance see it.
    record.request = next;
    const rejection = this.place(record, revision(next));
    if (rejection === undefined) return undefined;
    record.request = previous;
    if (this.place(record, revision(previous)) !== undefined) {
      record.status = 'Cancelled';
      record.updatedTime = this.context.now();
    }
    return rejection;
  }

  private apply(event: VenueEvent): LedgerChange {
    switch (event.type) {
      case 'orderAccepted':
        return { event, order: this.accepted(event.order, event.time) };
      case 'orderRejected': {
        const pending = this.pending.get(event.order.clientId);
        if (pending) pending.rejection = { code: event.code, reason: event.reason };
        return { event };
      }
      case 'orderCancelled':
        return { event, order: this.cancelled(event.order, event.reason, event.time) };
      case 'orderTriggered':
        return { event, order: this.triggered(event.order, event.time) };
      case 'orderFilled':
        return { event, ...this.filled(event.order, event.fill) };
      case 'positionChanged':
        this.positions.applyPosition(event.symbol, event.position, event.time);
        return { event };
      case 'fundingPaid':
        return { event, execution: this.funding(event.symbol, event.rate, event.amount, event.time) };
      case 'liquidated':
        return { event };
    }
  }

  private accepted(order: OrderState, time: number): OrderRecord | undefined {
    const pending = this.pending.get(order.clientId);
    if (!pending) return undefined;
    const record = pending.record;
    record.venueOrderId = order.orderId;
    record.venueClientId = order.clientId;
    record.status = record.cumExecQty > 0 ? 'PartiallyFilled' : order.status;
    record.updatedTime = time;
    this.byVenueId.set(order.orderId, record);
    if (!this.orders.has(record.orderId)) {
      this.orders.set(record.orderId, record);
      if (record.orderLinkId !== '') this.byLinkId.set(record.orderLinkId, record);
    }
    return record;
  }

  private cancelled(order: OrderState, reason: string, time: number): OrderRecord | undefined {
    const record = this.byVenueId.get(order.orderId);
    if (!record || this.retired.has(order.orderId)) return undefined;
    record.status = 'Cancelled';
    Object.assign(record, cancelOutcome(reason, record.cumExecQty));
    record.updatedTime = time;
    return record;
  }

  private triggered(order: OrderState, time: number): OrderRecord {
    const record = this.byVenueId.get(order.orderId) ?? this.system(order, undefined, time);
    record.status = 'New';
    record.triggered = true;
    record.updatedTime = time;
    return record;
  }

  private filled(order: OrderState, candleFill: Fill): { order: OrderRecord; execution: Execution } {
    const record = this.byVenueId.get(order.orderId) ?? this.system(order, candleFill.cause, candleFill.time);
    // The simulator stamps a candle's fills with its opening time; an order placed during the candle
    // fills after it was placed, as on Bybit (a client keeps the later of two states of an order).
    const fill = candleFill.time >= record.createdTime ? candleFill : { ...candleFill, time: record.createdTime };
    record.cumExecQty += fill.qty;
    record.cumExecValue += fill.price * fill.qty;
    record.cumExecFee += fill.fee;
    record.status = order.status === 'Filled' ? 'Filled' : 'PartiallyFilled';
    record.updatedTime = fill.time;
    const effect = this.positions.applyFill(fill, ++this.seq);
    const feeRate = fill.maker ? this.context.fees.maker : this.context.fees.taker;
    const mark = this.context.lastPrice(fill.symbol) ?? fill.price;
    const execution = tradeExecution(this.context.execIds.next(), record, fill, effect, feeRate, mark, this.seq);
    this.executions.push(execution);
    if (effect.closedQty > 0) this.closedPnl.add(record, fill, effect, this.context.leverage(fill.symbol));
    return { order: record, execution };
  }

  private funding(symbol: string, rate: number, amount: number, time: number): Execution {
    const size = this.positions.meta(symbol).position.size;
    const mark = rate !== 0 && size !== 0 ? amount / (size * rate) : (this.context.lastPrice(symbol) ?? 0);
    this.positions.applyFunding(symbol, amount, time);
    const execution = fundingExecution(this.context.execIds.next(), symbol, size, rate, amount, mark, time, ++this.seq);
    this.executions.push(execution);
    return execution;
  }

  /** A record for an order the venue made itself, first seen when it triggers or fills. */
  private system(order: OrderState, cause: Fill['cause'], time: number): OrderRecord {
    const record = systemRecord(this.context.orderIds.next(), order, cause, time);
    this.byVenueId.set(order.orderId, record);
    this.orders.set(record.orderId, record);
    return record;
  }
}
