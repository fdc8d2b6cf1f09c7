// `bybot db`: migrate, back up, restore and prune the bot's database (SQLite file or PostgreSQL, from `storage` in the config).
import type { Command } from 'commander';
import { configFor } from '../context.js';
import { isoTime, type Output } from '../output.js';

/** The storage runtime (SQL drivers), loaded when a db command runs rather than at every start of bybot. */
const storage = () => import('../../runtime/store.js');

const PAPER_OPTION = ['--paper', "the paper account's store (bybot-paper.sqlite, or schema <schema>_paper) instead of the live one"] as const;

/** The configuration with `storage` pointed at the store the command's --paper chooses. */
async function configOf(command: Command) {
  const { storageFor } = await storage();
  return storageFor(configFor(command), (command.opts() as { paper?: boolean }).paper === true ? 'paper' : 'live');
}

export function registerDbCommands(program: Command, io: Output): void {
  const db = program
    .command('db')
    .description('the database of orders, fills, positions, trades, signals, equity and events (storage.kind sqlite: <data-dir>/bybot.sqlite by default; or postgres at storage.url); paper trading keeps its own (--paper)');

  db.command('migrate')
    .description('bring the database to the schema this bybot knows (also done whenever the bot opens it); refuses one a newer bybot has migrated')
    .option(...PAPER_OPTION)
    .action(async (_opts: unknown, command: Command) => {
      const { migrateStorage } = await storage();
      const report = await migrateStorage(await configOf(command));
      const done = report.applied.length === 0 ? 'already up to date' : `applied ${report.applied.join(', ')}`;
      io.out(`database ${report.database}: schema version ${report.to} (was ${report.from}; ${done})`);
    });

  db.command('backup <file>')
    .description('write a consistent copy while the bot may be running: a SQLite file (sqlite) or JSON lines (postgres), put in place atomically')
    .option(...PAPER_OPTION)
    .action(async (file: string, _opts: unknown, command: Command) => {
      const { backupStorage, describeCounts, totalRows } = await storage();
      const report = await backupStorage(await configOf(command), file);
      io.out(`backed up ${report.database} to ${report.file} (${report.format}): ${totalRows(report.counts)} rows (${describeCounts(report.counts)})`);
    });

  db.command('restore <file>')
    .description('restore a backup (either kind) into the configured database, all or nothing; it must be empty unless --force')
    .option(...PAPER_OPTION)
    .option('--force', 'replace everything the database holds')
    .action(async (file: string, opts: { force?: boolean }, command: Command) => {
      const { restoreStorage, describeCounts, totalRows } = await storage();
      const report = await restoreStorage(await configOf(command), file, opts.force === true);
      const replaced = report.replaced ? `, replacing ${totalRows(report.replaced)} rows` : '';
      io.out(`restored ${report.file} into ${report.target}: ${totalRows(report.counts)} rows (${describeCounts(report.counts)})${replaced}`);
    });

  db.command('prune')
    .description('delete equity snapshots and events older than storage.retention (equityDays, eventDays); orders, fills, positions, trades and signals stay')
    .option(...PAPER_OPTION)
    .option('--keep-days <n>', 'keep this many days of both instead of the configured retention')
    .action(async (opts: { keepDays?: string }, command: Command) => {
      const { pruneStorage, parseKeepDays } = await storage();
      const report = await pruneStorage(await configOf(command), opts.keepDays === undefined ? undefined : parseKeepDays(opts.keepDays));
      io.out(`pruned ${report.database}: ${report.equitySnapshots} equity snapshots before ${isoTime(report.equityBefore)}, ${report.events} events before ${isoTime(report.eventsBefore)}`);
    });
}
