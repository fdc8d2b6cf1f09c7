// Composition of the store from the configuration, and the jobs behind `bybot db`: migrate, back up, restore, prune.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import { systemClock, type Clock } from '../core/clock.js';
import { describeValue, InputError } from '../core/errors.js';
import type { PruneResult } from '../ports/store.js';
import {
  backupStore,
  openStore,
  restoreStore,
  type BackupReport,
  type KyselyStore,
  type MigrationReport,
  type RestoreReport,
  type StoreConfig,
} from '../storage/index.js';

export { describeCounts, totalRows } from '../storage/index.js';

const DAY_MS = 86_400_000;

/**
 * The store the configuration names: `storage.file` (a relative path taken from the config file's
 * folder, or the working folder), `<dataDir>/bybot.sqlite` when unset; or PostgreSQL at `storage.url`.
 */
export function storeConfigOf(loaded: LoadedConfig, cwd: string = process.cwd()): StoreConfig {
  const storage = loaded.config.storage;
  if (storage.kind === 'postgres') {
    if (!storage.url) throw new InputError('storage.url: required when storage.kind is postgres');
    return { kind: 'postgres', url: storage.url, ...(storage.schema ? { schema: storage.schema } : {}) };
  }
  const base = loaded.file ? dirname(loaded.file) : cwd;
  const file = storage.file === undefined ? join(loaded.dataDir, 'bybot.sqlite') : isAbsolute(storage.file) ? storage.file : resolve(base, storage.file);
  return { kind: 'sqlite', file };
}

/** Which account's records: the exchange account's (live) or the simulated paper account's. */
export type StoreBook = 'live' | 'paper';

/** The suffix that names the paper account's SQLite file and PostgreSQL schema. */
const PAPER = 'paper';

/**
 * The configuration with `storage` pointed at the paper account's own store: paper runs keep their
 * orders, positions and trades apart, so a live start never restores (and reconciles away) what a
 * paper run left open, nor a paper run what live holds. SQLite: `bybot-paper.sqlite` beside the live
 * file (`<file>-paper.sqlite` for a configured `<file>.sqlite`); PostgreSQL: schema `<schema>_paper`
 * (`paper` when no schema is set).
 */
export function storageFor(loaded: LoadedConfig, book: StoreBook): LoadedConfig {
  if (book === 'live') return loaded;
  const storage = loaded.config.storage;
  if (storage.kind === 'postgres') {
    const schema = storage.schema === undefined ? PAPER : `${storage.schema}_${PAPER}`;
    if (schema.length > 63) throw new InputError(`storage.schema: ${describeValue(storage.schema)} is too long to name its paper schema ${schema} (at most 63 characters; keep the schema to 57)`);
    return { ...loaded, config: { ...loaded.config, storage: { ...storage, schema } } };
  }
  const file = storage.file === undefined ? join(loaded.dataDir, `bybot-${PAPER}.sqlite`) : storage.file.replace(/(\.[^./\\]*)?$/, (ext) => `-${PAPER}${ext}`);
  return { ...loaded, config: { ...loaded.config, storage: { ...storage, file } } };
}

/** Opens (and migrates) the configured store, runs `use`, and closes it whatever happens. */
export async function withStore<T>(loaded: LoadedConfig, use: (store: KyselyStore) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfigOf(loaded));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export interface Labelled {
  /** The database: its path, or its URL without the password. */
  readonly database: string;
}

export function migrateStorage(loaded: LoadedConfig): Promise<MigrationReport & Labelled> {
  return withStore(loaded, async (store) => ({ database: store.label, ...store.migration! }));
}

export function backupStorage(loaded: LoadedConfig, file: string, clock: Clock = systemClock): Promise<BackupReport & Labelled> {
  return withStore(loaded, async (store) => ({ database: store.label, ...(await backupStore(store, file, clock)) }));
}

export function restoreStorage(loaded: LoadedConfig, file: string, force: boolean): Promise<RestoreReport> {
  return withStore(loaded, (store) => restoreStore(file, store, { force }));
}

export interface PruneSummary extends Labelled, PruneResult {
  /** The cut-offs used (ms): rows older than these were deleted. */
  readonly equityBefore: number;
  readonly eventsBefore: number;
}

/** `--keep-days`: a whole number of days, 0 or more. */
export function parseKeepDays(text: string): number {
  const days = /^\d{1,6}$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isInteger(days)) throw new InputError(`--keep-days: ${describeValue(text)} is not a number of days; expected a whole number, 0 or more`);
  return days;
}

/** Deletes equity snapshots and events older than the configured retention (or `keepDays` for both). */
export function pruneStorage(loaded: LoadedConfig, keepDays?: number, clock: Clock = systemClock): Promise<PruneSummary> {
  const { equityDays, eventDays } = loaded.config.storage.retention;
  const now = clock.now();
  const equityBefore = now - (keepDays ?? equityDays) * DAY_MS;
  const eventsBefore = now - (keepDays ?? eventDays) * DAY_MS;
  return withStore(loaded, async (store) => ({
    database: store.label,
    equityBefore,
    eventsBefore,
    ...(await store.prune({ equitySnapshotsOlderThan: equityBefore, eventsOlderThan: eventsBefore })),
  }));
}
