// Rolling files: lines reach the directory, files roll at the size limit, old ones go, close() flushes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './create-logger.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bybot-roll-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function logLines(dir: string): Record<string, unknown>[] {
  // pino-roll numbers files <name>.<n>.log; read them in order.
  const files = readdirSync(dir).sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2)));
  return files.flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
}

describe('file logging', () => {
  it('rolls at maxSize and keeps every line, in order, once closed', async () => {
    const dir = tempDir();
    const log = createLogger({ stdout: false, file: { dir, maxSize: '1k', keep: 1000 } });
    // Spread over event-loop turns, as a running bot logs: pino-roll rolls between asynchronous writes.
    for (let i = 0; i < 200; i++) {
      log.info('filler line to grow the file', { i, pad: 'x'.repeat(40) });
      if (i % 10 === 9) await log.flush();
    }
    await log.close();
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) expect(name).toMatch(/^bybot\.\d+\.log$/);
    expect(logLines(dir).map((r) => r.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('keeps only the newest files', async () => {
    const dir = tempDir();
    const log = createLogger({ stdout: false, file: { dir, name: 'app', maxSize: '1k', keep: 3 } });
    for (let i = 0; i < 200; i++) {
      log.info('filler line to grow the file', { i, pad: 'x'.repeat(40) });
      if (i % 10 === 9) await log.flush();
    }
    await log.close();
    // Old files are removed just after a roll, in the background; the file being opened may not be counted yet.
    await vi.waitFor(() => expect(readdirSync(dir).length).toBeLessThanOrEqual(4));
    expect(logLines(dir).at(-1)?.i).toBe(199);
  });

  it('names daily files by date and writes lines logged before the file opened', async () => {
    const dir = tempDir();
    const log = createLogger({ stdout: false, file: { dir: join(dir, 'nested', 'logs'), frequency: 'daily' } });
    log.warn('first line, before the file is open');
    await log.close();
    const [name, ...rest] = readdirSync(join(dir, 'nested', 'logs'));
    expect(rest).toEqual([]);
    expect(name).toMatch(/^bybot\.\d{4}-\d{2}-\d{2}\.1\.log$/);
    expect(readFileSync(join(dir, 'nested', 'logs', name!), 'utf8')).toContain('first line');
  });

  it('reports a file that cannot be opened and keeps logging to stdout', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), 'not a directory');
    const errors: Error[] = [];
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (t: string) => lines.push(t) }, pretty: false, file: { dir: join(dir, 'taken'), maxSize: '1m' }, onError: (err) => errors.push(err) });
    log.info('still here');
    await log.close();
    expect(errors).toHaveLength(1);
    expect(lines).toHaveLength(1);
  });
});
