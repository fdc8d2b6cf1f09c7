// What the adapter knows of each order and fill: Bybit's updates (stream or REST, in any order, possibly twice) joined into one clean sequence of VenueEvents.
import { isFinalStatus, type Fill, type OrderRequest, type OrderState } from '../../../domain/order.js';
import { applyFill, FLAT, type PositionState } from '../../../domain/position.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import type { AccountEvent } from '../parse/events.js';

export interface TrackedOrder {
  readonly clientId: string;
  readonly request: OrderRequest;
  state: OrderState | undefined;
  /** Filled quantity from the fills applied (not from order rows, which may run ahead of the fills). */
  filledQty: number;
  /** Filled quantity the exchange's order rows report; above `filledQty` means fills are still to come (or were lost). */
  reportedQty: number;
  /** Accepted, rejected, cancelled or filled has been heard from the exchange. */
  heard: boolean;
  /** No further change can come (filled, cancelled, rejected). */
  final: boolean;
  /** When the request was sent (our clock), for confirming it by REST when the stream stays silent. */
  sentAt: number;
  /** Known from the store of a previous run, not sent by this one. */
  restored?: boolean;
}

/** What a previous run left behind, from its store: orders not yet final and positions, so a restart continues where it stopped. */
export interface RestoredState {
  readonly orders: readonly { readonly request: OrderRequest; readonly filledQty: number; readonly orderId: string | undefined }[];
  readonly positions: readonly { readonly symbol: string; readonly size: number; readonly entryPrice: number }[];
}

/** Finished orders and fill ids kept for recognising late or repeated news; older ones are forgotten so a bot running for weeks stays flat in memory. */
const KEEP_FINISHED = 2000;
const KEEP_EXEC_IDS = 20_000;

/** A fill whose order we never tracked (Bybit's own TP/SL, liquidation, or an order from before a crash). */
function orderOfFill(fill: Fill): OrderState {
  return { clientId: fill.clientId, symbol: fill.symbol, side: fill.side, type: 'market', qty: fill.qty, orderId: fill.orderId, status: 'Filled', filledQty: fill.qty, avgFillPrice: fill.price, createdTime: fill.time, updatedTime: fill.time };
}

export class OrderTracker {
  readonly orders = new Map<string, TrackedOrder>();
  private readonly clientIdByOrderId = new Map<string, string>();
  private readonly execIds = new Set<string>();
  private readonly finished: string[] = [];
  private fills = 0;
  private readonly positions = new Map<string, PositionState>();
  /** Time of the newest fill applied: where a catch-up after a disconnect starts. */
  lastFillTime = 0;

  constructor(private readonly emit: (event: VenueEvent) => void) {}

  track(request: OrderRequest, now: number): TrackedOrder {
    const tracked: TrackedOrder = { clientId: request.clientId, request, state: undefined, filledQty: 0, reportedQty: 0, heard: false, final: false, sentAt: now };
    this.orders.set(request.clientId, tracked);
    return tracked;
  }

  /** Takes over a previous run's open orders and positions (before reconciling with the venue). */
  restore(state: RestoredState, now: number): void {
    for (const { request, filledQty, orderId } of state.orders) {
      const tracked = this.track(request, now);
      tracked.filledQty = filledQty;
      tracked.reportedQty = filledQty;
      tracked.restored = true;
      if (orderId !== undefined) this.clientIdByOrderId.set(orderId, request.clientId);
    }
    for (const position of state.positions) this.positions.set(position.symbol, position.size === 0 ? FLAT : { size: position.size, entryPrice: position.entryPrice });
  }

  byClientId(clientId: string): TrackedOrder | undefined {
    return this.orders.get(clientId);
  }

  /** Orders whose rows report more filled than the fills applied: their executions are late or were lost. */
  missingFills(): TrackedOrder[] {
    return [...this.orders.values()].filter((o) => o.reportedQty > o.filledQty * (1 + 1e-9) + 1e-12);
  }

  /** Orders still open as far as we know. */
  open(symbol?: string): TrackedOrder[] {
    return [...this.orders.values()].filter((o) => !o.final && (symbol === undefined || o.request.symbol === symbol));
  }

  position(symbol: string): PositionState {
    return this.positions.get(symbol) ?? FLAT;
  }

  /** Sets the position as the exchange reports it (reconciliation); emits a correction when it differs from ours. */
  correctPosition(symbol: string, position: PositionState, time: number, stops: { stopLoss?: number; takeProfit?: number }): boolean {
    const ours = this.position(symbol);
    if (ours.size === position.size && (position.size === 0 || Math.abs(ours.entryPrice - position.entryPrice) <= 1e-9 * position.entryPrice)) return false;
    this.positions.set(symbol, position.size === 0 ? FLAT : position);
    this.emit({ type: 'positionChanged', time, symbol, position: this.position(symbol), realisedPnl: 0, ...stops });
    return true;
  }

  /** An order update or a fill from the exchange; duplicates and stale updates change nothing. */
  apply(event: VenueEvent | AccountEvent): void {
    switch (event.type) {
      case 'orderAccepted':
      case 'orderTriggered':
      case 'orderRejected':
      case 'orderCancelled':
        return this.orderStatus(event);
      case 'orderUpdated': {
        const tracked = this.know(event.order);
        tracked.state = { ...event.order, filledQty: tracked.filledQty };
        tracked.reportedQty = Math.max(tracked.reportedQty, event.order.filledQty);
        tracked.heard = true;
        return;
      }
      case 'fill':
        return this.fill(event.fill, event.execId);
      case 'fundingPaid':
        return this.emit(event);
      default:
        return;
    }
  }

  private orderStatus(event: Extract<VenueEvent, { order: OrderState }>): void {
    const tracked = this.know(event.order);
    tracked.reportedQty = Math.max(tracked.reportedQty, event.order.filledQty);
    const previous = tracked.state?.status;
    // A final order does not come back; the same status twice is the stream and REST telling the same news.
    if (tracked.final || previous === event.order.status) return;
    // An acceptance that arrives after fills (streams reorder) is old news.
    if (event.type === 'orderAccepted' && tracked.filledQty > 0) return;
    tracked.state = { ...event.order, filledQty: tracked.filledQty };
    tracked.heard = true;
    if (isFinalStatus(event.order.status)) this.finish(tracked);
    this.emit({ ...event, order: tracked.state } as VenueEvent);
  }

  /** Distinct fills applied so far. */
  get fillCount(): number {
    return this.fills;
  }

  private fill(wireFill: Fill, execId: string): void {
    if (this.execIds.has(execId)) return;
    const fill: Fill = { ...wireFill, execId };
    this.execIds.add(execId);
    this.fills += 1;
    // A Set iterates in insertion order: the first entry is the oldest.
    if (this.execIds.size > KEEP_EXEC_IDS) this.execIds.delete(this.execIds.values().next().value as string);
    this.lastFillTime = Math.max(this.lastFillTime, fill.time);
    const key = fill.clientId !== '' ? fill.clientId : this.clientIdByOrderId.get(fill.orderId);
    const tracked = key === undefined ? undefined : this.orders.get(key);
    let order: OrderState;
    if (tracked === undefined) {
      order = orderOfFill(fill);
    } else {
      tracked.filledQty += fill.qty;
      tracked.heard = true;
      const done = tracked.filledQty >= tracked.request.qty * (1 - 1e-9);
      if (done) this.finish(tracked);
      const base = tracked.state ?? { ...tracked.request, orderId: fill.orderId, status: 'New' as const, filledQty: 0, avgFillPrice: NaN, createdTime: fill.time, updatedTime: fill.time };
      const avg = Number.isNaN(base.avgFillPrice) || base.filledQty === 0 ? fill.price : (base.avgFillPrice * base.filledQty + fill.price * fill.qty) / (base.filledQty + fill.qty);
      order = { ...base, status: done ? 'Filled' : 'PartiallyFilled', filledQty: tracked.filledQty, avgFillPrice: avg, updatedTime: fill.time };
      tracked.state = order;
    }
    this.emit({ type: 'orderFilled', time: fill.time, order, fill });
    const effect = applyFill(this.position(fill.symbol), fill.side, fill.qty, fill.price);
    this.positions.set(fill.symbol, effect.position);
    this.emit({ type: 'positionChanged', time: fill.time, symbol: fill.symbol, position: effect.position, realisedPnl: effect.realisedPnl });
  }

  private finish(tracked: TrackedOrder): void {
    if (tracked.final) return;
    tracked.final = true;
    this.finished.push(tracked.clientId);
    if (this.finished.length <= KEEP_FINISHED) return;
    const forgotten = this.orders.get(this.finished.shift()!);
    if (forgotten === undefined || !forgotten.final) return;
    this.orders.delete(forgotten.clientId);
    if (forgotten.state !== undefined) this.clientIdByOrderId.delete(forgotten.state.orderId);
  }

  /** The tracked record of an order the exchange reports; one we never sent (Bybit's, or an orphan) is tracked from here on. */
  private know(order: OrderState): TrackedOrder {
    const key = order.clientId !== '' ? order.clientId : (this.clientIdByOrderId.get(order.orderId) ?? `bybit:${order.orderId}`);
    this.clientIdByOrderId.set(order.orderId, key);
    return this.orders.get(key) ?? this.track({ ...order, clientId: key }, order.createdTime);
  }
}
