// The storage layer's public entry point: open a store, back it up, restore it; everything else is internal.
export { backupStore, type BackupReport } from './backup.js';
export { KyselyStore, type KyselyStoreOptions } from './kysely-store.js';
export type { MigrationReport } from './migrate.js';
export { SCHEMA_VERSION } from './migrations.js';
export { openStore, type StoreConfig } from './open-store.js';
export { redactUrl } from './postgres.js';
export { describeCounts, restoreStore, totalRows, type RestoreOptions, type RestoreReport } from './restore.js';
export { TABLES, type Dialect, type TableCounts, type TableName } from './schema.js';
