// Every fault the local exchange can inject, against the whole adapter: no position without a stop beyond the guard's limit, no duplicate order, no lost fill, state reconciled — and a table of the faults survived.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../../bybit-server/index.js';
import { candles, flat, SOL, startTestExchange } from '../../bybit-server/test-support/fixtures.js';
import { exchangeExecIds, exchangeOrderLinkIds, exchangePosition, longestUnprotected, venueOn, waitFor, type Harness } from './test-support/harness.js';

/** The guard's limit in these tests; the exchange is sampled every 20 ms, so a little slack on top. */
const STOP_CONFIRM_MS = 800;
const SLACK_MS = 700;
const PATH = candles([...flat(10), ...flat(30, 100.5)]);

interface Row {
  readonly fault: string;
  readonly unprotectedMs: number;
  readonly orders: number;
  readonly fills: string;
  readonly position: string;
  readonly notices: string;
}
const table: Row[] = [];

let local: LocalExchange | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  harness?.venue.close();
  await local?.close();
  local = undefined;
  harness = undefined;
});
afterAll(() => {
  if (table.length === 0) return;
  console.log(`\nFaults survived by BybitVenue against the local exchange (${table.length}):`);
  console.table(table);
});

interface Scenario {
  /** Switches the fault on (after start-up, before the entry). */
  arm(local: LocalExchange, harness: Harness): void;
  /** Switches it off once the entry has been sent. */
  disarm?(local: LocalExchange): void;
  /** The position the scenario ends with on the exchange (default 2: the entry filled). */
  expectedSize?: number;
  /** More candles to close after the entry (partial fills need several). */
  candles?: number;
  /** Client request timeout (ms) for this scenario. */
  restTimeoutMs?: number;
}

/** Starts the venue, arms the fault, enters long 2 SOL with a stop at 95, closes candles, then checks the four promises. */
async function survive(fault: string, scenario: Scenario): Promise<void> {
  local = await startTestExchange(PATH);
  local.advance(2);
  harness = venueOn(local, { stopGuard: { confirmMs: STOP_CONFIRM_MS, policy: 'retry', retries: 2 }, ...(scenario.restTimeoutMs ? { restTimeoutMs: scenario.restTimeoutMs } : {}) });
  const { venue, events, notices } = harness;
  await venue.start();
  scenario.arm(local, harness);
  const exchange = local;
  const unprotectedMs = await longestUnprotected(exchange, async () => {
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 95 });
    await waitFor('the entry to reach the exchange', async () => (await exchangeOrderLinkIds(exchange)).includes('entry-1'), 8000);
    let closing = false;
    for (let i = 0; i < (scenario.candles ?? 1); i++) exchange.advance(1);
    // Give the guard its time, and let a close it sends fill at the next candle.
    const until = Date.now() + STOP_CONFIRM_MS + 1500;
    while (Date.now() < until) {
      if (!closing && notices.some((n) => n.code === 'positionClosed')) {
        closing = true;
        await new Promise((resolve) => setTimeout(resolve, 100));
        exchange.advance(1);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  scenario.disarm?.(exchange);
  exchange.streamFaults.reset();
  exchange.httpFaults.clear();
  await venue.reconcile();
  const onExchange = await exchangePosition(exchange);
  const linkIds = await exchangeOrderLinkIds(exchange);
  const execIds = await exchangeExecIds(exchange);
  const ours = events.filter((e) => e.type === 'orderFilled').length;
  table.push({
    fault,
    unprotectedMs,
    orders: linkIds.filter((id) => id === 'entry-1').length,
    fills: `${ours}/${execIds.length}`,
    position: `${venue.position(SOL).size}/${onExchange.size}`,
    notices: [...new Set(notices.map((n) => n.code).filter((c) => c !== 'reconciled'))].join(' '),
  });
  expect(unprotectedMs, 'longest time the exchange held a position without a stop').toBeLessThanOrEqual(STOP_CONFIRM_MS + SLACK_MS);
  expect(linkIds.filter((id) => id === 'entry-1'), 'the entry exists once on the exchange').toHaveLength(1);
  expect(ours, 'every fill on the exchange reached the venue once').toBe(execIds.length);
  expect(venue.position(SOL).size, 'the venue agrees with the exchange').toBe(onExchange.size);
  expect(onExchange.size).toBe(scenario.expectedSize ?? 2);
  if (onExchange.size !== 0) expect(onExchange.stopLoss, 'the open position has its stop').toBe(95);
}

describe('fault injection: BybitVenue survives', () => {
  it('no fault (baseline)', () => survive('none', { arm: () => undefined }));
  it('every socket closed', () => survive('sockets closed', { arm: (l) => l.streamFaults.closeAll() }));
  it('private messages delayed', () => survive('private delayed 300 ms', { arm: (l) => (l.streamFaults.delayMs = 300) }));
  it('the execution message dropped', () => survive('execution dropped', { arm: (l) => l.streamFaults.dropNext('execution', 1) }));
  it('the order message dropped', () => survive('order dropped', { arm: (l) => l.streamFaults.dropNext('order', 5) }));
  it('the position message dropped', () => survive('position dropped', { arm: (l) => l.streamFaults.dropNext('position', 1) }));
  it('every message duplicated', () => survive('duplicated', { arm: (l) => (l.streamFaults.duplicate = true) }));
  it('messages reordered', () => survive('reordered', { arm: (l) => (l.streamFaults.reorder = true) }));
  it('the private stream silent', () => survive('private silent', { arm: (l) => (l.streamFaults.silencePrivate = true) }));
  it('HTTP 502 before the order is placed', () => survive('5xx, not executed', { arm: (l) => void l.httpFaults.serverError({ path: '/v5/order/create' }) }));
  it('HTTP 502 after the order is placed', () => survive('5xx, executed', { arm: (l) => void l.httpFaults.serverErrorAfter({ path: '/v5/order/create' }) }));
  it('a request timeout, the order placed late', () => survive('timeout, late', { restTimeoutMs: 300, arm: (l) => void l.httpFaults.timeout({ ms: 600, path: '/v5/order/create' }) }));
  it('a request timeout after the order is placed', () => survive('timeout, executed', { restTimeoutMs: 300, arm: (l) => void l.httpFaults.timeoutAfter({ ms: 2000, path: '/v5/order/create' }) }));
  it('rate limited (10006)', () => survive('10006', { arm: (l) => void l.httpFaults.rateLimit({ resetMs: 200, path: '/v5/order/create', times: 2 }) }));
  it('clock skew (10002)', () => survive('clock skew', { arm: (l) => void l.httpFaults.clockSkew({ ms: 30_000, times: 'untilCleared' }) }));
  it('the entry stop-loss dropped: the guard sets it', () => survive('entry stop dropped', { arm: (l) => void l.httpFaults.rejectEntryStopLoss({}) }));
  it('the entry stop-loss dropped and trading-stop refused: the guard closes', () =>
    survive('stop dropped + trading-stop refused', {
      arm: (l) => {
        l.httpFaults.rejectEntryStopLoss({});
        l.httpFaults.rejectTradingStop({ times: 'untilCleared' });
      },
      expectedSize: 0,
    }));
  it('partial fills', () => survive('partial fills (market IOC rest cancelled)', { expectedSize: 0.6, arm: (l) => void l.httpFaults.partialFills({ participation: 0.0006 }) }));
});
