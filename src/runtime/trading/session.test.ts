// Paper and live sessions against the local exchange: signals become orders, orders fills, fills trades — and the trades equal a backtest over the same candles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock.js';
import { ManualClock } from '../../core/clock.js';
import { configSchema } from '../../config/schema.js';
import type { Candle } from '../../domain/candle.js';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import { runBacktestLoop } from '../../engine/backtest-loop.js';
import { series } from '../../engine/test-support/scripted.js';
import { OrderManager } from '../../execution/order-manager.js';
import { findStrategy, resolveStrategyParams } from '../../strategy/registry.js';
import { urlEndpoints } from '../../venues/bybit/client/endpoints.js';
import { waitFor } from '../../venues/bybit/venue/test-support/harness.js';
import { ApiCredentials } from '../../venues/bybit/sign.js';
import type { LocalExchange } from '../../venues/bybit-server/index.js';
import { BTC, BTCUSDT, SOL, startTestExchange, swing, TRADER } from '../../venues/bybit-server/test-support/fixtures.js';
import { SimVenue } from '../../venues/sim/sim-venue.js';
import { openStore } from '../../storage/index.js';
import { liveSession, paperSession, type SessionPlan } from './compose.js';
import type { Alert, TradingSession } from './session.js';

/** A wave with enough SMA(3)/SMA(8) crossings for several trades in 120 minutes. */
const HISTORY = swing(160);
const WARM = 20;
const STEPS = 100;
const definition = findStrategy('sma-cross');
const params = resolveStrategyParams(definition, { fast: 3, slow: 8, size: 1 });
/** Live entries carry a stop: the live venue never holds a position without one. */
const stopped = resolveStrategyParams(definition, { fast: 3, slow: 8, size: 1, stopPct: 20 });
const dir = mkdtempSync(join(tmpdir(), 'bybot-session-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

let local: LocalExchange | undefined;
let session: TradingSession | undefined;
let closeVenue: (() => void) | undefined;
afterEach(async () => {
  await session?.stop('test over');
  closeVenue?.();
  await local?.close();
  session = undefined;
  local = undefined;
  closeVenue = undefined;
});

function plan(alerts: Alert[], seen: Candle[], strategyParams: unknown = params): SessionPlan {
  return {
    runs: [{ strategy: definition, params: strategyParams, timeframe: '1m', markets: [{ instrument: SOLUSDT_DEFAULT }] }],
    endpoints: urlEndpoints(local!.url),
    initialEquity: 10_000,
    clock: systemClock,
    onAlert: (a) => alerts.push(a),
    onCandle: (_symbol, candle) => seen.push(candle),
  };
}

/** The same strategy over the same candles in the backtest loop (what is open at the end left out). */
function backtestOf(seen: readonly Candle[], strategyParams: unknown = params): RoundTrip[] {
  const clock = new ManualClock(seen[0]!.time);
  const all = [...HISTORY.slice(0, WARM), ...seen];
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
  const loop = runBacktestLoop({ symbol: SOL, timeframe: '1m', candles: series(all.map((c) => [c.open, c.high, c.low, c.close, c.volume] as const), 60_000, all[0]!.time), venue, initialEquity: 10_000, strategy: definition.create(strategyParams as never), orders: new OrderManager(venue, SOLUSDT_DEFAULT), clock });
  // The session warmed up on the first WARM candles without trading them: compare from its first live candle.
  const start = seen[0]!.time;
  expect(loop.trades.some((t) => t.entryTime < start && t.exitTime >= start), 'no backtest trade spans the start of the live run').toBe(false);
  return loop.trades.filter((t) => t.exitReason !== 'end of data' && t.entryTime >= start);
}

const shape = (t: RoundTrip) => [t.side, t.entryTime, t.exitTime, t.entryPrice, t.exitPrice, t.quantity];

/** Closes candles one by one, each once the session has taken the previous one and its orders have reached the venue. */
async function drive(seen: Candle[], settled: () => boolean): Promise<void> {
  for (let i = 0; i < STEPS; i++) {
    const before = seen.length;
    local!.advance(1);
    await waitFor(`candle ${i + 1}`, () => seen.length > before);
    await waitFor(`orders of candle ${i + 1}`, settled);
  }
}

/** A paper session of sma-cross on the local exchange, warmed up and subscribed to its candles. */
async function startedPaper(): Promise<{ alerts: Alert[]; seen: Candle[]; paper: TradingSession; exchange: LocalExchange }> {
  local = await startTestExchange(HISTORY);
  local.advance(WARM);
  const alerts: Alert[] = [];
  const seen: Candle[] = [];
  session = paperSession(plan(alerts, seen)).session;
  await session.start();
  await waitFor('the kline subscription', () => session!.feed.state === 'live' && local!.listens('kline', SOL));
  return { alerts, seen, paper: session, exchange: local };
}

/** A live session of sma-cross with `strategyParams` through BybitVenue on the local exchange, warmed up and subscribed to its candles. */
async function startedLive(strategyParams: unknown) {
  const exchange = await startTestExchange(HISTORY);
  local = exchange;
  exchange.advance(WARM);
  const alerts: Alert[] = [];
  const seen: Candle[] = [];
  const bybit = configSchema.parse({ bybit: { exchangeUrl: exchange.url } }).bybit;
  const live = await liveSession({ ...plan(alerts, seen, strategyParams), credentials: new ApiCredentials(TRADER.key, TRADER.secret), venueEndpoints: urlEndpoints(exchange.url), bybit });
  session = live.session;
  closeVenue = () => live.venue.close();
  await live.session.start();
  await waitFor('the kline subscription', () => live.session.feed.state === 'live' && exchange.listens('kline', SOL));
  return { alerts, seen, live: live.venue, session: live.session, exchange };
}

describe('trading sessions on the local exchange', () => {
  it('paper: live candles through the strategy into the SimVenue; trades equal the backtest over the same candles', async () => {
    const { alerts, seen, paper } = await startedPaper();
    await drive(seen, () => true);
    const trades = paper.trades();
    expect(trades.length).toBeGreaterThanOrEqual(3);
    expect(trades.map(shape)).toEqual(backtestOf(seen).map(shape));
    expect(alerts.filter((a) => a.level !== 'info')).toEqual([]);
  });

  it('live: the same strategy through BybitVenue against the local exchange trades as the backtest does; every trade is stored and reported', async () => {
    local = await startTestExchange(HISTORY, { account: { initialEquity: 25_000 } });
    local.advance(WARM);
    const alerts: Alert[] = [];
    const seen: Candle[] = [];
    const reported: RoundTrip[] = [];
    const endpoints = urlEndpoints(local.url);
    const bybit = configSchema.parse({ bybit: { exchangeUrl: local.url } }).bybit;
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'live.sqlite') });
    try {
      const live = await liveSession({ ...plan(alerts, seen, stopped), store, onTrade: (_symbol, trade) => reported.push(trade), credentials: new ApiCredentials(TRADER.key, TRADER.secret), venueEndpoints: endpoints, bybit });
      session = live.session;
      closeVenue = () => live.venue.close();
      // The plan says 10,000 USDT; the account holds 25,000: the live portfolio takes the wallet's figure.
      expect(session.portfolio.balance).toBe(25_000);
      await session.start();
      await waitFor('the kline subscription', () => session!.feed.state === 'live' && local!.listens('kline', SOL));
      // An order sent after a candle must be on the exchange before the next candle closes: as at Bybit, where the next candle is a minute away.
      await drive(seen, () => live.venue.tracker.open().every((o) => o.heard));
      await waitFor('the last fills', () => live.venue.tracker.open().length === 0);
      await session.journal.idle();
      const trades = session.trades();
      expect(trades.length).toBeGreaterThanOrEqual(3);
      expect(trades.map(shape)).toEqual(backtestOf(seen, stopped).map(shape));
      // A live trade closes when its exit fill arrives, between candles: it is reported and stored all the same.
      expect(reported.map(shape)).toEqual(trades.map(shape));
      expect((await store.loadRecovery()).recentTrades.map(shape)).toEqual(trades.map(shape));
      expect(alerts.filter((a) => a.code === 'stopUnknown' || a.code === 'entryRefused')).toEqual([]);
    } finally {
      await session?.stop('test over');
      await store.close();
    }
  });

  it('live: an entry from flat without a stop-loss is refused before any order, with an alert naming why', async () => {
    const { alerts, seen, live, session: running, exchange } = await startedLive(params);
    await drive(seen, () => true);
    const refused = alerts.filter((a) => a.code === 'entryRefused');
    expect(refused.length).toBeGreaterThanOrEqual(3);
    expect(refused[0]!.message).toMatch(/SOLUSDT: long entry refused: an entry without a stop-loss/);
    expect(live.tracker.open()).toEqual([]);
    expect(exchange.venue.position(SOL).size).toBe(0);
    expect(running.trades()).toEqual([]);
    // The engines act in the exchange's time (a replay of 2024), not the wall clock's: time stops count market minutes.
    const lastClose = seen.at(-1)!.time + 60_000;
    expect(running.marketTime()).toBeGreaterThanOrEqual(lastClose);
    expect(running.marketTime()).toBeLessThan(lastClose + 60_000);
  });

  it('paper: closed candles the stream drops are fetched by REST and handled in order; trades still equal the backtest', async () => {
    const { alerts, seen, paper, exchange } = await startedPaper();
    const holes = new Map([[10, 1], [30, 1], [50, 3]]);
    for (let i = 0; i < STEPS; i++) {
      const closing = HISTORY[WARM + i]!.time;
      const dropped = holes.get(i);
      if (dropped !== undefined) exchange.streamFaults.dropNext('kline', dropped);
      exchange.advance(1);
      // A dropped candle shows up with the next one that gets through.
      if (dropped === undefined && !holes.has(i - 1) && !holes.has(i - 2) && !holes.has(i - 3)) await waitFor(`candle ${i + 1}`, () => seen.at(-1)?.time === closing);
    }
    await waitFor('the last candle', () => seen.at(-1)?.time === HISTORY[WARM + STEPS - 1]!.time);
    expect(seen.map((c) => c.time)).toEqual(HISTORY.slice(WARM, WARM + STEPS).map((c) => c.time));
    expect(alerts.filter((a) => a.code === 'candlesBackfilled').length).toBeGreaterThanOrEqual(3);
    expect(alerts.filter((a) => a.code === 'backfillFailed')).toEqual([]);
    const trades = paper.trades();
    expect(trades.length).toBeGreaterThanOrEqual(3);
    expect(trades.map(shape)).toEqual(backtestOf(seen).map(shape));
  });

  it('live: the candles the stream drops are fetched by REST too; the strategy sees every candle in order', async () => {
    const { alerts, seen, exchange } = await startedLive(stopped);
    for (let i = 0; i < 40; i++) {
      if (i === 15) exchange.streamFaults.dropNext('kline', 2);
      exchange.advance(1);
      if (i < 15 || i > 17) await waitFor(`candle ${i + 1}`, () => seen.at(-1)?.time === HISTORY[WARM + i]!.time);
    }
    expect(seen.map((c) => c.time)).toEqual(HISTORY.slice(WARM, WARM + 40).map((c) => c.time));
    expect(alerts.filter((a) => a.code === 'candlesBackfilled')).toMatchObject([{ level: 'info', message: expect.stringMatching(/2 closed 1m candle\(s\) missed by the stream .*; 2 fetched by REST/) }]);
  });

  it('paper: two strategies in one process, each on its own symbol, each trading as its backtest does', async () => {
    const btcHistory = HISTORY.map((c) => ({ ...c, open: c.open * 400, high: c.high * 400, low: c.low * 400, close: c.close * 400 }));
    local = await startTestExchange(HISTORY, {
      instruments: [SOLUSDT_DEFAULT, BTCUSDT],
      history: { timeframe: '1m', symbols: { [SOL]: { candles: HISTORY }, [BTC]: { candles: btcHistory } } },
    });
    local.advance(WARM);
    const seen: Candle[] = [];
    const slow = resolveStrategyParams(definition, { fast: 4, slow: 10, size: 0.01 });
    const { session: paper } = paperSession({
      ...plan([], seen),
      runs: [
        { strategy: definition, params, timeframe: '1m', markets: [{ instrument: SOLUSDT_DEFAULT }] },
        { strategy: definition, params: slow, timeframe: '1m', markets: [{ instrument: BTCUSDT }] },
      ],
      onCandle: (_symbol, candle) => seen.push(candle),
    });
    session = paper;
    await session.start();
    await waitFor('the kline subscriptions', () => session!.feed.state === 'live' && local!.listens('kline', SOL) && local!.listens('kline', BTC));
    for (let i = 0; i < STEPS; i++) {
      const before = seen.length;
      local.advance(1);
      await waitFor(`candle ${i + 1} of both symbols`, () => seen.length >= before + 2);
    }
    const sol = session.engines.get(SOL)!.trades;
    const btc = session.engines.get(BTC)!.trades;
    expect(sol.length).toBeGreaterThanOrEqual(3);
    expect(btc.length).toBeGreaterThanOrEqual(2);
    expect(btc.every((t) => t.quantity === 0.01)).toBe(true);
    expect(session.trades()).toHaveLength(sol.length + btc.length);
  });

  it('refuses one symbol for two strategies: Bybit holds one position per symbol', async () => {
    local = await startTestExchange(HISTORY);
    expect(() =>
      paperSession({
        ...plan([], []),
        runs: [
          { strategy: definition, params, timeframe: '1m', markets: [{ instrument: SOLUSDT_DEFAULT }] },
          { strategy: definition, params, timeframe: '5m', markets: [{ instrument: SOLUSDT_DEFAULT }] },
        ],
      }),
    ).toThrow(/SOLUSDT is given to more than one strategy/);
  });

  it('feeds the context a strategy reads from other symbols (the pipeline reads BTCUSDT 5m) from the stream', async () => {
    const btcHistory = HISTORY.map((c) => ({ ...c, open: c.open * 400, high: c.high * 400, low: c.low * 400, close: c.close * 400 }));
    local = await startTestExchange(HISTORY, {
      instruments: [SOLUSDT_DEFAULT, BTCUSDT],
      history: { timeframe: '1m', symbols: { [SOL]: { candles: HISTORY }, [BTC]: { candles: btcHistory } } },
    });
    local.advance(WARM);
    const burst = findStrategy('momentum-burst');
    const burstParams = resolveStrategyParams(burst, {});
    expect(burst.needs?.(burstParams as never)?.symbols).toContainEqual({ symbol: BTC, timeframe: '5m' });
    const alerts: Alert[] = [];
    const seen: Candle[] = [];
    const { session: paper } = paperSession({ ...plan(alerts, seen), runs: [{ strategy: burst, params: burstParams, timeframe: '1m', markets: [{ instrument: SOLUSDT_DEFAULT }] }] });
    session = paper;
    await session.start();
    const btc = session.engines.get(SOL)!.contextWindows.get(`${BTC}@5m`)!;
    const warmed = btc.length;
    expect(warmed).toBeGreaterThan(0);
    await waitFor('the kline subscriptions', () => session!.feed.state === 'live' && local!.listens('kline', SOL) && local!.listens('kline', BTC));
    for (let i = 0; i < 12; i++) {
      const before = seen.length;
      local.advance(1);
      await waitFor(`candle ${i + 1}`, () => seen.length > before);
    }
    await waitFor('BTC 5m candles from the stream', () => btc.length > warmed);
    expect(btc.close(0)).toBeGreaterThan(30_000);
    expect(alerts.filter((a) => a.level === 'error')).toEqual([]);
  });
});
