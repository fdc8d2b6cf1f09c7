import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../data/history-store.js';
import { loadCandleFile } from '../data/load-history.js';
import { sharedDataPath } from '../data/test-support/shared-data.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bybot(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--data-dir', join(dir, 'data'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const solPath = sharedDataPath('candles/bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');

describe('bybot data', () => {
  it.skipIf(!solPath)('info reports span, rows, gaps and price range of real history', async () => {
    const { code, out } = await bybot('data', 'info', solPath!);
    expect(code).toBe(0);
    expect(out).toContain('rows        54432');
    expect(out).toContain('span        2025-09-24T00:00Z → 2026-03-31T23:55Z');
    expect(out).toContain('gaps        0');
    expect(out).toMatch(/price range 67\.31 – 237\.75/);
    const json = JSON.parse((await bybot('data', 'info', solPath!, '--json')).out);
    expect(json).toMatchObject({ kind: 'candles', symbol: 'SOLUSDT', timeframe: '5m', rows: 54432, gaps: 0, fromCache: true });
  });

  it('validate --json prints one object per finding and exits 1 when a file is rejected', async () => {
    const bad = join(dir, 'bybit-linear_SOLUSDT_5m_bad.csv');
    writeFileSync(bad, ['timestamp,open,high,low,close,volume', '1714521600000,126.7,127.06,126.56,126.64,30', '1714521900000,126.64,126.5,126.5,126.8,12', '1714522800000,126.8,127,126.7,126.9,5', ''].join('\n'));
    const { code, out } = await bybot('data', 'validate', bad, '--json');
    expect(code).toBe(1);
    const findings = out.split('\n').map((line) => JSON.parse(line));
    expect(findings).toEqual([
      expect.objectContaining({ check: 'ohlc', timestamp: 1714521900000, value: 126.5, severity: 'error', action: 'reject' }),
      expect.objectContaining({ check: 'gap', timestamp: 1714522200000, value: 2, severity: 'warning', action: 'warn' }),
    ]);
    const human = await bybot('data', 'validate', bad);
    expect(human.out).toMatch(/REJECTED .*bad\.csv/);
    expect(human.out).toContain('1 file(s) checked: 0 accepted, 1 rejected');
  });

  it('validate --max-age rejects history whose last candle is too old', async () => {
    const old = join(dir, 'bybit-linear_SOLUSDT_5m_old.csv');
    writeFileSync(old, 'timestamp,open,high,low,close,volume\n1714521600000,126.7,127.06,126.56,126.64,30\n');
    const { code, out } = await bybot('data', 'validate', old, '--json', '--max-age', '10m');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ check: 'stale', timestamp: 1714521600000, severity: 'error', action: 'reject' });
    expect((await bybot('data', 'validate', old, '--max-age', 'soon')).err).toContain('--max-age: "soon" is not a duration');
  });

  it('validate turns a malformed file into one clear line and exit code 2', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'timestamp,open,high,low,close,volume\n1,2,3,4,5\n');
    const { code, err } = await bybot('data', 'validate', broken);
    expect(code).toBe(2);
    expect(err).toBe(`bybot: ${broken}:2: expected 6 fields (timestamp,open,high,low,close,volume), found 5`);
  });

  it.skipIf(!sharedDataPath('.'))('validate accepts every file in ../shared/data', async () => {
    const { code, out } = await bybot('data', 'validate', sharedDataPath('.')!);
    expect(out).toMatch(/25 file\(s\) checked: 25 accepted, 0 rejected/);
    expect(code).toBe(0);
  });

  it.skipIf(!solPath)('export writes cached history back as canonical CSV, byte for byte', async () => {
    const source = loadCandleFile(solPath!);
    new HistoryStore(join(dir, 'data', 'history')).mergeCandles('SOLUSDT', '5m', source.series);
    const out = join(dir, 'export', 'sol.csv');
    const { code } = await bybot('data', 'export', '--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2025-10-01', '--to', '2025-10-02', '--out', out);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 * 288);
    const original = readFileSync(solPath!, 'utf8').split('\n');
    const start = original.findIndex((l) => l.startsWith(String(Date.UTC(2025, 9, 1))));
    expect(lines.slice(1)).toEqual(original.slice(start, start + 576));
    const listed = await bybot('data', 'list');
    expect(listed.out).toMatch(/bybit-linear\s+SOLUSDT\s+5m\s+54432/);
  });

  it('export names what is wrong with its arguments', async () => {
    const out = join(dir, 'never.csv');
    const cases: Array<[string[], string]> = [
      [['--symbol', 'SOLUSDT', '--interval', '7m', '--from', '2025-01-01', '--to', '2025-01-02'], '--interval: unknown timeframe "7m"'],
      [['--symbol', 'SOLUSDT', '--interval', '5m', '--from', '2025-02-01', '--to', '2025-01-02'], '--from "2025-02-01" is not before --to "2025-01-02"'],
      [['--symbol', 'DOGEUSDT', '--interval', '5m', '--from', '2025-01-01', '--to', '2025-01-02'], 'no cached 5m history for DOGEUSDT'],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await bybot('data', 'export', ...args, '--out', out);
      expect(code).toBe(2);
      expect(err).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('rejects unknown commands and options with exit code 2', async () => {
    expect((await bybot('data', 'frobnicate')).code).toBe(2);
    expect((await bybot('data', 'info')).code).toBe(2);
    const missing = await bybot('data', 'info', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('nope.csv: no such file') });
  });
});
