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

interface Pending {
  readonly record: OrderRecord;
  rejection?: Rejection;
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
  private readonly pending = new Map<string, Pending>();
  private seq = 0;

  constructor(
    private readonly venue: SimulatedVenue,
    private readonly context: LedgerContext,
  ) {
    venue.onEvent((event) => this.onEvent(event));
  }

  /** The order by orderId, else by orderLinkId (Bybit's priority). */
  find(orderId: string | undefined, orderLinkId: string | undefined): OrderRecord | undefined {
    if (orderId !== undefined) return this.orders.get(orderId);
    return orderLinkId === undefined ? undefined : this.byLinkId.get(orderLinkId);
  }

  /** Sends `request` to the venue for `record` (a new order, or its next revision); the venue's refusal, or undefined when it took it. */
  place(record: OrderRecord, request: OrderRequest): Rejection | undefined {
    const pending: Pending = { record };
    this.pending.set(request.clientId, pending);
    try {
      this.venue.submit(request);
    } finally {
      this.pending.delete(request.clientId);
    }
    return pending.rejection;
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
    this.retired.add(record.venueOrderId);
    this.venue.cancel(record.request.symbol, record.venueClientId);
    const rejection = this.place(record, revision(next));
    if (rejection === undefined) {
      record.request = next;
      return undefined;
    }
    if (this.place(record, revision(record.request)) !== undefined) {
      record.status = 'Cancelled';
      record.updatedTime = this.context.now();
    }
    return rejection;
  }

  private onEvent(event: VenueEvent): void {
    switch (event.type) {
      case 'orderAccepted':
        return this.accepted(event.order, event.time);
      case 'orderRejected': {
        const pending = this.pending.get(event.order.clientId);
        if (pending) pending.rejection = { code: event.code, reason: event.reason };
        return;
      }
      case 'orderCancelled':
        return this.cancelled(event.order, event.reason, event.time);
      case 'orderTriggered':
        return this.triggered(event.order, event.time);
      case 'orderFilled':
        return this.filled(event.order, event.fill);
      case 'positionChanged':
        return this.positions.applyPosition(event.symbol, event.position, event.time);
      case 'fundingPaid':
        return this.funding(event.symbol, event.rate, event.amount, event.time);
      case 'liquidated':
        return;
    }
  }

  private accepted(order: OrderState, time: number): void {
    const pending = this.pending.get(order.clientId);
    if (!pending) return;
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
  }

  private cancelled(order: OrderState, reason: string, time: number): void {
    const record = this.byVenueId.get(order.orderId);
    if (!record || this.retired.has(order.orderId)) return;
    record.status = 'Cancelled';
    Object.assign(record, cancelOutcome(reason, record.cumExecQty));
    record.updatedTime = time;
  }

  private triggered(order: OrderState, time: number): void {
    const record = this.byVenueId.get(order.orderId) ?? this.system(order, undefined, time);
    record.status = 'New';
    record.triggered = true;
    record.updatedTime = time;
  }

  private filled(order: OrderState, fill: Fill): void {
    const record = this.byVenueId.get(order.orderId) ?? this.system(order, fill.cause, fill.time);
    record.cumExecQty += fill.qty;
    record.cumExecValue += fill.price * fill.qty;
    record.cumExecFee += fill.fee;
    record.status = order.status === 'Filled' ? 'Filled' : 'PartiallyFilled';
    record.updatedTime = fill.time;
    const seq = ++this.seq;
    const effect = this.positions.applyFill(fill, seq);
    const feeRate = fill.maker ? this.context.fees.maker : this.context.fees.taker;
    const mark = this.context.lastPrice(fill.symbol) ?? fill.price;
    this.executions.push(tradeExecution(this.context.execIds.next(), record, fill, effect, feeRate, mark, seq));
    if (effect.closedQty > 0) this.closedPnl.add(record, fill, effect, this.context.leverage(fill.symbol));
  }

  private funding(symbol: string, rate: number, amount: number, time: number): void {
    const size = this.positions.meta(symbol).position.size;
    const mark = rate !== 0 && size !== 0 ? amount / (size * rate) : (this.context.lastPrice(symbol) ?? 0);
    this.positions.applyFunding(symbol, amount, time);
    this.executions.push(fundingExecution(this.context.execIds.next(), symbol, size, rate, amount, mark, time, ++this.seq));
  }

  /** A record for an order the venue made itself, first seen when it triggers or fills. */
  private system(order: OrderState, cause: Fill['cause'], time: number): OrderRecord {
    const record = systemRecord(this.context.orderIds.next(), order, cause, time);
    this.byVenueId.set(order.orderId, record);
    this.orders.set(record.orderId, record);
    return record;
  }
}
