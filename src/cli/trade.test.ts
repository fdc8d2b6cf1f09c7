// `bybot paper` and `bybot live` end to end against the local exchange: they trade, stop after --max-candles, and refuse bad input before any order.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../venues/bybit-server/index.js';
import { playWhenListening, startTestExchange, swing, TRADER, WITHDRAWER } from '../venues/bybit-server/test-support/fixtures.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-trade-cli-'));
let local: LocalExchange | undefined;
afterEach(async () => {
  await local?.close();
  local = undefined;
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** A wave with several SMA(3)/SMA(8) crossings. */
const WAVE = swing(400);

// The command's own log lines stay out of the test output (the live test sends them to files and reads those).
process.env['BYBOT_LOG__STDOUT'] = 'false';

async function bybot(args: string[], dataDir = join(dir, 'data')) {
  const lines: string[] = [];
  const code = await run(['--data-dir', dataDir, ...args], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}

function keyFile(name: string, key: { key: string; secret: string }): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(key));
  return path;
}

const STRATEGY = ['--strategy', 'sma-cross', '--params', 'fast=3,slow=8,size=1', '--symbol', 'SOLUSDT', '--timeframe', '1m', '--no-risk'];
/** Live entries need a stop-loss (the live venue never holds a position without one): the same run with a wide stop. */
const LIVE_STRATEGY = STRATEGY.map((arg) => (arg === 'fast=3,slow=8,size=1' ? 'fast=3,slow=8,size=1,stopPct=20' : arg));

describe('bybot paper and live', () => {
  it('paper: trades the live candles of the exchange and stops after --max-candles', async () => {
    local = await startTestExchange(WAVE);
    local.advance(20);
    // A simulated minute every 40 ms, once the command is listening.
    const stopWaiting = playWhenListening(local, 1500);
    const { code, text } = await bybot(['paper', ...STRATEGY, '--exchange-url', local.url, '--max-candles', '100']);
    stopWaiting();
    expect(code, text).toBe(0);
    expect(text).toMatch(/paper trading sma-cross on SOLUSDT 1m/);
    expect(text).toMatch(/stopped \(100 candles\) after 100 candle\(s\): [1-9]\d* trade\(s\)/);
    expect(text).toMatch(/^trade SOLUSDT long 1 /m);
  });

  it('live: trades through the Bybit venue; no log line holds the secret (nor, with redactKeys, the key)', async () => {
    local = await startTestExchange(WAVE);
    local.advance(20);
    const logs = join(dir, 'logs');
    const env = { BYBOT_LOG__LEVEL: 'trace', BYBOT_LOG__FILE__DIR: logs, BYBOT_LOG__REDACT_KEYS: 'true' };
    Object.assign(process.env, env);
    const stopWaiting = playWhenListening(local, 300);
    try {
      // The same data directory as the paper run: what paper left open is in its own store, not this account's.
      const { code, text } = await bybot(['live', ...LIVE_STRATEGY, '--exchange-url', local.url, '--keys', keyFile('trader.json', TRADER), '--max-candles', '60']);
      expect(code, text).toBe(0);
      expect(text).toMatch(/live trading sma-cross on SOLUSDT 1m .* with key trader-key/);
      expect(text).toMatch(/stopped \(60 candles\) after 60 candle\(s\): [1-9]\d* trade/);
      expect(text).toMatch(/^trade SOLUSDT long 1 /m);
      expect(text).not.toMatch(/positionCorrected|stopUnknown|entryRefused|rejected/i);
      expect(text).not.toContain(TRADER.secret);
    } finally {
      stopWaiting();
      for (const name of Object.keys(env)) delete process.env[name];
    }
    const lines = readdirSync(logs).flatMap((file) => readFileSync(join(logs, file), 'utf8').split('\n').filter(Boolean));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((line) => /"correlationId":"lv/.test(line)), 'fills and orders carry their correlation id').toBe(true);
    for (const line of lines) {
      expect(line).not.toContain(TRADER.secret);
      expect(line).not.toContain(TRADER.key);
    }
    // Signals became orders, orders fills, fills positions and trades, candles equity: all in the store.
    const db = new Database(join(dir, 'data', 'bybot.sqlite'), { readonly: true });
    const paper = new Database(join(dir, 'data', 'bybot-paper.sqlite'), { readonly: true });
    try {
      const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      const prefixes = (store: Database.Database) => (store.prepare(`select distinct substr(client_id, 1, 2) as p from orders`).all() as { p: string }[]).map((r) => r.p);
      expect(prefixes(db)).toEqual(['lv']);
      expect(prefixes(paper)).toEqual(['pp']);
      expect(count('orders')).toBeGreaterThan(1);
      expect(count('executions')).toBeGreaterThan(1);
      expect(count('trades')).toBeGreaterThan(0);
      expect(count('equity_snapshots')).toBeGreaterThanOrEqual(60);
      expect(count('events')).toBeGreaterThan(count('executions'));
    } finally {
      db.close();
      paper.close();
    }
  });

  it('live with the risk engine: entries sized by it and protected by its initial stop; every order ends final in the store', async () => {
    local = await startTestExchange(WAVE);
    local.advance(40);
    const data = join(dir, 'risk-data');
    const stopWaiting = playWhenListening(local, 300);
    try {
      // No stopPct: the risk engine gives each entry its stop (ATR) and its size (risk per trade).
      const args = ['live', '--strategy', 'sma-cross', '--params', 'fast=3,slow=8', '--symbol', 'SOLUSDT', '--timeframe', '1m'];
      const { code, text } = await bybot([...args, '--exchange-url', local.url, '--keys', keyFile('risk-trader.json', TRADER), '--max-candles', '60'], data);
      expect(code, text).toBe(0);
      expect(text).toMatch(/stopped \(60 candles\) after 60 candle\(s\): [1-9]\d* trade/);
      expect(text).not.toMatch(/positionCorrected|stopUnknown|entryRefused/);
    } finally {
      stopWaiting();
    }
    const db = new Database(join(data, 'bybot.sqlite'), { readonly: true });
    try {
      const rows = db.prepare(`select client_id, status, avg_fill_price, request from orders where client_id like 'lv%'`).all() as { client_id: string; status: string; avg_fill_price: number | null; request: string }[];
      const entries = rows.map((row) => ({ ...row, request: JSON.parse(row.request) as { side: string; qty: number; reduceOnly?: boolean; stopLoss?: number } })).filter((row) => row.request.reduceOnly !== true);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        // Market orders: filled (the store keeps the fill though the exchange stamps it before the acceptance).
        expect(entry.status, entry.client_id).toBe('Filled');
        const { side, qty, stopLoss } = entry.request;
        expect(Math.abs(qty * 10 - Math.round(qty * 10)), `${entry.client_id} qty ${qty} on the 0.1 lot grid`).toBeLessThan(1e-9);
        expect(stopLoss, `${entry.client_id} carries a stop-loss`).toBeDefined();
        expect(side === 'buy' ? stopLoss! < entry.avg_fill_price! : stopLoss! > entry.avg_fill_price!, `${entry.client_id}: stop ${stopLoss} on the losing side of ${entry.avg_fill_price}`).toBe(true);
      }
      expect(rows.filter((row) => row.status === 'New' || row.status === 'Sent'), 'no order of the session is left working in the store').toEqual([]);
    } finally {
      db.close();
    }
  });

  it('live refuses before any order: a Withdraw key, mainnet without confirmation, an unknown strategy or symbol', async () => {
    local = await startTestExchange(WAVE);
    const withdraw = await bybot(['live', ...STRATEGY, '--exchange-url', local.url, '--keys', keyFile('w.json', WITHDRAWER)]);
    expect(withdraw.code).toBe(2);
    expect(withdraw.text).toMatch(/Withdraw permission/);
    const mainnet = await bybot(['live', ...STRATEGY, '--keys', keyFile('t.json', TRADER)]);
    expect(mainnet.code).toBe(2);
    expect(mainnet.text).toMatch(/--confirm-mainnet/);
    const nothing = await bybot(['paper', '--exchange-url', local.url]);
    expect(nothing.code).toBe(2);
    expect(nothing.text).toMatch(/nothing to trade: give --strategy .* trading.runs/);
    const unknown = await bybot(['paper', '--strategy', 'nope', '--exchange-url', local.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.text).toMatch(/unknown strategy "nope"/);
    const symbol = await bybot(['paper', '--strategy', 'sma-cross', '--symbol', 'NOPEUSDT', '--exchange-url', local.url]);
    expect(symbol.code).toBe(2);
    expect(symbol.text).toMatch(/NOPEUSDT/);
    // A database that cannot be opened (a directory): named, before anything connects.
    process.env['BYBOT_STORAGE__FILE'] = dir;
    try {
      const database = await bybot(['live', ...LIVE_STRATEGY, '--exchange-url', local.url, '--keys', keyFile('t.json', TRADER)]);
      expect(database.code).toBe(2);
      expect(database.text).toContain(dir);
    } finally {
      delete process.env['BYBOT_STORAGE__FILE'];
    }
  });
});
