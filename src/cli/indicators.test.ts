import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../data/test-support/shared-data.js';
import { RSI } from '../indicators/momentum/rsi.js';
import { loadCandleFile } from '../data/load-history.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-ind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sol = sharedDataPath('candles/bybit-linear_SOLUSDT_5m_2025-04-11_2025-08-10.csv');

async function bybot(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--data-dir', join(dir, 'data'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bybot indicators', () => {
  it.skipIf(!sol)('writes one row per candle with named columns, empty before warm-up, equal to the streaming indicator', async () => {
    const out = join(dir, 'ind.csv');
    const result = await bybot('indicators', '--data', sol!, '--ind', 'rsi:14,ema:20,atr,sma:5', '--out', out);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const candles = loadCandleFile(sol!).series.toArray();
    expect(lines).toHaveLength(candles.length + 1);
    expect(lines[0]).toBe('timestamp,rsi_14,ema_20,atr_14,sma_5');
    expect(lines[1]).toBe(`${candles[0]!.time},,,,`);
    const rsi = new RSI(14);
    candles.slice(0, 15).forEach((c) => rsi.add(c.close));
    const row15 = lines[15]!.split(',');
    expect(row15[0]).toBe(String(candles[14]!.time));
    expect(Number(row15[1])).toBe(rsi.value);
    expect(row15[2]).toBe('');
    expect(lines[21]!.split(',').every((v) => v !== '')).toBe(true);
  });

  it.skipIf(!sol)('names the columns of multi-output indicators and features with their output suffix', async () => {
    const result = await bybot('indicators', '--data', sol!, '--ind', 'bb:20:2,macd:12:26:9,swings');
    const [header, ...rows] = result.out.split('\n');
    expect(header).toBe(
      'timestamp,bb_20_2_upper,bb_20_2_middle,bb_20_2_lower,bb_20_2_bandwidth,bb_20_2_percentB,macd_12_26_9_macd,macd_12_26_9_signal,macd_12_26_9_hist,swings_3_3_lastSwingHigh,swings_3_3_lastSwingLow,swings_3_3_label',
    );
    const last = rows[rows.length - 1]!.split(',').map(Number);
    expect(last[1]! > last[2]! && last[2]! > last[3]!).toBe(true);
    expect(last[8]).toBeCloseTo(last[6]! - last[7]!, 12);
  });

  it.skipIf(!sol)('prints JSON lines with null before warm-up', async () => {
    const result = await bybot('indicators', '--data', sol!, '--ind', 'sma:3', '--json');
    const rows = result.out.split('\n').slice(0, 3).map((l) => JSON.parse(l));
    expect(rows[0]).toEqual({ timestamp: expect.any(Number), sma_3: null });
    const closes = loadCandleFile(sol!).series.columns.close;
    expect(rows[2]).toEqual({ timestamp: expect.any(Number), sma_3: (0 + closes[0]! + closes[1]! + closes[2]!) / 3 });
  });

  it('names an unknown indicator, a bad parameter and a missing option', async () => {
    const file = sol ?? join(dir, 'none.csv');
    const unknown = await bybot('indicators', '--data', file, '--ind', 'rsi:14,foo:3');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('--ind: unknown indicator "foo"; known: sma, ema') });
    const bad = await bybot('indicators', '--data', file, '--ind', 'rsi:0');
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--ind rsi:0: rsi: parameter period = 0 is invalid; expected an integer from 1 to 1000') });
    const text = await bybot('indicators', '--data', file, '--ind', 'ema:abc');
    expect(text.err).toContain('--ind ema:abc: parameter "abc" is not a number');
    const twice = await bybot('indicators', '--data', file, '--ind', 'ema:20,ema:20');
    expect(twice.err).toContain('column ema_20 is asked for twice');
    expect((await bybot('indicators', '--ind', 'rsi')).code).toBe(2);
  });

  it('lists every indicator with parameters and outputs', async () => {
    const { code, out } = await bybot('indicators', '--list');
    expect(code).toBe(0);
    expect(out).toMatch(/rsi\s+period=14\s+value/);
  });
});
