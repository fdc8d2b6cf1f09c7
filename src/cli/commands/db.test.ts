// `bybot db migrate | backup | restore | prune` end to end on every dialect, through registerDbCommands on a fresh program.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { openStore, type StoreConfig } from '../../storage/index.js';
import { sqliteDir, STORE_DIALECTS } from '../../storage/test-support/dialects.js';
import { fill, orderState, T0 } from '../../storage/test-support/fixtures.js';
import { registerDbCommands } from './db.js';

let files = 0;

/** A config file whose `storage` section points at `config`. */
function configFile(config: StoreConfig): string {
  const path = join(sqliteDir, `config-${++files}.json`);
  writeFileSync(path, JSON.stringify({ dataDir: join(sqliteDir, `data-${files}`), storage: config }));
  return path;
}

/** Runs `bybot <args>` with only the db commands, mapping errors to exit codes as src/cli/program.ts run() does. */
async function bybot(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const program = new Command('bybot').option('--config <file>').option('--data-dir <dir>').exitOverride();
  program.configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerDbCommands(program, io);
  program.commands.forEach(function exit(c: Command): void {
    c.exitOverride();
    c.commands.forEach(exit);
  });
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof InputError) (code = 2), err.push(`bybot: ${error.message}`);
    else throw error;
  }
  return { code, out, err, text: [...out, ...err].join('\n') };
}

describe.each(STORE_DIALECTS)('bybot db on $name', (dialect) => {
  describe.skipIf(dialect.skip !== undefined)('on fresh databases', () => {
    it('migrates, backs up, restores (refusing a non-empty target without --force) and prunes', async () => {
      const source = await dialect.freshConfig();
      const sourceConfig = configFile(source);
      const migrated = await bybot(['--config', sourceConfig, 'db', 'migrate']);
      expect(migrated).toMatchObject({ code: 0, err: [] });
      expect(migrated.out).toEqual([expect.stringMatching(/^database .+: schema version 1 \(was 0; applied 0001_initial\)$/)]);
      expect((await bybot(['--config', sourceConfig, 'db', 'migrate'])).out[0]).toMatch(/\(was 1; already up to date\)$/);

      const store = await openStore(source);
      await store.recordOrder(orderState('a'));
      await store.recordFill(fill('e1'));
      for (let i = 0; i < 5; i++) await store.appendEvent({ time: T0 + i, type: 'x', payload: { i } });
      await store.recordEquity({ time: T0, equity: 1, balance: 1 });
      await store.close();

      const file = join(sqliteDir, `cli-backup-${files}.${dialect.name}`);
      const backup = await bybot(['--config', sourceConfig, 'db', 'backup', file]);
      expect(backup).toMatchObject({ code: 0, err: [] });
      expect(backup.out[0]).toMatch(new RegExp(`^backed up .+ to ${file.replace(/[.]/g, '\\.')} \\((sqlite|jsonl)\\): 8 rows \\(orders 1, executions 1, equity_snapshots 1, events 5\\)$`));

      const targetConfig = configFile(await dialect.freshConfig());
      const restored = await bybot(['--config', targetConfig, 'db', 'restore', file]);
      expect(restored).toMatchObject({ code: 0, err: [] });
      expect(restored.out[0]).toMatch(/^restored .+ into .+: 8 rows \(orders 1, executions 1, equity_snapshots 1, events 5\)$/);
      const again = await bybot(['--config', targetConfig, 'db', 'restore', file]);
      expect(again.code).toBe(2);
      expect(again.err[0]).toMatch(/is not empty \(orders 1, executions 1, equity_snapshots 1, events 5\); .*--force/);
      const forced = await bybot(['--config', targetConfig, 'db', 'restore', file, '--force']);
      expect(forced.out[0]).toMatch(/: 8 rows .*, replacing 8 rows$/);

      const pruned = await bybot(['--config', targetConfig, 'db', 'prune', '--keep-days', '0']);
      expect(pruned).toMatchObject({ code: 0, err: [] });
      expect(pruned.out[0]).toMatch(/^pruned .+: 1 equity snapshots before \d{4}-.+, 5 events before \d{4}-/);
      expect((await bybot(['--config', targetConfig, 'db', 'prune'])).out[0]).toMatch(/: 0 equity snapshots before .+, 0 events before/);
    });
  });
});

describe('bybot db errors', () => {
  it.each([
    [['db', 'prune', '--keep-days', 'soon'], '--keep-days: "soon" is not a number of days'],
    [['db', 'backup', join(sqliteDir, 'no', 'such', 'folder', 'x.sqlite')], 'its folder does not exist'],
    [['db', 'restore', join(sqliteDir, 'missing.jsonl')], 'missing.jsonl cannot be read'],
  ])('%j exits 2, saying %s', async (args, message) => {
    const result = await bybot(['--data-dir', join(sqliteDir, 'errors'), ...args]);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain(message);
  });

  it('--paper works on the paper account\'s own store, beside the live one', async () => {
    const data = join(sqliteDir, 'paper-data');
    const paper = await bybot(['--data-dir', data, 'db', 'migrate', '--paper']);
    expect(paper).toMatchObject({ code: 0, err: [] });
    expect(paper.out[0]).toContain(`database ${join(data, 'bybot-paper.sqlite')}: schema version 1`);
    const live = await bybot(['--data-dir', data, 'db', 'prune', '--keep-days', '1']);
    expect(live.out[0]).toContain(`pruned ${join(data, 'bybot.sqlite')}:`);
    expect((await bybot(['--data-dir', data, 'db', 'prune', '--paper'])).out[0]).toContain(`pruned ${join(data, 'bybot-paper.sqlite')}:`);
  });

  it('names a database file that cannot be opened', async () => {
    const blocker = join(sqliteDir, 'blocker');
    writeFileSync(blocker, 'x');
    const result = await bybot(['--data-dir', blocker, 'db', 'migrate']);
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain(`storage file ${join(blocker, 'bybot.sqlite')}: cannot create its folder`);
  });
});
