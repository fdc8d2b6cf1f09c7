// Strategy figures of `npm run bench`: each registered strategy's evaluation cost per candle (p50, p99 in µs) on real SOLUSDT 5m history.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../src/core/clock.js';
import { loadCandleFile } from '../src/data/load-history.js';
import { SOLUSDT_DEFAULT } from '../src/domain/instrument.js';
import { runBacktest } from '../src/backtest/runner.js';
import type { Strategy, StrategyDefinition } from '../src/strategy/api.js';
import { findStrategy, resolveStrategyParams, strategyNames } from '../src/strategy/registry.js';
import { BYBIT_DEFAULT_FEES } from '../src/venues/sim/costs.js';
import { SimVenue } from '../src/venues/sim/sim-venue.js';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '..', '..', '..', 'shared', 'data', 'candles');
const SOL = resolve(shared, 'bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31.csv');
const BTC = resolve(shared, 'bybit-linear_BTCUSDT_5m_2025-09-24_2026-03-31.csv');

/** Wraps onCandle to time every call with the high-resolution clock. */
function timed(inner: Strategy, samples: number[]): Strategy {
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key !== 'onCandle') return Reflect.get(target, key, receiver);
      return (ctx: Parameters<Strategy['onCandle']>[0]) => {
        const start = process.hrtime.bigint();
        const intents = target.onCandle(ctx);
        samples.push(Number(process.hrtime.bigint() - start) / 1000);
        return intents;
      };
    },
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function measure(definition: StrategyDefinition, candles: ReturnType<typeof loadCandleFile>['series'], btc: ReturnType<typeof loadCandleFile>['series']) {
  const samples: number[] = [];
  const params = resolveStrategyParams(definition, {});
  const measured: StrategyDefinition = { ...definition, create: (p) => timed(definition.create(p as never), samples) };
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, fees: BYBIT_DEFAULT_FEES, leverage: 3 });
  const result = runBacktest({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    history: { candles, funding: undefined, sources: [SOL] },
    instrument: SOLUSDT_DEFAULT,
    strategy: measured,
    params,
    venue,
    clock,
    context: [{ symbol: 'BTCUSDT', timeframe: '5m', candles: btc }],
    settings: { initialEquity: 10_000, takerFee: BYBIT_DEFAULT_FEES.taker, makerFee: BYBIT_DEFAULT_FEES.maker, slippage: 'none' },
  });
  const sorted = samples.slice(Math.min(1000, samples.length >> 2)).sort((a, b) => a - b); // past warm-up and JIT
  return { candles: samples.length, trades: result.trades.length, p50Us: percentile(sorted, 50), p99Us: percentile(sorted, 99) };
}

const candles = loadCandleFile(SOL).series;
const btc = loadCandleFile(BTC).series;
const rows = strategyNames().map((name) => ({ name, ...measure(findStrategy(name), candles, btc) }));
console.log(`strategy evaluation cost per 5m candle on ${candles.length.toLocaleString('en')} real SOLUSDT candles (onCandle, µs):`);
for (const r of rows) console.log(`  ${r.name.padEnd(20)} p50 ${r.p50Us.toFixed(2).padStart(7)}  p99 ${r.p99Us.toFixed(2).padStart(7)}  (${r.trades} trades)`);
const out = resolve(here, '..', '..', 'bench', 'results', 'strategies.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, data: 'bybit-linear_SOLUSDT_5m_2025-09-24_2026-03-31', rows }, null, 2)}\n`);
console.log(`written to ${out}`);
