import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.js';
import { candleAt } from '../data/candle-series.js';
import { InstrumentRules, SOLUSDT_DEFAULT } from '../domain/instrument.js';
import { OrderBook } from '../domain/order-book.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { timeframeMs } from '../domain/timeframe.js';
import { OrderManager } from '../execution/order-manager.js';
import { Portfolio } from '../portfolio/portfolio.js';
import { RiskEngine } from '../risk/index.js';
import type { Intent, Strategy } from '../strategy/api.js';
import { findStrategy, resolveStrategyParams } from '../strategy/registry.js';
import { SimVenue } from '../venues/sim/sim-venue.js';
import { runBacktestLoop } from './backtest-loop.js';
import { LiveEngine } from './live-engine.js';
import { RiskGate } from './risk-gate.js';
import { series, type Row } from './test-support/scripted.js';

/** A few thousand 5m candles of a noisy wave: enough crossings for many trades. */
function rows(count: number): Row[] {
  let price = 100;
  return Array.from({ length: count }, (_, i) => {
    const open = price;
    price = Math.round((100 + 6 * Math.sin(i / 25) + 2 * Math.sin(i / 7)) * 100) / 100;
    return [open, Math.max(open, price) + 0.2, Math.min(open, price) - 0.2, price, 1000] as const;
  });
}

function sma(): Strategy {
  const definition = findStrategy('sma-cross');
  return definition.create(resolveStrategyParams(definition, {}) as never);
}

function liveRun(withRisk: boolean, requireStop = false) {
  const candles = series(rows(3000));
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
  const portfolio = new Portfolio(10_000);
  const risk = withRisk ? new RiskGate(new RiskEngine({}), 'sma-cross', 'SOLUSDT', new InstrumentRules(SOLUSDT_DEFAULT), portfolio, timeframeMs('5m')) : undefined;
  const engine = new LiveEngine({ symbol: 'SOLUSDT', timeframe: '5m', strategy: sma(), venue, orders: new OrderManager(venue, SOLUSDT_DEFAULT), portfolio, ...(risk ? { risk } : {}), now: () => clock.now(), requireStop });
  for (let i = 0; i < candles.length; i++) {
    const candle = candleAt(candles.columns, i);
    // As the paper runtime does: the venue matches the candle, then the strategy sees it closed.
    venue.processCandle('SOLUSDT', candle);
    clock.set(candle.time + timeframeMs('5m'));
    engine.onCandle(candle);
  }
  return { engine, candles };
}

function backtestRun(withRisk: boolean) {
  const candles = series(rows(3000));
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
  return runBacktestLoop({
    symbol: 'SOLUSDT',
    timeframe: '5m',
    candles,
    venue,
    initialEquity: 10_000,
    strategy: sma(),
    orders: new OrderManager(venue, SOLUSDT_DEFAULT),
    clock,
    ...(withRisk ? { risk: (portfolio: Portfolio) => new RiskGate(new RiskEngine({}), 'sma-cross', 'SOLUSDT', new InstrumentRules(SOLUSDT_DEFAULT), portfolio, timeframeMs('5m')) } : {}),
  });
}

const shape = (t: RoundTrip) => [t.side, t.entryTime, t.exitTime, t.entryPrice, t.exitPrice, t.quantity, Math.round(t.pnl * 1e6) / 1e6];

describe('LiveEngine', () => {
  it('trades exactly as the backtest loop on the same candles (parity), with and without the risk engine', () => {
    for (const withRisk of [false, true]) {
      const live = liveRun(withRisk);
      const backtest = backtestRun(withRisk);
      // The backtest closes what is still open at the end of the data; the live engine keeps it.
      const closed = backtest.trades.filter((t) => t.exitReason !== 'end of data');
      expect(live.engine.trades.length).toBeGreaterThan(5);
      expect(live.engine.trades.map(shape)).toEqual(closed.map(shape));
    }
  });

  it('builds the higher timeframes a strategy reads (donchian-breakout, 1h trend) and trades as the backtest does', () => {
    const definition = findStrategy('donchian-breakout');
    const params = resolveStrategyParams(definition, { channel: 10, trendEma: 5 });
    const candles = series(rows(3000));
    const needs = definition.needs?.(params as never);
    expect(needs?.timeframes).toContain('1h');
    const run = (live: boolean) => {
      const clock = new ManualClock(candles.columns.time[0]!);
      const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
      const orders = new OrderManager(venue, SOLUSDT_DEFAULT);
      if (!live) return runBacktestLoop({ symbol: 'SOLUSDT', timeframe: '5m', candles, venue, initialEquity: 10_000, strategy: definition.create(params as never), orders, clock, needs }).trades.filter((t) => t.exitReason !== 'end of data');
      const engine = new LiveEngine({ symbol: 'SOLUSDT', timeframe: '5m', strategy: definition.create(params as never), venue, orders, portfolio: new Portfolio(10_000), now: () => clock.now(), ...(needs ? { needs } : {}) });
      for (let i = 0; i < candles.length; i++) {
        const candle = candleAt(candles.columns, i);
        venue.processCandle('SOLUSDT', candle);
        clock.set(candle.time + timeframeMs('5m'));
        engine.onCandle(candle);
      }
      return engine.trades;
    };
    const live = run(true);
    expect(live.length).toBeGreaterThan(3);
    expect(live.map(shape)).toEqual(run(false).map(shape));
  });

  it('blocks entries (stale data, shutdown) but lets exits through, and records what it refused', () => {
    const candles = series(rows(400));
    const clock = new ManualClock(candles.columns.time[0]!);
    const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
    const portfolio = new Portfolio(10_000);
    const intents: Intent[][] = [];
    let step = 0;
    const strategy: Strategy = {
      onCandle: (ctx) => {
        step++;
        const out: Intent[] = step === 3 ? [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 90, reason: 'test' }] : step === 6 ? [{ kind: 'exit', reason: 'done' }] : step === 8 ? [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 90, reason: 'again' }] : [];
        intents.push(out);
        return out;
      },
    } as Strategy;
    const engine = new LiveEngine({ symbol: 'SOLUSDT', timeframe: '5m', strategy, venue, orders: new OrderManager(venue, SOLUSDT_DEFAULT), portfolio, now: () => clock.now() });
    for (let i = 0; i < 10; i++) {
      const candle = candleAt(candles.columns, i);
      venue.processCandle('SOLUSDT', candle);
      clock.set(candle.time + timeframeMs('5m'));
      if (i === 4) engine.blockEntries('no fresh candle for 7 minutes', clock.now());
      engine.onCandle(candle);
    }
    expect(engine.trades).toHaveLength(1);
    expect(engine.blocked).toHaveLength(1);
    expect(engine.blocked[0]).toMatchObject({ reason: 'no fresh candle for 7 minutes', intent: { reason: 'again' } });
    expect(portfolio.position('SOLUSDT').size).toBe(0);
  });

  it('hands every entry signal to onSignal, refused or not', () => {
    const candles = series(rows(20));
    const clock = new ManualClock(candles.columns.time[0]!);
    const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
    const signal = { strategy: 'test', symbol: 'SOLUSDT', time: 0, side: 'long' as const, strength: 0.7, factors: [] };
    const strategy = { onCandle: () => [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 90, reason: 'test', signal }] } as unknown as Strategy;
    const signals: unknown[] = [];
    const engine = new LiveEngine({ symbol: 'SOLUSDT', timeframe: '5m', strategy, venue, orders: new OrderManager(venue, SOLUSDT_DEFAULT), portfolio: new Portfolio(10_000), now: () => clock.now(), onSignal: (s) => signals.push(s) });
    engine.onCandle(candleAt(candles.columns, 0));
    engine.blockEntries('stale', 0);
    engine.onCandle(candleAt(candles.columns, 1));
    expect(signals).toEqual([signal, signal]);
  });

  it('hands book updates to onBook and acts on what it asks, at the book time', () => {
    const candles = series(rows(20));
    const clock = new ManualClock(candles.columns.time[0]!);
    const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
    const seen: number[] = [];
    const strategy = {
      onCandle: () => [],
      onBook: (ctx: { time: number }, book: OrderBook) => {
        seen.push(ctx.time, book.bestBid() ?? NaN);
        return [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 90, reason: 'imbalance' }];
      },
    } as unknown as Strategy;
    const portfolio = new Portfolio(10_000);
    const engine = new LiveEngine({ symbol: 'SOLUSDT', timeframe: '5m', strategy, venue, orders: new OrderManager(venue, SOLUSDT_DEFAULT), portfolio, now: () => clock.now() });
    engine.onCandle(candleAt(candles.columns, 0));
    const book = new OrderBook();
    book.applySnapshot({ bids: [[99.9, 5]], asks: [[100.1, 5]], updateId: 1, seq: 1, time: 777 });
    engine.onBook(book);
    expect(seen).toEqual([777, 99.9]);
    venue.processCandle('SOLUSDT', candleAt(candles.columns, 1));
    expect(portfolio.position('SOLUSDT').size).toBe(1);
  });

  it('with requireStop refuses an entry from flat without a stop (risk-assigned stops count), lets adds and exits through, and reports each closed trade', () => {
    const candles = series(rows(40));
    const clock = new ManualClock(candles.columns.time[0]!);
    const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock });
    const portfolio = new Portfolio(10_000);
    let step = 0;
    const script: Record<number, Intent[]> = {
      1: [{ kind: 'enter', side: 'long', qty: 1, reason: 'naked' }],
      3: [{ kind: 'enter', side: 'long', qty: 1, trailingStop: 2, reason: 'trailed' }],
      5: [{ kind: 'enter', side: 'long', qty: 1, reason: 'add' }],
      7: [{ kind: 'exit', reason: 'done' }],
    };
    const strategy = { onCandle: () => script[++step] ?? [] } as unknown as Strategy;
    const refused: string[] = [];
    const closed: RoundTrip[] = [];
    const engine = new LiveEngine({
      symbol: 'SOLUSDT',
      timeframe: '5m',
      strategy,
      venue,
      orders: new OrderManager(venue, SOLUSDT_DEFAULT),
      portfolio,
      now: () => clock.now(),
      requireStop: true,
      onEntryRefused: (r) => refused.push(`${r.intent.kind === 'enter' ? r.intent.reason : ''}: ${r.reason}`),
      onTradeClosed: (trade) => closed.push(trade),
    });
    for (let i = 0; i < 10; i++) {
      const candle = candleAt(candles.columns, i);
      venue.processCandle('SOLUSDT', candle);
      clock.set(candle.time + timeframeMs('5m'));
      engine.onCandle(candle);
    }
    expect(refused).toEqual([expect.stringMatching(/^naked: an entry without a stop-loss/)]);
    expect(engine.blocked).toHaveLength(1);
    expect(engine.trades).toHaveLength(1);
    expect(engine.trades[0]!.quantity).toBe(2);
    expect(closed).toEqual(engine.trades);
    // The risk engine's initial stop makes a bare entry a protected one.
    const required = liveRun(true, true).engine;
    expect(required.blocked).toEqual([]);
    expect(required.trades.length).toBeGreaterThan(5);
    expect(required.trades.map(shape)).toEqual(liveRun(true).engine.trades.map(shape));
    expect(liveRun(false, true).engine.trades).toEqual([]);
  });
});
