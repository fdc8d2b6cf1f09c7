// Migrations, newer-schema refusal, backup while writing and restore, and pruning, on every dialect.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { backupStore } from './backup.js';
import type { KyselyStore } from './kysely-store.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openStore } from './open-store.js';
import { restoreStore } from './restore.js';
import { TABLES } from './schema.js';
import { sqliteDir, STORE_DIALECTS, storeOpener } from './test-support/dialects.js';
import { fill, orderState, signal, T0, trade } from './test-support/fixtures.js';

const DAY = 86_400_000;
let backups = 0;
const backupFile = (ext: string) => join(sqliteDir, `backup-${++backups}.${ext}`);

async function seqs(store: KyselyStore): Promise<number[]> {
  return (await store.db.selectFrom('events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
}

describe.each(STORE_DIALECTS)('$name store administration', (dialect) => {
  describe.skipIf(dialect.skip !== undefined)('on fresh databases', () => {
    const stores = storeOpener(dialect);

    it('migrates an empty database to the latest schema once, and finds it up to date the next time', async () => {
      const config = await stores.fresh();
      const first = await stores.open(config);
      expect(first.migration).toEqual({ from: 0, to: SCHEMA_VERSION, applied: ['0001_initial'] });
      expect(Object.keys(await first.counts())).toEqual(TABLES.map((t) => t.name));
      const again = await stores.open(config);
      expect(again.migration).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] });
    });

    it('refuses a database migrated by a newer bybot, naming it and both versions, and writes nothing', async () => {
      const config = await stores.fresh();
      const store = await stores.open(config);
      await store.appendEvent({ time: T0, type: 'x', payload: {} });
      const future = `${String(SCHEMA_VERSION + 1).padStart(4, '0')}_from_the_future`;
      await (store.db as unknown as Kysely<any>).insertInto('kysely_migration').values({ name: future, timestamp: '2030-01-01T00:00:00.000Z' }).execute();
      const attempt = openStore(config);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(new RegExp(`${store.label.replace(/[()]/g, '.')} has schema version ${SCHEMA_VERSION + 1} .*${future}.*schema version ${SCHEMA_VERSION}\\)`));
      const names = await (store.db as unknown as Kysely<any>).selectFrom('kysely_migration').select('name').orderBy('name').execute();
      expect(names.map((r) => r.name)).toEqual(['0001_initial', future]);
      expect((await store.counts()).events).toBe(1);
    });

    it('backs up a consistent copy while the store is being written, and restores it with equal row counts', async () => {
      const source = await stores.open();
      await source.recordOrder(orderState('a'));
      await source.recordFill(fill('e1'));
      await source.recordTrade(trade());
      await source.recordSignal(signal());
      await source.recordPosition({ symbol: 'SOLUSDT', size: -2, entryPrice: 151, updatedTime: T0 });
      await source.recordEquity({ time: T0, equity: 1e4, balance: 1e4 });
      await source.recordRiskStateChange({ time: T0, from: 'ACTIVE', to: 'HALTED', reason: 'test' });
      // Several MB, so the SQLite copy takes many steps and the PostgreSQL dump many pages.
      const blob = 'x'.repeat(1000);
      for (let i = 0; i < 6; i++) await source.write(Array.from({ length: 1000 }, (_, k) => ({ kind: 'event' as const, event: { time: T0 + i * 1000 + k, type: 'bulk', payload: { blob } } })));
      let stop = false;
      let written = 0;
      // Each write waits for the next turn of the event loop, as the bot's writes follow network events (a
      // loop of awaited SQLite writes alone never yields: better-sqlite3 is synchronous under kysely's promises).
      const writer = (async () => {
        while (!stop && written < 5000) {
          await source.appendEvent({ time: T0 + 10_000 + written++, type: 'live', correlationId: `c${written % 7}`, payload: { blob } });
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      while (written < 20) await new Promise((resolve) => setTimeout(resolve, 1));
      const before = (await source.counts()).events;
      const backup = await backupStore(source, backupFile(dialect.name === 'sqlite' ? 'sqlite' : 'jsonl'));
      const after = (await source.counts()).events;
      stop = true;
      await writer;
      expect(backup.format).toBe(dialect.name === 'sqlite' ? 'sqlite' : 'jsonl');
      expect(backup.counts.events).toBeGreaterThanOrEqual(before);
      expect(backup.counts.events).toBeLessThanOrEqual(after);
      expect(backup.counts).toMatchObject({ orders: 1, executions: 1, trades: 1, signals: 1, positions: 1, equity_snapshots: 1, risk_state_changes: 1 });

      const target = await stores.open();
      const restored = await restoreStore(backup.file, target);
      expect(restored.counts).toEqual(backup.counts);
      expect(await target.counts()).toEqual(backup.counts);
      expect(await seqs(target)).toEqual(Array.from({ length: backup.counts.events }, (_, i) => i + 1));
      expect((await target.loadRecovery()).positions).toEqual([{ symbol: 'SOLUSDT', size: -2, entryPrice: 151, updatedTime: T0 }]);
      expect(await target.appendEvent({ time: T0, type: 'after restore', payload: null })).toBe(backup.counts.events + 1);

      await expect(restoreStore(backup.file, target)).rejects.toThrow(/is not empty \(.*events \d+\).*--force/);
      const forced = await restoreStore(backup.file, target, { force: true });
      expect(forced.replaced?.events).toBe(backup.counts.events + 1);
      expect(await target.counts()).toEqual(backup.counts);
    });

    it('prunes old equity snapshots and events in batches, keeping everything newer and never reusing a seq', async () => {
      const store = await stores.open();
      for (let i = 0; i < 10; i++) {
        await store.recordEquity({ time: T0 + i * DAY, equity: 1e4 + i, balance: 1e4 });
        await store.appendEvent({ time: T0 + i * DAY, type: 'day', payload: { i } });
      }
      await store.recordTrade(trade({ exitTime: T0 }));
      expect(await store.prune({ equitySnapshotsOlderThan: T0 + 5 * DAY, eventsOlderThan: T0 + 3 * DAY, batchSize: 2 })).toEqual({ equitySnapshots: 5, events: 3 });
      expect(await store.prune({ equitySnapshotsOlderThan: T0 + 5 * DAY, eventsOlderThan: T0 + 3 * DAY })).toEqual({ equitySnapshots: 0, events: 0 });
      expect(await store.counts()).toMatchObject({ equity_snapshots: 5, events: 7, trades: 1 });
      expect((await store.eventsSince(0)).map((e) => (e.payload as { i: number }).i)).toEqual([3, 4, 5, 6, 7, 8, 9]);
      await store.prune({ eventsOlderThan: T0 + 100 * DAY });
      expect(await store.appendEvent({ time: T0, type: 'after prune', payload: null })).toBe(11);
      await expect(store.prune({ eventsOlderThan: 1, batchSize: 0 })).rejects.toThrow(/batchSize = 0/);
    });

    it('refuses a backup file that is cut short, or is not a backup at all', async () => {
      const source = await stores.open();
      await source.appendEvent({ time: T0, type: 'x', payload: 1 });
      const target = await stores.open();
      await expect(restoreStore(join(sqliteDir, 'nowhere.jsonl'), target)).rejects.toThrow(/backup file .*nowhere\.jsonl cannot be read/);
      const notBackup = backupFile('txt');
      writeFileSync(notBackup, 'hello\n');
      await expect(restoreStore(notBackup, target)).rejects.toThrow(/not a bybot store backup/);
      const cut = backupFile('jsonl');
      writeFileSync(cut, `${JSON.stringify({ format: 'bybot-store-backup', formatVersion: 1, schemaVersion: 1, source: 'x', createdAt: T0 })}\n${JSON.stringify({ table: 'events', row: { seq: 1, time: T0, type: 'x', correlation_id: null, payload: '1' } })}\n`);
      await expect(restoreStore(cut, target)).rejects.toThrow(/incomplete/);
      expect((await target.counts()).events).toBe(0);
    });
  });
});
