// Backtest figures of `npm run bench`: sma-cross (10/30) over 1,000,000 1m candles end to end (load, run, metrics) from CSV and from the cache, its peak memory, and a realistic strategy over a year.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../src/core/clock.js';
import { aggregateSeries } from '../src/data/aggregate.js';
import { loadCandleFile } from '../src/data/load-history.js';
import { SOLUSDT_DEFAULT } from '../src/domain/instrument.js';
import { runBacktest } from '../src/backtest/runner.js';
import { findStrategy, resolveStrategyParams } from '../src/strategy/registry.js';
import { BYBIT_DEFAULT_FEES, NO_SLIPPAGE } from '../src/venues/sim/costs.js';
import { SimVenue } from '../src/venues/sim/sim-venue.js';
import { generateCsv, stealLine, stealMeter } from './support.js';

const ROWS = 1_000_000;
const PEAK_MEMORY = '--peak-memory';
const CACHE_RUNS = '--cache-runs';

/** Load (from CSV, or from the cache when `cacheDir` is given), run sma-cross 10/30, compute the metrics. */
function endToEnd(csv: string, cacheDir: string | undefined): { ms: number; trades: number } {
  const start = performance.now();
  const { series } = loadCandleFile(csv, cacheDir ? { cacheDir } : {});
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

/** donchian-breakout (1h trend filter, ATR stop, two-rung TP ladder, breakeven, time stop) over a year of 5m candles with 1m detail. */
function realisticYear(work: string): { ms: number; candles: number; detailCandles: number; trades: number; netProfitPct: number } {
  const yearCsv = join(work, 'SOLUSDT-1m-year.csv');
  writeFileSync(yearCsv, generateCsv(365 * 24 * 60));
  const { series: oneMinute } = loadCandleFile(yearCsv);
  const start = performance.now();
  const fiveMinute = aggregateSeries(oneMinute, 60_000, 300_000);
  const clock = new ManualClock(fiveMinute.columns.time[0]!);
  const fees = BYBIT_DEFAULT_FEES;
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, fees, slippage: { kind: 'fixed', bps: 2 } });
  const strategy = findStrategy('donchian-breakout');
  const result = runBacktest({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    history: { candles: fiveMinute, funding: undefined, sources: [yearCsv] },
    detail: oneMinute,
    instrument: SOLUSDT_DEFAULT,
    strategy,
    params: resolveStrategyParams(strategy, {}),
    venue,
    clock,
    settings: { initialEquity: 10_000, takerFee: fees.taker, makerFee: fees.maker, slippage: 'fixed 2 bps' },
  });
  return { ms: performance.now() - start, candles: fiveMinute.length, detailCandles: oneMinute.length, trades: result.trades.length, netProfitPct: result.metrics.netProfitPct };
}

/** Peak RSS of a process that only loads 1,000,000 candles from the cache and runs them (no CSV generation inside). */
function peakMemoryMb(csv: string, cacheDir: string): number {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), PEAK_MEMORY, csv, cacheDir], { encoding: 'utf8' });
  return Math.round(Number(out.trim()));
}

/**
 * The cache path timed in a process of its own, as an optimiser or a session of backtests runs it:
 * three untimed runs, then five timed. In the process that also ran the CSV path, V8 has tuned the
 * shared code for both and the cache path runs about 60 % slower; isolating it measures the path itself.
 */
function cacheRunsMs(csv: string, cacheDir: string): { first: number; runs: number[] } {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), CACHE_RUNS, csv, cacheDir], { encoding: 'utf8' });
  return JSON.parse(out.trim()) as { first: number; runs: number[] };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'bybot-bench-bt-'));
  const steal = stealMeter();
  try {
    const csv = join(work, 'SOLUSDT-1m-generated.csv');
    writeFileSync(csv, generateCsv(ROWS));
    const cacheDir = join(work, 'cache');
    loadCandleFile(csv, { cacheDir }); // fill the cache
    // Steady state, as a session of runs sees it: each path runs once untimed, then the best of three counts.
    endToEnd(csv, undefined);
    const fromCsv = [endToEnd(csv, undefined), endToEnd(csv, undefined), endToEnd(csv, undefined)].reduce((a, b) => (b.ms < a.ms ? b : a));
    // The cache path is what an optimiser repeats thousands of times: its figure is the steady state
    // in a process of its own — the median of five runs after three untimed ones; its first run is printed too.
    const isolated = cacheRunsMs(csv, cacheDir);
    const firstFromCache = isolated.first;
    const cacheRuns = isolated.runs.sort((a, b) => a - b);
    const best = cacheRuns[2]!;
    const peakRssMb = peakMemoryMb(csv, cacheDir);
    const year = realisticYear(work);
    const stealPct = steal();
    const figures = {
      date: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      ...(stealPct === undefined ? {} : { stealPct }),
      candles: ROWS,
      trades: fromCsv.trades,
      fromCsv: { ms: fromCsv.ms, candlesPerSecond: Math.round(ROWS / (fromCsv.ms / 1000)), target: 2_000_000 },
      fromCache: { ms: best, candlesPerSecond: Math.round(ROWS / (best / 1000)), target: 5_000_000, runsMs: cacheRuns.map((ms) => Math.round(ms)), firstRunMs: Math.round(firstFromCache) },
      peakRssMb,
      realisticYear: { strategy: 'donchian-breakout', ...year },
    };
    const verdict = (value: number, target: number): string => (value >= target ? 'met' : 'MISSED');
    console.log(`sma-cross 10/30 over ${ROWS.toLocaleString('en')} 1m candles (${fromCsv.trades} trades), load + run + metrics:`);
    console.log(`  from CSV:   ${fromCsv.ms.toFixed(0)} ms = ${figures.fromCsv.candlesPerSecond.toLocaleString('en')} candles/s (target ≥ 2,000,000: ${verdict(figures.fromCsv.candlesPerSecond, 2e6)})`);
    console.log(`  from cache: ${best.toFixed(0)} ms = ${figures.fromCache.candlesPerSecond.toLocaleString('en')} candles/s, median of ${cacheRuns.map((ms) => ms.toFixed(0)).join(' / ')} ms after three untimed runs in a process of its own (target ≥ 5,000,000: ${verdict(figures.fromCache.candlesPerSecond, 5e6)}); its first, cold run took ${firstFromCache.toFixed(0)} ms`);
    console.log(`  peak memory (RSS) of a process loading and running them: ${peakRssMb} MB`);
    console.log(
      `donchian-breakout over a year: ${year.candles.toLocaleString('en')} 5m candles with ${year.detailCandles.toLocaleString('en')} 1m detail candles, fees and 2 bps slippage: ${year.ms.toFixed(0)} ms (${year.trades} trades)`,
    );
    console.log(stealLine(stealPct));
    const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'backtest.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`written to ${out}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === PEAK_MEMORY) {
  endToEnd(process.argv[3]!, process.argv[4]!);
  console.log(process.resourceUsage().maxRSS / 1024);
} else if (process.argv[2] === CACHE_RUNS) {
  const [csv, cacheDir] = [process.argv[3]!, process.argv[4]!];
  const first = endToEnd(csv, cacheDir).ms;
  endToEnd(csv, cacheDir);
  endToEnd(csv, cacheDir);
  console.log(JSON.stringify({ first, runs: Array.from({ length: 5 }, () => endToEnd(csv, cacheDir).ms) }));
} else {
  main();
}
