// Indicator figures of `npm run bench`: streaming ns/update and batch time against trading-signals and
// technicalindicators on the same 1,000,000 bars in one run, and the p99 of a full feature set per new candle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as TI from 'technicalindicators';
import * as TS from 'trading-signals';
import { seededRandom } from '../src/core/random.js';
import { batch, OutputPool, resolveParams, type Bar, type BarColumns } from '../src/indicators/contract.js';
import { CCI } from '../src/indicators/momentum/cci.js';
import { CMF } from '../src/indicators/momentum/cmf.js';
import { MFI } from '../src/indicators/momentum/mfi.js';
import { OBV } from '../src/indicators/momentum/obv.js';
import { ROC } from '../src/indicators/momentum/roc.js';
import { RSI } from '../src/indicators/momentum/rsi.js';
import { Stochastic } from '../src/indicators/momentum/stochastic.js';
import { WilliamsR } from '../src/indicators/momentum/williams-r.js';
import { ADX } from '../src/indicators/trend/adx.js';
import { DEMA, TEMA } from '../src/indicators/trend/dema.js';
import { EMA, RMA } from '../src/indicators/trend/ema.js';
import { HMA } from '../src/indicators/trend/hma.js';
import { MACD } from '../src/indicators/trend/macd.js';
import { PSAR } from '../src/indicators/trend/psar.js';
import { SMA } from '../src/indicators/trend/sma.js';
import { Supertrend } from '../src/indicators/trend/supertrend.js';
import { VWMA } from '../src/indicators/trend/vwma.js';
import { WMA } from '../src/indicators/trend/wma.js';
import { ATR, TR } from '../src/indicators/volatility/atr.js';
import { BollingerBands } from '../src/indicators/volatility/bollinger.js';
import { DonchianChannels } from '../src/indicators/volatility/donchian.js';
import { KeltnerChannels } from '../src/indicators/volatility/keltner.js';
import { NATR } from '../src/indicators/volatility/natr.js';
import { ALL_SPECS } from '../src/runtime/indicator-table.js';
import { stealLine, stealMeter } from './support.js';

const N = 1_000_000;
const WARMUP = 100_000;

/** A seeded random walk: the same 1,000,000 bars for every library. */
function makeBars(n: number): Bar[] {
  const random = seededRandom(2024);
  const bars: Bar[] = [];
  let price = 150;
  for (let i = 0; i < n; i++) {
    const open = price;
    const close = Math.max(1, open + (random.next() - 0.5) * 0.6);
    const high = Math.max(open, close) + random.next() * 0.2;
    const low = Math.min(open, close) - random.next() * 0.2;
    bars.push({ time: Date.UTC(2020, 0, 1) + i * 60_000, open, high, low, close, volume: 100 + random.next() * 5000 });
    price = close;
  }
  return bars;
}

interface Streamer {
  add?(x: unknown): unknown;
  nextValue?(x: unknown): unknown;
}

interface Case {
  readonly name: string;
  readonly input: 'close' | 'bar';
  readonly ours: () => Streamer;
  readonly ts?: () => Streamer;
  readonly ti?: () => Streamer;
  /** technicalindicators' batch function over plain arrays. */
  readonly tiBatch?: (a: PlainColumns) => unknown;
  /** Our registry name and parameters for the batch form. */
  readonly spec?: readonly [string, number[]];
  /** How many times faster than trading-signals the issue asks for (1 = at least as fast). */
  readonly vsTs?: number;
}

interface PlainColumns {
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

const cases: Case[] = [
  { name: 'sma', input: 'close', ours: () => new SMA(20), ts: () => new TS.SMA(20), ti: () => new TI.SMA({ period: 20, values: [] }), tiBatch: (a) => TI.SMA.calculate({ period: 20, values: a.close }), spec: ['sma', [20]] },
  { name: 'ema', input: 'close', ours: () => new EMA(20), ts: () => new TS.EMA(20), ti: () => new TI.EMA({ period: 20, values: [] }), tiBatch: (a) => TI.EMA.calculate({ period: 20, values: a.close }), spec: ['ema', [20]] },
  { name: 'wma', input: 'close', ours: () => new WMA(20), ts: () => new TS.WMA(20), ti: () => new TI.WMA({ period: 20, values: [] }), tiBatch: (a) => TI.WMA.calculate({ period: 20, values: a.close }), spec: ['wma', [20]] },
  { name: 'rma', input: 'close', ours: () => new RMA(14), ts: () => new TS.WSMA(14), ti: () => new TI.WEMA({ period: 14, values: [] }), tiBatch: (a) => TI.WEMA.calculate({ period: 14, values: a.close }), spec: ['rma', [14]] },
  { name: 'dema', input: 'close', ours: () => new DEMA(20), ts: () => new TS.DEMA(20), spec: ['dema', [20]] },
  { name: 'tema', input: 'close', ours: () => new TEMA(20), ts: () => new TS.TEMA(20), spec: ['tema', [20]] },
  { name: 'hma', input: 'close', ours: () => new HMA(9), ts: () => new TS.HMA(9), spec: ['hma', [9]] },
  { name: 'vwma', input: 'bar', ours: () => new VWMA(20), ts: () => new TS.VWMA(20), spec: ['vwma', [20]] },
  {
    name: 'macd', input: 'close', ours: () => new MACD(12, 26, 9), ts: () => new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9)),
    ti: () => new TI.MACD({ values: [], fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }),
    tiBatch: (a) => TI.MACD.calculate({ values: a.close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }), spec: ['macd', [12, 26, 9]],
  },
  { name: 'adx', input: 'bar', ours: () => new ADX(14), ts: () => new TS.ADX(14), ti: () => new TI.ADX({ period: 14, high: [], low: [], close: [] }), tiBatch: (a) => TI.ADX.calculate({ period: 14, high: a.high, low: a.low, close: a.close }), spec: ['adx', [14]], vsTs: 3 },
  { name: 'psar', input: 'bar', ours: () => new PSAR(0.02, 0.2), ts: () => new TS.PSAR({ accelerationStep: 0.02, accelerationMax: 0.2 }), ti: () => new TI.PSAR({ step: 0.02, max: 0.2, high: [], low: [] }), tiBatch: (a) => TI.PSAR.calculate({ step: 0.02, max: 0.2, high: a.high, low: a.low }), spec: ['psar', [0.02, 0.2]] },
  { name: 'supertrend', input: 'bar', ours: () => new Supertrend(10, 3), ts: () => new TS.SuperTrend({ interval: 10, multiplier: 3 }), spec: ['supertrend', [10, 3]] },
  { name: 'rsi', input: 'close', ours: () => new RSI(14), ts: () => new TS.RSI(14), ti: () => new TI.RSI({ period: 14, values: [] }), tiBatch: (a) => TI.RSI.calculate({ period: 14, values: a.close }), spec: ['rsi', [14]], vsTs: 3 },
  { name: 'stoch', input: 'bar', ours: () => new Stochastic(14, 3, 3), ts: () => new TS.StochasticOscillator({ kPeriod: 14, kSlowingPeriod: 3, dPeriod: 3 }), ti: () => new TI.Stochastic({ period: 14, signalPeriod: 3, high: [], low: [], close: [] }), tiBatch: (a) => TI.Stochastic.calculate({ period: 14, signalPeriod: 3, high: a.high, low: a.low, close: a.close }), spec: ['stoch', [14, 3, 3]] },
  { name: 'mfi', input: 'bar', ours: () => new MFI(14), ts: () => new TS.MFI(14), ti: () => new TI.MFI({ period: 14, high: [], low: [], close: [], volume: [] }), tiBatch: (a) => TI.MFI.calculate({ period: 14, high: a.high, low: a.low, close: a.close, volume: a.volume }), spec: ['mfi', [14]] },
  { name: 'roc', input: 'close', ours: () => new ROC(12), ts: () => new TS.ROC(12), ti: () => new TI.ROC({ period: 12, values: [] }), tiBatch: (a) => TI.ROC.calculate({ period: 12, values: a.close }), spec: ['roc', [12]] },
  { name: 'willr', input: 'bar', ours: () => new WilliamsR(14), ts: () => new TS.WilliamsR(14), ti: () => new TI.WilliamsR({ period: 14, high: [], low: [], close: [] }), tiBatch: (a) => TI.WilliamsR.calculate({ period: 14, high: a.high, low: a.low, close: a.close }), spec: ['willr', [14]] },
  { name: 'cci', input: 'bar', ours: () => new CCI(20), ts: () => new TS.CCI(20), ti: () => new TI.CCI({ period: 20, high: [], low: [], close: [] }), tiBatch: (a) => TI.CCI.calculate({ period: 20, high: a.high, low: a.low, close: a.close }), spec: ['cci', [20]] },
  { name: 'cmf', input: 'bar', ours: () => new CMF(20), ts: () => new TS.CMF(20), spec: ['cmf', [20]] },
  { name: 'obv', input: 'bar', ours: () => new OBV(), ts: () => new TS.OBV(2), ti: () => new TI.OBV({ close: [], volume: [] }), tiBatch: (a) => TI.OBV.calculate({ close: a.close, volume: a.volume }), spec: ['obv', []] },
  { name: 'tr', input: 'bar', ours: () => new TR(), ts: () => new TS.TR(), ti: () => new TI.TrueRange({ high: [], low: [], close: [] }), tiBatch: (a) => TI.TrueRange.calculate({ high: a.high, low: a.low, close: a.close }), spec: ['tr', []] },
  { name: 'atr', input: 'bar', ours: () => new ATR(14), ts: () => new TS.ATR(14), ti: () => new TI.ATR({ period: 14, high: [], low: [], close: [] }), tiBatch: (a) => TI.ATR.calculate({ period: 14, high: a.high, low: a.low, close: a.close }), spec: ['atr', [14]], vsTs: 3 },
  { name: 'natr', input: 'bar', ours: () => new NATR(14), ts: () => new TS.NATR(14), spec: ['natr', [14]] },
  { name: 'bb', input: 'close', ours: () => new BollingerBands(20, 2), ts: () => new TS.BollingerBands(20, 2), ti: () => new TI.BollingerBands({ period: 20, stdDev: 2, values: [] }), tiBatch: (a) => TI.BollingerBands.calculate({ period: 20, stdDev: 2, values: a.close }), spec: ['bb', [20, 2]], vsTs: 3 },
  { name: 'keltner', input: 'bar', ours: () => new KeltnerChannels(20, 10, 2), ts: () => new TS.KeltnerChannels({ emaInterval: 20, atrInterval: 10, multiplier: 2 }), ti: () => new TI.KeltnerChannels({ maPeriod: 20, atrPeriod: 10, multiplier: 2, useSMA: false, high: [], low: [], close: [] }), tiBatch: (a) => TI.KeltnerChannels.calculate({ maPeriod: 20, atrPeriod: 10, multiplier: 2, useSMA: false, high: a.high, low: a.low, close: a.close }), spec: ['keltner', [20, 10, 2]] },
  { name: 'donchian', input: 'bar', ours: () => new DonchianChannels(20), ts: () => new TS.DonchianChannels(20), spec: ['donchian', [20]] },
];

let loopId = 0;
/**
 * A loop compiled once per measurement so every call site stays monomorphic (fair to every library).
 * The source differs each time: V8 caches `new Function` by source text, and a shared loop would
 * see every indicator's class and go megamorphic.
 */
function compileLoop(method: 'add' | 'nextValue'): (ind: Streamer, xs: readonly unknown[], from: number, to: number) => void {
  return new Function('ind', 'xs', 'from', 'to', `// loop ${loopId++}\nfor (let i = from; i < to; i++) ind.${method}(xs[i]);`) as never;
}

/** Calls fn at least once and until ms milliseconds have passed. */
function repeatFor(ms: number, fn: () => unknown): void {
  const end = performance.now() + ms;
  do fn();
  while (performance.now() < end);
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Every figure is the best of this many timed runs, the libraries taking turns run by run. */
const RUNS = 5;
/**
 * Untimed warm-up before every timed run, the same for every library. V8 optimises on a background
 * thread; on a busy two-core machine that can take longer than a fixed warm-up of 100,000 updates,
 * and the timed run would then start in unoptimised code.
 */
const WARMUP_MS = 40;

/**
 * Best of RUNS for each measurement, taken in turns (run 1 of each, then run 2 of each, ...), so that
 * a busy moment of the machine falls on every library alike rather than on whichever ran then.
 */
function bestInTurns<K extends string>(measurements: Partial<Record<K, () => number>>): Partial<Record<K, number>> {
  const entries = Object.entries(measurements).filter((e): e is [K, () => number] => e[1] !== undefined);
  const best = Object.fromEntries(entries.map(([name]) => [name, Infinity])) as Record<K, number>;
  for (let run = 0; run < RUNS; run++) for (const [name, measure] of entries) best[name] = Math.min(best[name], measure());
  return best;
}

/**
 * One timed streaming run: a fresh loop warmed up on a throwaway instance, then a fresh instance fed
 * the first WARMUP inputs untimed and timed over the rest, in ns per update.
 */
function nsPerUpdate(make: () => Streamer, method: 'add' | 'nextValue', inputs: readonly unknown[]): number {
  gc();
  const loop = compileLoop(method);
  // No gc from here on: it would throw the optimised code away and time the interpreter. One throwaway
  // instance goes on through the inputs (from the start again at the end): many instances would turn
  // call sites polymorphic in a library that makes closures per instance.
  const warm = make();
  let from = 0;
  repeatFor(WARMUP_MS, () => {
    loop(warm, inputs, from, from + WARMUP);
    from = from + 2 * WARMUP > inputs.length ? 0 : from + WARMUP;
  });
  const indicator = make();
  loop(indicator, inputs, 0, WARMUP);
  const start = process.hrtime.bigint();
  loop(indicator, inputs, WARMUP, inputs.length);
  return Number(process.hrtime.bigint() - start) / (inputs.length - WARMUP);
}

/**
 * One timed batch call, in ms, on a collected heap (the call was warmed up before). Without the
 * collection, the outputs of the call before are still unreclaimed garbage when the next one
 * allocates, so a fresh 8 MB output comes from new pages of the OS (first-touch faults, ~2.7 ms) or
 * not, and a collection of earlier garbage lands inside the timed call or not, depending on what ran
 * before: noise, not the cost of the call.
 */
function msOf(fn: () => unknown): number {
  gc();
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const bars = makeBars(N);
const closes = bars.map((b) => b.close);
const plain: PlainColumns = { high: bars.map((b) => b.high), low: bars.map((b) => b.low), close: closes, volume: bars.map((b) => b.volume) };
/**
 * The bars as columns, built by a class rather than an object literal: a literal with Bar's keys in
 * Bar's order shares the bars' hidden classes in V8, and its typed arrays would turn the bars' number
 * fields into generic (boxed) ones, unlike the number fields of candles a parser or a feed builds,
 * which is what the streaming figures are about.
 */
class Columns implements BarColumns {
  readonly time = Float64Array.from(bars, (b) => b.time);
  readonly open = Float64Array.from(bars, (b) => b.open);
  readonly high = Float64Array.from(plain.high);
  readonly low = Float64Array.from(plain.low);
  readonly close = Float64Array.from(closes);
  readonly volume = Float64Array.from(plain.volume);
}
const columns: BarColumns = new Columns();

interface Row {
  name: string;
  oursNs: number;
  tsNs?: number;
  tiNs?: number;
  oursBatchMs?: number;
  /** Into output arrays reused from the previous run (as an optimiser does): no first-touch page faults. */
  oursBatchReusedMs?: number;
  tiBatchMs?: number;
  verdicts: string[];
}

/** One row's figures: each library's streaming in turns, then the batch forms, and the verdicts. */
function measureRow(c: Case): Row {
  const inputs = c.input === 'close' ? closes : bars;
  const { ts, ti, tiBatch } = c;
  const streaming = bestInTurns({
    ours: () => nsPerUpdate(c.ours, 'add', inputs),
    ts: ts && (() => nsPerUpdate(ts, 'add', inputs)),
    ti: ti && (() => nsPerUpdate(ti, 'nextValue', inputs)),
  });
  const row: Row = { name: c.name, oursNs: streaming.ours!, verdicts: [] };
  if (streaming.ts !== undefined) row.tsNs = streaming.ts;
  if (streaming.ti !== undefined) row.tiNs = streaming.ti;
  const spec = c.spec && ALL_SPECS.find((s) => s.name === c.spec![0])!;
  if (spec || tiBatch) {
    const params = spec && resolveParams(spec, c.spec![1]);
    const pool = new OutputPool();
    const fresh = spec && (() => batch(spec, params!, columns));
    const reused = spec && (() => pool.release(batch(spec, params!, columns, pool)));
    const theirs = tiBatch && (() => tiBatch(plain));
    for (const call of [fresh, reused, theirs]) if (call) repeatFor(WARMUP_MS, call);
    const batches = bestInTurns({ fresh: fresh && (() => msOf(fresh)), reused: reused && (() => msOf(reused)), ti: theirs && (() => msOf(theirs)) });
    if (batches.fresh !== undefined) row.oursBatchMs = batches.fresh;
    if (batches.reused !== undefined) row.oursBatchReusedMs = batches.reused;
    if (batches.ti !== undefined) row.tiBatchMs = batches.ti;
  }
  const need = c.vsTs ?? 1;
  if (row.tsNs !== undefined) row.verdicts.push(row.tsNs / row.oursNs >= need ? `vs trading-signals ≥${need}×: met` : `vs trading-signals ≥${need}×: MISSED`);
  if (row.tiNs !== undefined) row.verdicts.push(row.tiNs / row.oursNs >= 2 ? 'vs technicalindicators ≥2×: met' : 'vs technicalindicators ≥2×: MISSED');
  if (row.tiBatchMs !== undefined) {
    row.verdicts.push(row.tiBatchMs / row.oursBatchMs! >= 10 ? 'batch ≥10×: met' : 'batch ≥10×: MISSED');
    row.verdicts.push(row.tiBatchMs / row.oursBatchReusedMs! >= 10 ? 'batch into reused outputs ≥10×: met' : 'batch into reused outputs ≥10×: MISSED');
  }
  return row;
}

/** `--row <name>`: this process is a child measuring that one row; it prints the row as JSON. */
const ROW_ARG = '--row';
const rowArg = process.argv.indexOf(ROW_ARG);
if (rowArg !== -1) {
  const name = process.argv[rowArg + 1];
  const c = cases.find((k) => k.name === name);
  if (!c) throw new Error(`${ROW_ARG}: unknown indicator ${name}`);
  process.stdout.write(JSON.stringify(measureRow(c)));
  process.exit(0);
}

// Indicator names as arguments (or BENCH_ONLY=a,b) run those rows alone; only a full run writes the JSON.
const only = [...process.argv.slice(2), ...(process.env.BENCH_ONLY?.split(',') ?? [])].filter((name) => name !== '');
const unknown = only.filter((name) => !cases.some((c) => c.name === name));
if (unknown.length > 0) throw new Error(`unknown indicator(s) ${unknown.join(', ')}; known: ${cases.map((c) => c.name).join(', ')}`);
const rows: Row[] = [];
const steal = stealMeter();
for (const c of cases.filter((k) => only.length === 0 || only.includes(k.name))) {
  // Every row in a process of its own: what one row leaves in V8 (call sites of a library shared by
  // its indicators turned polymorphic, its batch functions' own objects seen by its streaming code)
  // must not weigh on the next row's figures, for any library.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ROW_ARG, c.name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench row ${c.name}: the child process ended with ${child.status ?? child.signal}`);
  const row = JSON.parse(child.stdout) as Row;
  rows.push(row);
  const f = (v: number | undefined, unit: string) => (v === undefined ? '-'.padStart(9) : `${v.toFixed(1).padStart(7)}${unit}`);
  console.log(`${c.name.padEnd(11)} ours ${f(row.oursNs, 'ns')}  trading-signals ${f(row.tsNs, 'ns')}  technicalindicators ${f(row.tiNs, 'ns')}  | batch 1M: ours ${f(row.oursBatchMs, 'ms')} (reused ${f(row.oursBatchReusedMs, 'ms')}) ti ${f(row.tiBatchMs, 'ms')}  ${row.verdicts.join('; ')}`);
}

// A full feature set for one symbol, updated on one new candle: the live engine's per-candle cost.
const FEATURE_SET: Array<[string, number[]]> = [
  ['ribbon', []], ['rsi', [14]], ['atr', [14]], ['adx', [14]], ['bb', [20, 2]], ['keltner', []], ['vwap', []], ['volz', []], ['supertrend', [10, 3]], ['structure', []],
];
const readers = FEATURE_SET.map(([name, params]) => {
  const spec = ALL_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`feature set: ${name} is not registered`);
  return { reader: spec.create(resolveParams(spec, params)), out: new Float64Array(spec.outputs.length) };
});
const samples = new Float64Array(200_000);
const FEATURE_WARMUP = 20_000;
for (let i = 0; i < FEATURE_WARMUP + samples.length; i++) {
  const bar = bars[i]!;
  const start = process.hrtime.bigint();
  for (const { reader, out } of readers) {
    reader.addBar(bar);
    reader.read(out);
  }
  const elapsed = Number(process.hrtime.bigint() - start);
  if (i >= FEATURE_WARMUP) samples[i - FEATURE_WARMUP] = elapsed;
}
samples.sort();
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]! / 1000;
const featureSet = { indicators: FEATURE_SET.map(([n]) => n), updates: samples.length, p50Us: pct(0.5), p99Us: pct(0.99), p999Us: pct(0.999), maxUs: samples[samples.length - 1]! / 1000, targetP99Us: 20 };
console.log(`feature set (${featureSet.indicators.join(', ')}) per new candle: p50 ${featureSet.p50Us.toFixed(2)} µs, p99 ${featureSet.p99Us.toFixed(2)} µs, p99.9 ${featureSet.p999Us.toFixed(2)} µs, max ${featureSet.maxUs.toFixed(1)} µs (target p99 ≤ 20 µs: ${featureSet.p99Us <= 20 ? 'met' : 'MISSED'})`);

const stealPct = steal();
console.log(stealLine(stealPct));
const missed = rows.flatMap((r) => r.verdicts.filter((v) => v.endsWith('MISSED')).map((v) => `${r.name}: ${v}`));
console.log(missed.length === 0 ? 'all indicator targets met' : `targets missed:\n  ${missed.join('\n  ')}`);
const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'indicators.json');
if (only.length > 0) {
  console.log(`${out} left as it is: this run measured only ${only.join(', ')}`);
} else {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, ...(stealPct === undefined ? {} : { stealPct }), values: N, rows, featureSet, missed }, null, 2)}\n`);
  console.log(`written to ${out}`);
}
