// Waiting in stream tests: for a condition, or for the next event that matches, with a deadline that names what never came.
import { monotonicNow } from '../../../../core/clock.js';
import type { BybitMarketData } from '../market-data.js';
import type { EventOfType, MarketDataEvent, MarketDataEventType } from '../events.js';

/** Resolves once `condition` holds (polled every 5 ms). */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = monotonicNow() + timeoutMs;
  while (!condition()) {
    if (monotonicNow() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every event a feed emits from now on, in order. */
export function record(feed: BybitMarketData): MarketDataEvent[] {
  const events: MarketDataEvent[] = [];
  feed.onEvent((event) => events.push(event));
  return events;
}

/** Resolves with the first event of `type` after index `from` that satisfies `match`. */
export async function nextEvent<T extends MarketDataEventType>(events: readonly MarketDataEvent[], type: T, from = 0, match: (event: EventOfType<T>) => boolean = () => true): Promise<EventOfType<T>> {
  let found: EventOfType<T> | undefined;
  const hit = (event: MarketDataEvent): event is EventOfType<T> => event.type === type && match(event as EventOfType<T>);
  await eventually(() => (found = events.slice(from).find(hit)) !== undefined, `a ${type} event`);
  return found as EventOfType<T>;
}
