// Writes that matter are durable before the bot acts on the next event: one serial queue through which every venue command, venue event and candle passes, each after the store has committed what came before.
import type { Clock } from '../../core/clock.js';
import type { OrderRequest } from '../../domain/order.js';
import type { VenueEvent } from '../../domain/venue-events.js';
import type { ExecutionVenue } from '../../ports/execution-venue.js';
import type { Store, StoreWrite } from '../../ports/store.js';

export class Journal {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: Error) => void) {}

  /** Runs `task` once every earlier task (and the writes it awaited) has finished. */
  run(task: () => void | Promise<void>): Promise<void> {
    this.tail = this.tail.then(task).catch((error: unknown) => this.onError(error as Error));
    return this.tail;
  }

  /** Resolves when the queue is empty: everything queued so far is done, and whatever those tasks queued in turn. */
  async idle(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }
}

/** The client id an event belongs to: the correlation id that ties an intent's orders and fills together. */
const clientIdOf = (event: VenueEvent): string | undefined => ('order' in event ? event.order.clientId : undefined);

/** What one venue event writes: always the audit-log entry, plus the order, fill or position it changed. */
export function writesFor(event: VenueEvent, execIdOf: (event: Extract<VenueEvent, { type: 'orderFilled' }>) => string): StoreWrite[] {
  const correlationId = clientIdOf(event);
  const writes: StoreWrite[] = [{ kind: 'event', event: { time: event.time, type: event.type, ...(correlationId === undefined ? {} : { correlationId }), payload: event } }];
  switch (event.type) {
    case 'orderAccepted':
    case 'orderRejected':
    case 'orderCancelled':
    case 'orderTriggered':
      writes.push({ kind: 'order', order: event.order });
      break;
    case 'orderFilled':
      writes.push({ kind: 'order', order: event.order }, { kind: 'fill', fill: { ...event.fill, execId: execIdOf(event) } });
      break;
    case 'positionChanged':
      writes.push({
        kind: 'position',
        position: { symbol: event.symbol, size: event.position.size, entryPrice: event.position.entryPrice, updatedTime: event.time, ...(event.stopLoss === undefined ? {} : { stopLoss: event.stopLoss }), ...(event.takeProfit === undefined ? {} : { takeProfit: event.takeProfit }) },
      });
      break;
    default:
      break;
  }
  return writes;
}

/**
 * The venue as the engine sees it when a store is kept: an order is written as sent before it leaves,
 * a stop move or cancel is logged before it leaves, and every event reaches the engine only after it
 * is stored. A simulated venue's fills get ids from their order and its fill count.
 */
export function durableVenue(inner: ExecutionVenue, journal: Journal, store: Store, clock: Clock): ExecutionVenue {
  const handlers: ((event: VenueEvent) => void)[] = [];
  const fillsPerOrder = new Map<string, number>();
  const execIdOf = (event: Extract<VenueEvent, { type: 'orderFilled' }>): string => {
    if (event.fill.execId !== undefined) return event.fill.execId;
    const n = (fillsPerOrder.get(event.fill.orderId) ?? 0) + 1;
    fillsPerOrder.set(event.fill.orderId, n);
    return `${event.fill.orderId}#${n}`;
  };
  inner.onEvent((event) => {
    void journal.run(async () => {
      await store.write(writesFor(event, execIdOf));
      for (const handler of handlers) handler(event);
    });
  });
  const logged = (type: string, correlationId: string | undefined, payload: unknown, send: () => void) =>
    void journal.run(async () => {
      await store.appendEvent({ time: clock.now(), type, ...(correlationId === undefined ? {} : { correlationId }), payload });
      send();
    });
  return {
    onEvent: (handler) => void handlers.push(handler),
    submit: (order: OrderRequest) =>
      void journal.run(async () => {
        await store.write([
          { kind: 'orderSent', request: order, time: clock.now() },
          { kind: 'event', event: { time: clock.now(), type: 'orderSent', correlationId: order.clientId, payload: order } },
        ]);
        inner.submit(order);
      }),
    cancel: (symbol, clientId) => logged('cancelSent', clientId, { symbol }, () => inner.cancel(symbol, clientId)),
    cancelAll: (symbol) => logged('cancelAllSent', undefined, { symbol }, () => inner.cancelAll(symbol)),
    setTradingStop: (symbol, stop) => logged('tradingStopSent', undefined, { symbol, stop }, () => inner.setTradingStop(symbol, stop)),
    setLeverage: (symbol, leverage) => logged('leverageSent', undefined, { symbol, leverage }, () => inner.setLeverage(symbol, leverage)),
  };
}
