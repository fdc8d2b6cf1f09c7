import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../data/test-support/shared-data.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-bt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const candles = sharedDataPath('candles');

async function bybot(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(['--data-dir', join(dir, 'data'), ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!candles)('bybot backtest', () => {
  const base = ['backtest', '--strategy', 'sma-cross', '--symbol', 'SOLUSDT', '--timeframe', '5m'];

  it('runs sma-cross on a folder of real history and writes JSON and a report', async () => {
    const json = join(dir, 'out', 'result.json');
    const report = join(dir, 'out', 'report.html');
    const result = await bybot(...base, '--data', candles!, '--from', '2025-05-01', '--to', '2025-05-31', '--params', 'fast=10,slow=30,size=5', '--json', json, '--report', report);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/sma-cross on SOLUSDT 5m: 2025-05-01T00:00Z → 2025-06-01T00:00Z, 8928 candles/);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.metrics).toEqual(expect.objectContaining({ trades: expect.any(Number), netProfit: expect.any(Number), netProfitPct: expect.any(Number), sharpe: expect.any(Number), sortino: expect.any(Number), maxDrawdownPct: expect.any(Number), winRate: expect.any(Number), expectancy: expect.any(Number) }));
    expect(parsed.candles).toBe(8928);
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.equity.time).toHaveLength(8928);
    expect(parsed.equity.equity).toHaveLength(8928);
    expect(parsed.equity.time[0]).toBe(parsed.period.start);
    expect(parsed.prices.close).toHaveLength(8928);
    expect(parsed.elapsedMs).toBeGreaterThan(0);
    expect(parsed.trades[0]).toEqual(expect.objectContaining({ side: 'long', entryTime: expect.any(Number), exitTime: expect.any(Number), entryPrice: expect.any(Number), exitPrice: expect.any(Number), quantity: 5, fees: expect.any(Number), funding: expect.any(Number), pnl: expect.any(Number), exitReason: expect.any(String) }));
    expect(readFileSync(report, 'utf8')).toContain('id="bybot-data"');
  });

  it('runs donchian-breakout (1h context, TP ladder) on 5m with 1m detail, latency and a touch fill rule', async () => {
    const json = join(dir, 'out', 'donchian.json');
    // Binance's 1m SOLUSDT, aggregated to 5m for the main series and used as it is for the detail.
    const oneMinute = join(candles!, 'binance-spot_SOLUSDT_1m_2025-01-01_2025-01-21.csv');
    const result = await bybot('backtest', '--strategy', 'donchian-breakout', '--symbol', 'SOLUSDT', '--timeframe', '5m', '--data', oneMinute, '--detail', oneMinute, '--risk', '--latency', '1500', '--limit-fill', 'touch', '--slippage', '2bps', '--json', json);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.trades.length).toBeGreaterThan(3);
    expect(new Set(parsed.trades.map((t: { exitReason: string }) => t.exitReason))).toContain('take-profit');
    expect(parsed.risk).toEqual(expect.objectContaining({ denied: expect.any(Number), byRule: expect.any(Object), strategyErrors: 0, stateChanges: expect.any(Array) }));
    expect(result.out).toMatch(/risk engine refused \d+ entries/);
  });

  it('lookahead-check finds nothing for sma-cross', async () => {
    const result = await bybot('lookahead-check', '--strategy', 'sma-cross', '--symbol', 'SOLUSDT', '--timeframe', '5m', '--data', candles!, '--from', '2025-05-01', '--to', '2025-05-10', '--cuts', '3');
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/^4 runs, \d+ signals compared: no lookahead found$/) });
    expect((await bybot('lookahead-check', '--strategy', 'sma-cross', '--symbol', 'SOLUSDT', '--timeframe', '5m', '--data', candles!, '--cuts', '0')).code).toBe(2);
  });

  it('refuses bad input with one clear line, exit code 2 and no files', async () => {
    const out = join(dir, 'bad');
    const files = ['--json', join(out, 'r.json'), '--report', join(out, 'r.html')];
    const cases: Array<[string[], string]> = [
      [['backtest', '--strategy', 'moon', '--symbol', 'SOLUSDT', '--timeframe', '5m', '--data', candles!], '--strategy: unknown strategy "moon"'],
      [[...base, '--data', candles!, '--params', 'fast=0'], 'fast = 0'],
      [[...base, '--data', candles!, '--params', 'speed=3'], 'unknown parameter(s) speed'],
      [[...base, '--data', candles!, '--fees', '5,5'], '--fees: "5,5" is not "taker,maker" in percent'],
      [[...base, '--data', candles!, '--slippage', 'lots'], '--slippage "lots"'],
      [[...base, '--data', candles!, '--from', '2025-05-02', '--to', '2025-05-01'], '--from "2025-05-02" is not before --to "2025-05-01"'],
      [[...base, '--data', candles!, '--from', '2025-05-01', '--to', '2025-05-02', '--detail', join(candles!, 'binance-spot_SOLUSDT_1m_2025-01-01_2025-01-21.csv')], '--detail: '],
      [[...base], 'no SOLUSDT 5m history in'],
      [[...base, '--data', candles!, '--latency', '-5'], '--latency: -5 must be milliseconds from 0 to 60000'],
      [[...base, '--data', candles!, '--limit-fill', 'sometimes'], '--limit-fill: "sometimes" is not through, touch or ticks:<n>'],
      [['backtest', '--strategy', 'donchian-breakout', '--symbol', 'SOLUSDT', '--timeframe', '5m', '--data', candles!, '--params', 'trendTimeframe=3m'], 'whole multiple of 5m'],
    ];
    for (const [args, message] of cases) {
      const result = await bybot(...args, ...files);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
