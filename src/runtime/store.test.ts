// The store from the configuration (default file, relative paths, PostgreSQL), and pruning by retention days.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { ManualClock } from '../core/clock.js';
import { ConfigError, InputError } from '../core/errors.js';
import { openStore } from '../storage/index.js';
import { parseKeepDays, pruneStorage, storageFor, storeConfigOf, withStore } from './store.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-runtime-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

describe('storeConfigOf', () => {
  it('defaults to <dataDir>/bybot.sqlite', () => {
    const loaded = loadConfig({ env: {}, cwd: dir, overrides: { dataDir: 'state' } });
    expect(loaded.config.storage).toEqual({ kind: 'sqlite', retention: { equityDays: 365, eventDays: 180 } });
    expect(storeConfigOf(loaded, dir)).toEqual({ kind: 'sqlite', file: join(dir, 'state', 'bybot.sqlite') });
  });

  it('takes a relative file from the config file folder, an absolute one as it is', () => {
    const file = join(dir, 'conf', 'bybot.config.json');
    mkdirSync(join(dir, 'conf'), { recursive: true });
    writeFileSync(file, JSON.stringify({ storage: { file: 'db/bot.sqlite' } }));
    expect(storeConfigOf(loadConfig({ env: {}, cwd: dir, file }), '/elsewhere')).toEqual({ kind: 'sqlite', file: join(dir, 'conf', 'db', 'bot.sqlite') });
    expect(storeConfigOf(loadConfig({ env: {}, cwd: dir, overrides: { 'storage.file': '/abs/x.sqlite' } }))).toEqual({ kind: 'sqlite', file: '/abs/x.sqlite' });
  });

  it('gives PostgreSQL its URL and schema, and requires the URL', () => {
    const env = { BYBOT_STORAGE__KIND: 'postgres', BYBOT_STORAGE__URL: 'postgres://bybot@db:5432/bybot', BYBOT_STORAGE__SCHEMA: 'live' };
    expect(storeConfigOf(loadConfig({ env, cwd: dir }))).toEqual({ kind: 'postgres', url: 'postgres://bybot@db:5432/bybot', schema: 'live' });
    expect(() => loadConfig({ env: { BYBOT_STORAGE__KIND: 'postgres' }, cwd: dir })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { BYBOT_STORAGE__KIND: 'postgres' }, cwd: dir })).toThrow(/storage\.url = undefined .*required when storage\.kind is postgres/);
    expect(() => loadConfig({ env: { BYBOT_STORAGE__URL: 'mysql://x' }, cwd: dir })).toThrow(/storage\.url = "mysql:\/\/x"/);
    expect(() => loadConfig({ env: { BYBOT_STORAGE__RETENTION__EVENT_DAYS: '0' }, cwd: dir })).toThrow(/storage\.retention\.eventDays = 0/);
  });
});

describe('storageFor', () => {
  it("gives the paper account its own store beside the live one: a file or a schema of its own", () => {
    const byDefault = loadConfig({ env: {}, cwd: dir, overrides: { dataDir: 'state' } });
    expect(storageFor(byDefault, 'live')).toBe(byDefault);
    expect(storeConfigOf(storageFor(byDefault, 'paper'), dir)).toEqual({ kind: 'sqlite', file: join(dir, 'state', 'bybot-paper.sqlite') });
    const named = (file: string) => storeConfigOf(storageFor(loadConfig({ env: {}, cwd: dir, overrides: { 'storage.file': file } }), 'paper'), dir);
    expect(named('/abs/bot.sqlite')).toEqual({ kind: 'sqlite', file: '/abs/bot-paper.sqlite' });
    expect(named('/abs.d/bot')).toEqual({ kind: 'sqlite', file: '/abs.d/bot-paper' });
    expect(named('db/bot.v2.db')).toEqual({ kind: 'sqlite', file: join(dir, 'db', 'bot.v2-paper.db') });
    const postgres = (schema?: string) =>
      storeConfigOf(storageFor(loadConfig({ env: { BYBOT_STORAGE__KIND: 'postgres', BYBOT_STORAGE__URL: 'postgres://bybot@db:5432/bybot', ...(schema ? { BYBOT_STORAGE__SCHEMA: schema } : {}) }, cwd: dir }), 'paper'));
    expect(postgres('desk')).toEqual({ kind: 'postgres', url: 'postgres://bybot@db:5432/bybot', schema: 'desk_paper' });
    expect(postgres()).toEqual({ kind: 'postgres', url: 'postgres://bybot@db:5432/bybot', schema: 'paper' });
    expect(() => postgres('s'.repeat(60))).toThrow(/storage\.schema: "s{60}" is too long to name its paper schema/);
  });
});

describe('pruneStorage', () => {
  it('deletes what is older than the configured retention, or --keep-days for both', async () => {
    const loaded = loadConfig({ env: {}, cwd: dir, overrides: { dataDir: 'prune', 'storage.retention': { equityDays: 10, eventDays: 3 } } });
    const now = Date.UTC(2025, 5, 30);
    const store = await openStore(storeConfigOf(loaded, dir));
    for (let d = 0; d < 20; d++) {
      await store.recordEquity({ time: now - d * DAY - 1, equity: 1, balance: 1 });
      await store.appendEvent({ time: now - d * DAY - 1, type: 'day', payload: d });
    }
    await store.close();
    const clock = new ManualClock(now);
    const first = await pruneStorage(loaded, undefined, clock);
    expect(first).toMatchObject({ equitySnapshots: 10, events: 17, equityBefore: now - 10 * DAY, eventsBefore: now - 3 * DAY });
    expect(await pruneStorage(loaded, 1, clock)).toMatchObject({ equitySnapshots: 9, events: 2 });
    expect(await withStore(loaded, (s) => s.counts())).toMatchObject({ equity_snapshots: 1, events: 1 });
  });

  it('reads --keep-days as whole days', () => {
    expect(parseKeepDays('30')).toBe(30);
    expect(parseKeepDays('0')).toBe(0);
    for (const bad of ['-1', '1.5', 'x', '']) expect(() => parseKeepDays(bad)).toThrow(InputError);
  });
});
