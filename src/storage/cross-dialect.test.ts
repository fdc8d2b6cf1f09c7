// A backup made on one dialect restores into the other: SQLite file → PostgreSQL, PostgreSQL JSON lines → SQLite.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore } from './backup.js';
import type { KyselyStore } from './kysely-store.js';
import { restoreStore } from './restore.js';
import { sqliteDir, STORE_DIALECTS, storeOpener } from './test-support/dialects.js';
import { fill, orderState, signal, T0, trade } from './test-support/fixtures.js';

const [sqlite, postgres] = STORE_DIALECTS as [(typeof STORE_DIALECTS)[0], (typeof STORE_DIALECTS)[0]];

async function seed(store: KyselyStore): Promise<void> {
  await store.recordOrder(orderState('a', { status: 'PartiallyFilled', filledQty: 0.5, avgFillPrice: 150.25 }));
  await store.recordFill(fill('e1'));
  await store.recordTrade(trade({ risk: 3.5 }));
  await store.recordSignal(signal());
  await store.recordPosition({ symbol: 'SOLUSDT', size: 0.5, entryPrice: 150.25, takeProfit: 160, updatedTime: T0 });
  await store.recordEquity({ time: T0, equity: 10_000.5, balance: 10_000 });
  await store.recordRiskStateChange({ time: T0, from: 'ACTIVE', to: 'REDUCING', reason: 'drawdown', rule: 'drawdown', until: T0 + 1 });
  for (let i = 0; i < 3; i++) await store.appendEvent({ time: T0 + i, type: 'x', correlationId: 'c', payload: { i, price: 0.1 + 0.2 } });
}

describe.skipIf(postgres.skip !== undefined)('restoring across dialects', () => {
  const sqliteStores = storeOpener(sqlite);
  const pgStores = storeOpener(postgres);

  it.each([
    ['sqlite', 'postgres'],
    ['postgres', 'sqlite'],
  ] as const)('from %s into %s, with the same rows and recovery state', async (from, into) => {
    const source = await (from === 'sqlite' ? sqliteStores : pgStores).open();
    await seed(source);
    const backup = await backupStore(source, join(sqliteDir, `cross-${from}.bak`));
    const target = await (into === 'sqlite' ? sqliteStores : pgStores).open();
    const restored = await restoreStore(backup.file, target);
    expect(restored.counts).toEqual(await source.counts());
    expect(await target.loadRecovery()).toEqual(await source.loadRecovery());
    expect(await target.eventsSince(0)).toEqual(await source.eventsSince(0));
  });
});
