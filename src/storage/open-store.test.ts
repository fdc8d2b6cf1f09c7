// Opening: SQLite's durability settings, and clear errors for a path that cannot be opened or a server that is not there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, TransientError } from '../core/errors.js';
import { backupStore } from './backup.js';
import { KyselyStore } from './kysely-store.js';
import { openStore } from './open-store.js';
import { restoreStore } from './restore.js';
import { redactUrl } from './postgres.js';
import { sqliteDir } from './test-support/dialects.js';

describe('openStore', () => {
  it('opens SQLite in WAL mode with synchronous=FULL, creating the folder', async () => {
    const file = join(sqliteDir, 'nested', 'deeper', 'bybot.sqlite');
    const store = await openStore({ kind: 'sqlite', file });
    try {
      expect(store.label).toBe(file);
      expect(store.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await store.close();
      await store.close();
    }
  });

  it('backs up a SQLite store built without its native connection as JSON lines', async () => {
    const opened = await openStore({ kind: 'sqlite', file: join(sqliteDir, 'by-hand.sqlite') });
    const byHand = new KyselyStore(opened.db, 'sqlite');
    await byHand.appendEvent({ time: 1, type: 'x', payload: { a: 1 } });
    const backup = await backupStore(byHand, join(sqliteDir, 'by-hand.jsonl'));
    expect(backup).toMatchObject({ format: 'jsonl', counts: { events: 1, orders: 0 } });
    const target = await openStore({ kind: 'sqlite', file: join(sqliteDir, 'by-hand-restored.sqlite') });
    expect((await restoreStore(backup.file, target)).counts.events).toBe(1);
    await Promise.all([byHand.close(), target.close()]);
  });

  it('names the path of a SQLite file that cannot be opened', async () => {
    const blocker = join(sqliteDir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const under = join(blocker, 'bybot.sqlite');
    await expect(openStore({ kind: 'sqlite', file: under })).rejects.toThrow(InputError);
    await expect(openStore({ kind: 'sqlite', file: under })).rejects.toThrow(`storage file ${under}: cannot create its folder`);
    const text = join(sqliteDir, 'notes.sqlite');
    writeFileSync(text, 'these are notes, not a database '.repeat(200));
    await expect(openStore({ kind: 'sqlite', file: text })).rejects.toThrow(`storage file ${text} cannot be opened as a SQLite database: file is not a database`);
    const folder = join(sqliteDir, 'a-folder.sqlite');
    mkdirSync(folder);
    await expect(openStore({ kind: 'sqlite', file: folder })).rejects.toThrow(new RegExp(`storage file ${folder} cannot be opened`));
  });

  it('reports a PostgreSQL server that does not answer as transient, without the password', async () => {
    const attempt = openStore({ kind: 'postgres', url: 'postgres://bybot:s3cret@127.0.0.1:1/bybot' });
    await expect(attempt).rejects.toThrow(TransientError);
    await expect(attempt).rejects.toThrow(/database postgres:\/\/bybot:\*\*\*@127\.0\.0\.1:1\/bybot: .*ECONNREFUSED/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  it('refuses a URL that is not PostgreSQL, and a schema name that is not an identifier', async () => {
    await expect(openStore({ kind: 'postgres', url: 'mysql://x@127.0.0.1/db' })).rejects.toThrow(/storage\.url = "mysql:\/\/x@127\.0\.0\.1\/db": expected postgres:\/\//);
    await expect(openStore({ kind: 'postgres', url: 'postgres://x@127.0.0.1:1/db', schema: 'a;drop' })).rejects.toThrow(/storage\.schema = "a;drop"/);
  });

  it('redacts only the password of a URL', () => {
    expect(redactUrl('postgres://u:p@h:5432/d?sslmode=require')).toBe('postgres://u:***@h:5432/d?sslmode=require');
    expect(redactUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
  });
});
