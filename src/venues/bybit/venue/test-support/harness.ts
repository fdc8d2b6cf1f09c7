// A BybitVenue wired to a local exchange for tests: the exchange's own view read through its REST API, waits that poll, and the venue's events and notices recorded.
import { systemClock } from '../../../../core/clock.js';
import { SOLUSDT_DEFAULT } from '../../../../domain/instrument.js';
import type { VenueEvent } from '../../../../domain/venue-events.js';
import type { LocalExchange } from '../../../bybit-server/index.js';
import { get, publicGet, type Key } from '../../../bybit-server/test-support/client.js';
import { SOL, TRADER } from '../../../bybit-server/test-support/fixtures.js';
import { urlEndpoints } from '../../client/endpoints.js';
import { ApiCredentials } from '../../sign.js';
import { BybitVenue } from '../bybit-venue.js';
import type { BybitVenueOptions, VenueNotice } from '../options.js';

export interface Harness {
  readonly venue: BybitVenue;
  readonly events: VenueEvent[];
  readonly notices: VenueNotice[];
  /** Every instant (ms) the exchange held a position without a stop, sampled while waiting. */
  readonly unprotectedSince: { at: number | undefined; longest: number };
}

export function venueOn(local: LocalExchange, options: Partial<BybitVenueOptions> = {}, key: Key = TRADER): Harness {
  const venue = new BybitVenue({
    endpoints: urlEndpoints(local.url),
    credentials: new ApiCredentials(key.key, key.secret),
    instruments: [SOLUSDT_DEFAULT],
    clock: systemClock,
    confirmMs: 300,
    stopGuard: { confirmMs: 800 },
    stream: { pingIntervalMs: 2000, pongTimeoutMs: 1000, reconnectMs: 100 },
    ...options,
  });
  const events: VenueEvent[] = [];
  const notices: VenueNotice[] = [];
  venue.onEvent((e) => events.push(e));
  venue.onNotice((n) => notices.push(n));
  return { venue, events, notices, unprotectedSince: { at: undefined, longest: 0 } };
}

/** Polls `condition` every 10 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ExchangePosition {
  readonly size: number;
  readonly stopLoss: number;
  readonly trailingStop: number;
}

/** The time the exchange checks signatures against (its clock, skewed when a test skews it), as /v5/market/time tells. */
async function serverTime(local: LocalExchange): Promise<number> {
  const answer = await publicGet(local, '/v5/market/time');
  return Number(BigInt(answer.body.result.timeNano) / 1_000_000n);
}

/** A signed GET of the exchange's own view; a refusal is an error naming the retCode (a test reads no half answer). */
async function view(local: LocalExchange, path: string, params: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const answer = await get(local, TRADER, path, params, { timestamp: await serverTime(local) });
    if (answer.body.retCode === 0) return answer.body.result;
    // The replay clock may move between reading the time and signing: one more try.
    if (answer.body.retCode !== 10002 || attempt === 3) throw new Error(`${path}: retCode ${answer.body.retCode} ${answer.body.retMsg}`);
  }
}

/** The exchange's SOLUSDT position through its REST API (signed size; 0 for an unset stop). */
export async function exchangePosition(local: LocalExchange, symbol = SOL): Promise<ExchangePosition> {
  const row = (await view(local, '/v5/position/list', { category: 'linear', symbol })).list[0];
  if (row === undefined) return { size: 0, stopLoss: 0, trailingStop: 0 };
  const size = Number(row.size) * (row.side === 'Sell' ? -1 : 1);
  return { size, stopLoss: Number(row.stopLoss || 0), trailingStop: Number(row.trailingStop || 0) };
}

/** orderLinkIds of every order the exchange holds (open and history). */
export async function exchangeOrderLinkIds(local: LocalExchange, symbol = SOL): Promise<string[]> {
  const open = await view(local, '/v5/order/realtime', { category: 'linear', symbol, limit: 50 });
  const history = await view(local, '/v5/order/history', { category: 'linear', symbol, limit: 50 });
  const ids = [...open.list, ...history.list].map((row: { orderLinkId: string; orderId: string }) => row.orderLinkId || `bybit:${row.orderId}`);
  return [...new Set(ids)];
}

/** execIds of every trade the exchange executed for the account. */
export async function exchangeExecIds(local: LocalExchange, symbol = SOL): Promise<string[]> {
  return (await view(local, '/v5/execution/list', { category: 'linear', symbol, limit: 100 })).list.filter((row: { execType: string }) => row.execType === 'Trade').map((row: { execId: string }) => row.execId);
}

/** Watches the exchange's position while `work` runs: the longest stretch it was open without a stop-loss, ms. */
export async function longestUnprotected(local: LocalExchange, work: () => Promise<void>): Promise<number> {
  let since: number | undefined;
  let longest = 0;
  let running = true;
  const watcher = (async () => {
    while (running) {
      const position = await exchangePosition(local);
      const now = Date.now();
      if (position.size !== 0 && position.stopLoss === 0 && position.trailingStop === 0) {
        since ??= now;
        longest = Math.max(longest, now - since);
      } else since = undefined;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await watcher;
  }
  return longest;
}
