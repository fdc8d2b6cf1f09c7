// Data figures of `npm run bench`: CSV and cache load rates, aggregation rate — printed and saved to bench/results/data.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateSeries } from '../src/data/aggregate.js';
import { loadCandleFile } from '../src/data/load-history.js';
import { detectCandleFormat, parseCandles } from '../src/data/loaders/candle-formats.js';
import { generateCsv } from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedCandles = resolve(repoRoot, '..', 'shared', 'data', 'candles');
const SOL_5M = join(sharedCandles, 'bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: number;
  readonly rows: number;
  readonly bestMs: number;
  readonly medianMs: number;
}

/** Runs `fn` `runs` times after `warmup` runs; returns best and median wall time in ms. */
function time(fn: () => void, runs: number, warmup = 3): { bestMs: number; medianMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { bestMs: samples[0]!, medianMs: samples[samples.length >> 1]! };
}

function figure(name: string, rows: number, t: { bestMs: number; medianMs: number }, target?: number): Figure {
  // Rates are from the median run: a fair figure, not the luckiest one.
  const value = Math.round(rows / (t.medianMs / 1000));
  return { name, value, unit: 'rows/s', rows, ...t, ...(target === undefined ? {} : { target }) };
}

const figures: Figure[] = [];
const work = mkdtempSync(join(tmpdir(), 'bybot-bench-'));
try {
  try {
    const bytes = readFileSync(SOL_5M);
    const rows = parseCandles(bytes, SOL_5M, 'canonical').series.length;
    figures.push(figure('csv parse: SOLUSDT 5m (largest real file, in memory)', rows, time(() => parseCandles(bytes, SOL_5M, detectCandleFormat(bytes, SOL_5M)), 30), 3_000_000));
    figures.push(figure('csv load: SOLUSDT 5m (read file + parse)', rows, time(() => loadCandleFile(SOL_5M), 30), 3_000_000));
  } catch (error) {
    console.warn(`skipping the real-file figure: ${SOL_5M} unreadable (${(error as Error).message})`);
  }

  const ROWS = 1_000_000;
  const csvPath = join(work, 'generated_1m.csv');
  writeFileSync(csvPath, generateCsv(ROWS));
  const cacheDir = join(work, 'cache');
  figures.push(figure('csv load: generated 1,000,000 rows (read file + parse)', ROWS, time(() => loadCandleFile(csvPath), 7, 1), 3_000_000));
  loadCandleFile(csvPath, { cacheDir }); // fills the cache
  figures.push(figure('binary cache load: generated 1,000,000 rows', ROWS, time(() => {
    const loaded = loadCandleFile(csvPath, { cacheDir });
    if (!loaded.fromCache) throw new Error('cache miss in the cache benchmark');
  }, 15), 50_000_000));

  const minutes = loadCandleFile(csvPath, { cacheDir }).series;
  figures.push({ ...figure('aggregate 1,000,000 1m candles to 5m', ROWS, time(() => aggregateSeries(minutes, 60_000, 300_000), 15), 20_000_000), unit: 'candles/s' });
  figures.push({ ...figure('aggregate 1,000,000 1m candles to 1h', ROWS, time(() => aggregateSeries(minutes, 60_000, 3_600_000), 15), 20_000_000), unit: 'candles/s' });
} finally {
  rmSync(work, { recursive: true, force: true });
}

for (const f of figures) {
  const verdict = f.target === undefined ? '' : f.value >= f.target ? `  (target ≥ ${f.target.toLocaleString('en')}: met)` : `  (target ≥ ${f.target.toLocaleString('en')}: MISSED)`;
  console.log(`${f.name.padEnd(58)} ${f.value.toLocaleString('en').padStart(14)} ${f.unit}  median ${f.medianMs.toFixed(2)} ms${verdict}`);
}
const out = resolve(repoRoot, 'bench', 'results', 'data.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, figures }, null, 2)}\n`);
console.log(`written to ${out}`);
