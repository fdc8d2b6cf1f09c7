// Writing the report: the complete file or nothing, never a partial report or a stray temporary file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BacktestResult } from '../result.js';
import { buildFixture } from './test-support/fixture.js';
import { writeHtmlReport } from './write.js';

const result = buildFixture({ candles: 'synthetic', syntheticCount: 600, trades: 6 }).result;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bybot-write-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('writeHtmlReport', () => {
  it('writes the whole report, creating the folder, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'deep', 'er', 'report.html');
    writeHtmlReport(path, result);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['report.html']);
  });

  it('keeps the previous file when rendering fails', () => {
    const dir = tempDir();
    const path = join(dir, 'report.html');
    writeFileSync(path, 'previous');
    const broken = { ...result, metrics: undefined } as unknown as BacktestResult;
    expect(() => writeHtmlReport(path, broken)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir();
    const path = join(dir, 'report.html');
    mkdirSync(join(path, 'occupied'), { recursive: true });
    expect(() => writeHtmlReport(path, result)).toThrow();
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readdirSync(path)).toEqual(['occupied']);
  });
});
