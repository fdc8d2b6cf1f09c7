// A feed on a FakeStream with test-sized timings: pings every 100 ms, reconnects within 20–100 ms, and staleness far enough away not to fire by accident.
import { afterEach, beforeEach, vi } from 'vitest';
import { seededRandom } from '../../../../core/random.js';
import { BybitMarketData } from '../market-data.js';
import type { MarketDataOptions } from '../options.js';
import { FakeStream } from './fake-stream.js';

export const FAST: Omit<MarketDataOptions, 'endpoints' | 'random'> = {
  pingIntervalMs: 100,
  pongTimeoutMs: 300,
  staleAfterMs: 5_000,
  checkEveryMs: 10,
  snapshotTimeoutMs: 5_000,
  backoff: { baseMs: 20, factor: 2, capMs: 100 },
};

export function feedOn(server: FakeStream | string, options: Omit<MarketDataOptions, 'endpoints'> = {}): BybitMarketData {
  const url = typeof server === 'string' ? server : server.url;
  // A random of its own per feed, so one test's draws do not shift another's.
  return new BybitMarketData({ endpoints: { publicLinear: url }, random: seededRandom(1), ...FAST, ...options });
}

/** The handles that keep a Node process alive, by kind: timers and sockets. */
export function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (/Timeout|TCP|Immediate/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** No socket open anywhere (client or server side) and no more timers than `timers` (the runner's own). */
export function quiet(timers: number): boolean {
  const handles = liveHandles();
  return (handles['TCPSocketWrap'] ?? 0) === 0 && (handles['Timeout'] ?? 0) <= timers && (handles['Immediate'] ?? 0) === 0;
}

/**
 * Counts intervals created and not yet cleared from now on. An unref()'d interval does not show in
 * the process's handles, yet close() must still stop it.
 */
export function trackIntervals(): { readonly open: () => number; readonly restore: () => void } {
  const running = new Set<unknown>();
  const originalSet = globalThis.setInterval;
  const originalClear = globalThis.clearInterval;
  const set = vi.spyOn(globalThis, 'setInterval').mockImplementation(((...args: Parameters<typeof setInterval>) => {
    const timer = originalSet(...args);
    running.add(timer);
    return timer;
  }) as typeof setInterval);
  const clear = vi.spyOn(globalThis, 'clearInterval').mockImplementation((timer) => {
    running.delete(timer);
    originalClear(timer);
  });
  return {
    open: () => running.size,
    restore: () => {
      set.mockRestore();
      clear.mockRestore();
    },
  };
}

/**
 * The hooks every fake-stream test file shares: a fresh server before each test; after it, the
 * test's feed closed (`current` names it, `forget` drops it), the server closed, then `afterClose`.
 */
export function useFakeStream(started: (server: FakeStream) => void, current: () => BybitMarketData | undefined, forget: () => void, afterClose?: () => Promise<void>): void {
  let server: FakeStream | undefined;
  beforeEach(async () => {
    server = await FakeStream.start();
    started(server);
  });
  afterEach(async () => {
    await current()?.close();
    forget();
    await server?.close();
    await afterClose?.();
  });
}
