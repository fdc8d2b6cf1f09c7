// Backtest figures of `npm run bench`: sma-cross (10/30) over 1,000,000 1m candles end to end (load, run, metrics), from CSV and from the cache.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../src/core/clock.js';
import { loadCandleFile } from '../src/data/load-history.js';
import { SOLUSDT_DEFAULT } from '../src/domain/instrument.js';
import { runBacktest } from '../src/backtest/runner.js';
import { findStrategy } from '../src/strategy/registry.js';
import { BYBIT_DEFAULT_FEES, NO_SLIPPAGE } from '../src/venues/sim/costs.js';
import { SimVenue } from '../src/venues/sim/sim-venue.js';
import { generateCsv } from './support.js';

const ROWS = 1_000_000;
const work = mkdtempSync(join(tmpdir(), 'bybot-bench-bt-'));
const csv = join(work, 'SOLUSDT-1m-generated.csv');
writeFileSync(csv, generateCsv(ROWS));
const cacheDir = join(work, 'cache');

function endToEnd(useCache: boolean): { ms: number; trades: number } {
  const start = performance.now();
  const { series } = loadCandleFile(csv, useCache ? { cacheDir } : {});
  const clock = new ManualClock(series.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 100_000, clock, fees: BYBIT_DEFAULT_FEES, slippage: NO_SLIPPAGE });
  const result = runBacktest({
    symbol: 'SOLUSDT',
    timeframe: '1m',
    history: { candles: series, funding: undefined, sources: [csv] },
    instrument: SOLUSDT_DEFAULT,
    strategy: findStrategy('sma-cross'),
    params: { fast: 10, slow: 30, size: 1 },
    venue,
    clock,
    settings: { initialEquity: 100_000, takerFee: BYBIT_DEFAULT_FEES.taker, makerFee: BYBIT_DEFAULT_FEES.maker, slippage: 'none' },
  });
  return { ms: performance.now() - start, trades: result.trades.length };
}

try {
  loadCandleFile(csv, { cacheDir }); // fill the cache
  const fromCsv = endToEnd(false);
  const fromCache = endToEnd(true);
  const again = endToEnd(true);
  const best = Math.min(fromCache.ms, again.ms);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const figures = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model,
    candles: ROWS,
    trades: fromCsv.trades,
    fromCsv: { ms: fromCsv.ms, candlesPerSecond: Math.round(ROWS / (fromCsv.ms / 1000)), target: 2_000_000 },
    fromCache: { ms: best, candlesPerSecond: Math.round(ROWS / (best / 1000)), target: 5_000_000 },
    peakRssMb: Math.round(peakRssMb),
  };
  console.log(`sma-cross 10/30 over ${ROWS.toLocaleString('en')} 1m candles (${fromCsv.trades} trades), load + run + metrics:`);
  console.log(`  from CSV:   ${fromCsv.ms.toFixed(0)} ms = ${figures.fromCsv.candlesPerSecond.toLocaleString('en')} candles/s (target ≥ 2,000,000: ${figures.fromCsv.candlesPerSecond >= 2e6 ? 'met' : 'MISSED'})`);
  console.log(`  from cache: ${best.toFixed(0)} ms = ${figures.fromCache.candlesPerSecond.toLocaleString('en')} candles/s (target ≥ 5,000,000: ${figures.fromCache.candlesPerSecond >= 5e6 ? 'met' : 'MISSED'})`);
  console.log(`  peak memory (RSS): ${figures.peakRssMb} MB`);
  const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'backtest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`written to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
