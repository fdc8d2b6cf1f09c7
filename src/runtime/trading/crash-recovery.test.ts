// Crash recovery for real: the bot runs as its own process against the local exchange, is killed with SIGKILL in the middle of a trade, restarts, and must leave no order doubled, no fill lost, every position stopped, and its store equal to the exchange.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueEvent } from '../../domain/venue-events.js';
import type { LocalExchange } from '../../venues/bybit-server/index.js';
import { startTestExchange, swing, TRADER } from '../../venues/bybit-server/test-support/fixtures.js';
import { exchangeExecIds, exchangePosition } from '../../venues/bybit/venue/test-support/harness.js';
import { BotProcess, buildCli } from './test-support/bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-crash-'));
let main: string;
let local: LocalExchange;
beforeAll(async () => {
  main = buildCli();
  local = await startTestExchange(swing(400));
  local.advance(20);
}, 120_000);
afterAll(async () => {
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

const keys = join(dir, 'keys.json');
writeFileSync(keys, JSON.stringify(TRADER));
const DB = join(dir, 'data', 'bybot.sqlite');
const ARGS = ['--data-dir', join(dir, 'data'), 'live', '--strategy', 'sma-cross', '--params', 'fast=3,slow=8,size=1,stopPct=3', '--symbol', 'SOLUSDT', '--timeframe', '1m', '--no-risk', '--keys', keys];
const ENV = { BYBOT_LOG__STDOUT: 'false', BYBOT_LOG__FILE__DIR: join(dir, 'logs'), BYBOT_BYBIT__SAFETY__STOP_CONFIRM_MS: '1500' };

function startBot(): BotProcess {
  return new BotProcess(main, [...ARGS, '--exchange-url', local.url], ENV);
}

/** What the bot's store holds, read beside the running bot (SQLite WAL lets a reader in). */
function stored() {
  const db = new Database(DB, { readonly: true });
  try {
    const execIds = (db.prepare('select exec_id from executions').all() as { exec_id: string }[]).map((r) => r.exec_id);
    const position = db.prepare("select size from positions where symbol = 'SOLUSDT'").get() as { size: number } | undefined;
    const orders = db.prepare('select client_id, status from orders').all() as { client_id: string; status: string }[];
    return { execIds, size: position?.size ?? 0, orders };
  } finally {
    db.close();
  }
}

/** Closes candles one at a time until the exchange accepted an order of ours that matches `wanted`; returns it. */
async function untilOrder(wanted: (event: Extract<VenueEvent, { type: 'orderAccepted' }>) => boolean): Promise<string> {
  let found: string | undefined;
  local.venue.onEvent((event) => {
    if (found === undefined && event.type === 'orderAccepted' && wanted(event)) found = event.order.clientId;
  });
  for (let i = 0; i < 120 && found === undefined; i++) {
    local.advance(1);
    for (let waited = 0; waited < 400 && found === undefined; waited += 20) await new Promise((r) => setTimeout(r, 20));
  }
  if (found === undefined) throw new Error('the bot sent no such order within 120 candles');
  return found;
}

/** The checks after every restart: one order per intent, no fill lost, position stopped, store = exchange. */
async function consistent(expectedSize: number): Promise<void> {
  const position = await exchangePosition(local);
  expect(position.size).toBe(expectedSize);
  if (position.size !== 0) expect(position.stopLoss, 'the open position has its stop on the exchange').toBeGreaterThan(0);
  const onExchange = await exchangeExecIds(local);
  const store = stored();
  expect(store.execIds.sort(), 'every fill on the exchange is stored, once').toEqual([...onExchange].sort());
  expect(store.size, 'the stored position is the exchange position').toBe(expectedSize);
}

describe('crash recovery (SIGKILL, restart, reconcile)', () => {
  it('survives a kill after the entry is sent and before its fill, and one after the exit is sent', async () => {
    // 1. Killed after the entry reached the exchange, before the candle that fills it.
    const first = startBot();
    await first.waitFor(/live trading sma-cross/);
    const entry = await untilOrder((e) => e.order.clientId.startsWith('lv') && !e.order.reduceOnly);
    first.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(stored().orders.map((o) => o.client_id), 'the entry was stored before it was sent').toContain(entry);
    local.advance(2); // the entry fills while the bot is down; the exchange attaches its stop

    const second = startBot();
    await second.waitFor(/reconciled:/);
    await new Promise((r) => setTimeout(r, 300));
    await consistent(1);
    expect(stored().orders.find((o) => o.client_id === entry)?.status).toBe('Filled');

    // 2. Killed after the exit reached the exchange, before its fill is recorded.
    const exit = await untilOrder((e) => e.order.clientId.startsWith('lv') && e.order.reduceOnly === true);
    second.kill('SIGKILL');
    await second.exited;
    local.advance(2);

    const third = startBot();
    await third.waitFor(/reconciled:/);
    await new Promise((r) => setTimeout(r, 300));
    await consistent(0);
    expect(stored().orders.find((o) => o.client_id === exit)?.status).toBe('Filled');
    // No order was doubled: each client id is one order on the exchange (it refuses a second), and one entry and one exit went out.
    const ours = stored().orders.filter((o) => o.client_id.startsWith('lv'));
    expect(ours.map((o) => o.client_id).sort()).toEqual([entry, exit].sort());

    // 3. A graceful stop: exit code 0, the position's stops (none now) left on the exchange.
    third.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    expect(third.text).toMatch(/stopped \(SIGTERM\)/);
  }, 120_000);
});
