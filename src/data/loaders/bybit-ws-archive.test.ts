import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../test-support/shared-data.js';
import { loadBybitWsArchive } from './bybit-ws-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-ws-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Bybit WS archives of mixed topics', () => {
  const sample = sharedDataPath('bybit-ws/solusdt-sample-messages.jsonl');
  it.skipIf(!sample)('reads the order book messages and the public trades of the SOLUSDT sample', () => {
    const archive = loadBybitWsArchive(sample!);
    expect(archive.book.map((m) => [m.kind, m.updateId])).toEqual([['snapshot', 27618816], ['delta', 27618817]]);
    expect(archive.trades[0]).toEqual({ symbol: 'SOLUSDT', time: 1790398534646, price: 120.65, size: 34, side: 'buy', id: 'a11350c6-eb47-5471-9f6f-9698f08fd040' });
    expect(archive.trades).toHaveLength(2);
    expect(archive.skipped).toEqual({});
  });

  it('counts other topics and names the line of a broken trade', () => {
    const ok = join(dir, 'ok.jsonl');
    writeFileSync(ok, `${JSON.stringify({ topic: 'tickers.SOLUSDT', data: {} })}\n`);
    expect(loadBybitWsArchive(ok).skipped).toEqual({ 'tickers.SOLUSDT': 1 });
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ topic: 'tickers.SOLUSDT', data: {} })}\n${JSON.stringify({ topic: 'publicTrade.SOLUSDT', data: [{ T: 1, s: 'SOLUSDT', S: 'Up', v: '1', p: '2', i: 'x' }] })}\n`);
    expect(() => loadBybitWsArchive(bad)).toThrow(/bad\.jsonl:2: publicTrade message: data\[0\]\.S is invalid: "Up"/);
  });
});
