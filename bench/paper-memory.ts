// Paper-run memory figure of `npm run bench`: an accelerated paper session on a 1m replay with orderbook.50 from the local exchange; resident memory growth after warm-up (< 5 %) and the peak — printed and saved to bench/results/paper-memory.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/core/clock.js';
import { SOLUSDT_DEFAULT } from '../src/domain/instrument.js';
import { RiskEngine } from '../src/risk/index.js';
import { paperSession } from '../src/runtime/trading/compose.js';
import { findStrategy, resolveStrategyParams } from '../src/strategy/registry.js';
import { SOL, startTestExchange } from '../src/venues/bybit-server/test-support/fixtures.js';
import { urlEndpoints } from '../src/venues/bybit/client/endpoints.js';
import { walkCandles } from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Market time replayed, and how much faster than real time: an hour in a minute by default. */
const HOURS = Number(process.env['BYBOT_BENCH_PAPER_HOURS'] ?? 1);
const SPEED = Number(process.env['BYBOT_BENCH_PAPER_SPEED'] ?? 60);
const WARM_CANDLES = 600;
/** The first part of the run is warm-up (JIT, buffers, the windows filling): growth is measured after it. */
const WARMUP_SHARE = 0.2;
const TARGET_GROWTH_PCT = 5;

const history = walkCandles(WARM_CANDLES + HOURS * 60 + 30);
const local = await startTestExchange(history, { startTime: history[WARM_CANDLES]!.time });
const definition = findStrategy('sma-cross');
const candlesSeen: number[] = [];
const { session } = paperSession({
  runs: [{ strategy: definition, params: resolveStrategyParams(definition, { fast: 5, slow: 20, size: 1 }), timeframe: '1m', markets: [{ instrument: SOLUSDT_DEFAULT }] }],
  endpoints: urlEndpoints(local.url),
  initialEquity: 10_000,
  clock: systemClock,
  risk: () => new RiskEngine({}),
  onCandle: (_symbol, candle) => candlesSeen.push(candle.time),
});
await session.start();
let bookMessages = 0;
session.feed.onEvent((event) => {
  if (event.type === 'book') bookMessages += 1;
});
session.feed.subscribe(SOL, { book: 50 });

const wallMs = (HOURS * 3_600_000) / SPEED;
const samples: { t: number; rss: number }[] = [];
const started = performance.now();
const sampler = setInterval(() => samples.push({ t: performance.now() - started, rss: process.memoryUsage().rss }), 250);
local.play(SPEED);
await new Promise((resolve) => setTimeout(resolve, wallMs));
clearInterval(sampler);
local.pause();
await session.stop('bench over');
await local.close();

const afterWarmup = samples.filter((s) => s.t >= wallMs * WARMUP_SHARE);
const mean = (xs: readonly { rss: number }[]) => xs.reduce((sum, s) => sum + s.rss, 0) / xs.length;
// Growth compares the mean of the first and the last tenth after warm-up: single samples jump with GC.
const tenth = Math.max(1, Math.floor(afterWarmup.length / 10));
const early = mean(afterWarmup.slice(0, tenth));
const late = mean(afterWarmup.slice(-tenth));
const growthPct = ((late - early) / early) * 100;
const peakMb = Math.max(...samples.map((s) => s.rss)) / 2 ** 20;
const figure = {
  name: `paper run: ${HOURS} h of 1m candles at ${SPEED}× with orderbook.50`,
  marketHours: HOURS,
  speed: SPEED,
  wallSeconds: wallMs / 1000,
  candles: candlesSeen.length,
  bookMessages,
  trades: session.trades().length,
  rssAfterWarmupMb: Math.round((early / 2 ** 20) * 10) / 10,
  rssEndMb: Math.round((late / 2 ** 20) * 10) / 10,
  growthPct: Math.round(growthPct * 100) / 100,
  peakMb: Math.round(peakMb * 10) / 10,
  targetGrowthPct: TARGET_GROWTH_PCT,
  met: growthPct < TARGET_GROWTH_PCT,
};
const notes =
  'One process holds the local exchange (replaying a seeded 1m random walk, serving klines and orderbook.50 over WebSocket) and the paper session (BybitMarketData, LiveEngine with sma-cross and the risk engine, SimVenue). RSS is sampled every 250 ms; growth compares the mean of the first and last tenth of the samples after the first 20 % of the run. The exchange side keeps its own books (orders, executions), so its growth counts here too.';
console.log(`${figure.name}: ${figure.candles} candles, ${figure.bookMessages} book messages, ${figure.trades} trades; RSS ${figure.rssAfterWarmupMb} → ${figure.rssEndMb} MB (${figure.growthPct} %, target < ${TARGET_GROWTH_PCT} %: ${figure.met ? 'met' : 'MISSED'}), peak ${figure.peakMb} MB`);
const out = resolve(repoRoot, 'bench', 'results', 'paper-memory.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, notes, figures: [figure] }, null, 2)}\n`);
