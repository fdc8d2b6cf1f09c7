// The readers of a feed, by event type or all at once; one reader that throws neither stops the others nor reaches the socket.
import type { EventOfType, MarketDataEvent, MarketDataEventType } from './events.js';

type Handler = (event: MarketDataEvent) => void;

export class Handlers {
  private readonly byType = new Map<MarketDataEventType, Set<Handler>>();
  private readonly all = new Set<Handler>();

  /** @param onThrow told about a handler's exception (the feed turns it into a streamError event). */
  constructor(private readonly onThrow: (error: unknown, event: MarketDataEvent) => void) {}

  /** Calls `handler` for each event of `type`; returns the function that stops it. */
  on<T extends MarketDataEventType>(type: T, handler: (event: EventOfType<T>) => void): () => void {
    let set = this.byType.get(type);
    if (set === undefined) this.byType.set(type, (set = new Set()));
    const stored = handler as Handler;
    set.add(stored);
    return () => set.delete(stored);
  }

  /** Calls `handler` for every event; returns the function that stops it. */
  onEvent(handler: Handler): () => void {
    this.all.add(handler);
    return () => this.all.delete(handler);
  }

  emit(event: MarketDataEvent): void {
    const typed = this.byType.get(event.type);
    if (typed !== undefined) for (const handler of typed) this.call(handler, event);
    for (const handler of this.all) this.call(handler, event);
  }

  clear(): void {
    this.byType.clear();
    this.all.clear();
  }

  private call(handler: Handler, event: MarketDataEvent): void {
    try {
      handler(event);
    } catch (error) {
      this.onThrow(error, event);
    }
  }
}
