// A paper or live trading session: the live public feed into one LiveEngine per symbol, orders to a SimVenue (paper) or the Bybit venue (live), and the position and safety monitors around them.
import type { Clock } from '../../core/clock.js';
import { InputError } from '../../core/errors.js';
import type { Candle } from '../../domain/candle.js';
import type { OrderBook } from '../../domain/order-book.js';
import { InstrumentRules, type Instrument } from '../../domain/instrument.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import type { Signal } from '../../domain/signal.js';
import { bybitInterval, timeframeMs, type Timeframe } from '../../domain/timeframe.js';
import type { VenueEvent } from '../../domain/venue-events.js';
import { LiveEngine } from '../../engine/live-engine.js';
import { RiskGate } from '../../engine/risk-gate.js';
import { OrderManager } from '../../execution/order-manager.js';
import { Portfolio } from '../../portfolio/portfolio.js';
import type { ExecutionVenue } from '../../ports/execution-venue.js';
import type { RiskEngine } from '../../risk/index.js';
import type { StrategyDefinition } from '../../strategy/api.js';
import type { BybitEndpoints } from '../../venues/bybit/client/endpoints.js';
import { BybitRest } from '../../venues/bybit/client/rest.js';
import { BybitMarketData } from '../../venues/bybit/market-data/market-data.js';
import type { KlineInterval } from '../../venues/bybit/market-data/topics.js';
import { candlesFromRest } from '../../venues/bybit/parse/rest.js';
import type { Store, StoreWrite } from '../../ports/store.js';
import type { Alert } from './alert.js';
import { durableVenue, Journal } from './journal.js';
import { CandleQueue } from './candle-queue.js';
import { FollowedClock } from './market-clock.js';
import { Monitors, type MonitorSettings } from './monitors.js';

export type { Alert } from './alert.js';

export interface SessionMarket {
  readonly instrument: Instrument;
  /** Candles to warm the strategy up with before the first live one (default: fetched by REST). */
  readonly history?: readonly Candle[];
}

/** One strategy with its parameters and timeframe on its symbols; a session runs several, each symbol traded by one (a one-way position per symbol). */
export interface SessionRun {
  readonly strategy: StrategyDefinition;
  readonly params: unknown;
  readonly timeframe: Timeframe;
  readonly markets: readonly SessionMarket[];
}

/** What the session keeps for each symbol: its engine and the run it belongs to. */
interface SymbolRun {
  readonly run: SessionRun;
  readonly market: SessionMarket;
  readonly engine: LiveEngine;
}

export interface SessionOptions {
  readonly mode: 'paper' | 'live';
  readonly runs: readonly SessionRun[];
  /** Where public market data comes from. */
  readonly endpoints: BybitEndpoints;
  /** The venue orders go to: a SimVenue fed by this session's candles (paper) or the Bybit venue (live). */
  readonly venue: ExecutionVenue;
  /** Paper: the SimVenue matches each closed candle before the strategy sees it. */
  readonly matchCandle?: (symbol: string, candle: Candle) => void;
  readonly initialEquity: number;
  /** Wall time: staleness, alerts, order ids. */
  readonly clock: Clock;
  /** Market time the engines act at (paper: the close of the candle just matched); default: the exchange's time, followed from its server time and candle closes. */
  readonly engineClock?: Clock;
  /** A risk engine per symbol (sizing, limits, protections); none = intents go straight to orders. */
  readonly risk?: (symbol: string) => RiskEngine;
  readonly monitors?: Partial<MonitorSettings>;
  /** Live venue only: symbols holding a position without a confirmed stop (the safety monitor alerts). */
  readonly unprotected?: () => readonly string[];
  /** Live venue only: the balance check of each safety round. */
  readonly venueChecks?: () => Promise<readonly Alert[]>;
  readonly onAlert?: (alert: Alert) => void;
  readonly onTrade?: (symbol: string, trade: RoundTrip) => void;
  readonly onVenueEvent?: (event: VenueEvent) => void;
  /** Candles handled so far, for tests and the status line. */
  readonly onCandle?: (symbol: string, candle: Candle) => void;
  /** Where orders, fills, positions, trades, equity and risk changes are kept; each is committed before the next event is acted on. */
  readonly store?: Store;
}

export class TradingSession {
  readonly engines = new Map<string, LiveEngine>();
  readonly portfolio: Portfolio;
  readonly feed: BybitMarketData;
  /** When each symbol's last closed candle arrived (our clock). */
  readonly lastCandleAt = new Map<string, number>();
  private readonly monitors: Monitors;
  /** Candles, venue events and commands pass through it in order; with a store, each after the writes before it committed. */
  readonly journal: Journal;
  private readonly venue: ExecutionVenue;
  private readonly bySymbol = new Map<string, SymbolRun>();
  /** Public REST: warm-up history, and the candles the stream missed. */
  private readonly rest: BybitRest;
  /** Closed candles of the strategies' timeframes, handled one at a time per symbol, holes filled by REST. */
  private readonly candles: CandleQueue;
  /** Entry signals since the last candle's writes. */
  private readonly pendingSignals: Signal[] = [];
  /** Round trips closed and not yet stored or reported (a live trade closes whenever its fill arrives). */
  private readonly pendingTrades: { readonly symbol: string; readonly trade: RoundTrip }[] = [];
  private stopping = false;
  /** Live: the exchange's time, followed from its server time and candle closes (paper has its own market clock). */
  private readonly followed: FollowedClock | undefined;
  /** The time the engines and the position monitor act at: the market's, not the wall's (a replay runs in its own past). */
  private readonly marketClock: Clock;

  constructor(private readonly options: SessionOptions) {
    this.followed = options.engineClock === undefined ? new FollowedClock(options.clock) : undefined;
    this.marketClock = options.engineClock ?? this.followed!;
    const symbols = options.runs.flatMap((run) => run.markets.map((m) => m.instrument.symbol));
    if (symbols.length === 0) throw new InputError('symbols: a session trades at least one symbol');
    const twice = symbols.find((symbol, i) => symbols.indexOf(symbol) !== i);
    if (twice !== undefined) throw new InputError(`symbols: ${twice} is given to more than one strategy; Bybit holds one position per symbol, so each symbol is traded by one strategy`);
    this.portfolio = new Portfolio(options.initialEquity);
    this.journal = new Journal((error) => this.alert({ level: 'error', code: 'journalFailed', message: `storing or handling an event failed: ${error.message}`, time: options.clock.now() }));
    this.venue = options.store ? durableVenue(options.venue, this.journal, options.store, options.clock) : options.venue;
    this.feed = new BybitMarketData({ endpoints: options.endpoints, clock: options.clock });
    this.rest = new BybitRest({ endpoints: options.endpoints, clock: options.clock });
    this.candles = new CandleQueue(this.journal, {
      warmedUpTo: (symbol) => {
        const window = this.bySymbol.get(symbol)!.engine.window;
        return window.length > 0 ? window.time(0) : -Infinity;
      },
      intervalMs: (symbol) => timeframeMs(this.timeframeOf(symbol)),
      match: (symbol, candle) => this.options.matchCandle?.(symbol, candle),
      act: (symbol, candle) => this.act(symbol, this.bySymbol.get(symbol)!.engine, candle),
      missed: (symbol, after, before) => this.missedCandles(symbol, this.timeframeOf(symbol), after, before),
    });
    const orderIdPrefix = `${options.mode === 'paper' ? 'pp' : 'lv'}${options.clock.now().toString(36)}`;
    for (const run of options.runs) {
      for (const market of run.markets) {
        const { instrument } = market;
        const symbol = instrument.symbol;
        const risk = options.risk ? new RiskGate(options.risk(symbol), run.strategy.name, symbol, new InstrumentRules(instrument), this.portfolio, timeframeMs(run.timeframe)) : undefined;
        const needs = run.strategy.needs?.(run.params as never);
        const engine = new LiveEngine({
          symbol,
          timeframe: run.timeframe,
          ...(needs ? { needs } : {}),
          strategy: run.strategy.create(run.params as never),
          venue: filtered(this.venue, symbol),
          orders: new OrderManager(this.venue, instrument, `${orderIdPrefix}-${symbol}`),
          portfolio: this.portfolio,
          ...(risk ? { risk } : {}),
          now: () => this.marketClock.now(),
          ...(options.store ? { onSignal: (signal: Signal) => this.pendingSignals.push(signal) } : {}),
          onTradeClosed: (trade) => this.tradeClosed(symbol, trade),
          requireStop: options.mode === 'live',
          onEntryRefused: (refused) =>
            this.alert({ level: 'warn', code: 'entryRefused', symbol, time: options.clock.now(), message: `${symbol}: ${refused.intent.kind === 'enter' ? `${refused.intent.side} ` : ''}entry refused: ${refused.reason}` }),
        });
        this.engines.set(symbol, engine);
        this.bySymbol.set(symbol, { run, market, engine });
      }
    }
    if (options.onVenueEvent) this.venue.onEvent(options.onVenueEvent);
    this.monitors = new Monitors(this, options.monitors ?? {}, options.clock, (alert) => this.alert(alert));
  }

  get mode(): 'paper' | 'live' {
    return this.options.mode;
  }

  /** The strategy timeframe of a symbol's engine. */
  timeframeOf(symbol: string): Timeframe {
    const run = this.bySymbol.get(symbol);
    if (run === undefined) throw new InputError(`symbol ${symbol} is not traded in this session`);
    return run.run.timeframe;
  }

  get unprotected(): readonly string[] {
    return this.options.unprotected?.() ?? [];
  }

  venueChecks(): Promise<readonly Alert[]> {
    return this.options.venueChecks?.() ?? Promise.resolve([]);
  }

  /** Equity and what the open positions are worth at their last marks (the safety monitor's exposure check). */
  exposure(): { readonly equity: number; readonly notional: number } {
    let notional = 0;
    for (const symbol of this.engines.keys()) {
      const held = this.portfolio.position(symbol);
      if (held.size !== 0 && Number.isFinite(held.mark)) notional += Math.abs(held.size) * held.mark;
    }
    return { equity: this.portfolio.equity, notional };
  }

  /** Now in the market's time: what exit rules between candles (time stops, trails) act at. */
  marketTime(): number {
    return this.marketClock.now();
  }

  /** The public feed's connection state ('live' when healthy). */
  get feedState(): string {
    return this.feed.state;
  }

  /** Warms every engine up (its own and its context series), subscribes to the closed candles and starts the monitors. */
  async start(): Promise<void> {
    for (const [symbol, { run, market, engine }] of this.bySymbol) {
      const history = market.history ?? (await this.fetchHistory(symbol, run.timeframe));
      const context = new Map<string, Candle[]>();
      for (const key of engine.contextWindows.keys()) {
        const [contextSymbol, timeframe] = key.split('@') as [string, Timeframe];
        context.set(key, await this.fetchHistory(contextSymbol, timeframe));
      }
      engine.warmUp(history.filter((c) => c.closed), context);
    }
    this.feed.onEvent((event) => {
      if (event.type === 'candle' && event.candle.closed) {
        this.onClosedCandle(event.symbol, event.interval, event.candle);
        this.onContextCandle(event.symbol, event.interval, event.candle);
      } else if (event.type === 'trade') this.engines.get(event.trade.symbol)?.onTrade(event.trade);
      else if (event.type === 'book') this.onBook(event.message.symbol);
      else if (event.type === 'connection' && event.state === 'degraded') this.alert({ level: 'warn', code: 'feedDegraded', message: `public feed degraded: ${event.reason}`, time: this.options.clock.now() });
    });
    const wanted = new Map<string, { klines: Set<KlineInterval>; trades: boolean; book: boolean }>();
    const want = (symbol: string) => wanted.get(symbol) ?? wanted.set(symbol, { klines: new Set(), trades: false, book: false }).get(symbol)!;
    for (const [symbol, { run, engine }] of this.bySymbol) {
      this.lastCandleAt.set(symbol, this.options.clock.now());
      const needs = run.strategy.needs?.(run.params as never);
      const own = want(symbol);
      own.klines.add(bybitInterval(run.timeframe) as KlineInterval);
      own.trades ||= needs?.trades === true;
      own.book ||= needs?.book === true;
      for (const feed of engine.contextFeeds) want(feed.symbol).klines.add(bybitInterval(feed.timeframe) as KlineInterval);
    }
    for (const [symbol, w] of wanted) this.feed.subscribe(symbol, { klines: [...w.klines], ...(w.trades ? { trades: true } : {}), ...(w.book ? { book: 50 as const } : {}) });
    this.monitors.start();
  }

  /** Another symbol's candle for the engines that read it as context; through the journal, so it lands between the candles it falls between. */
  private onContextCandle(symbol: string, interval: string, candle: Candle): void {
    for (const engine of this.engines.values()) {
      const feed = engine.contextFeeds.find((f) => f.symbol === symbol && bybitInterval(f.timeframe) === interval);
      if (feed) void this.journal.run(() => engine.onContextCandle(symbol, feed.timeframe, candle));
    }
  }

  /**
   * Graceful stop: no new entries, stops and targets left on the exchange, monitors and feed closed.
   * Resolves once everything is quiet.
   */
  async stop(reason: string): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const now = this.options.clock.now();
    for (const engine of this.engines.values()) engine.blockEntries(`shutting down: ${reason}`, now);
    this.monitors.stop();
    await this.feed.close();
    this.candles.clear();
    await this.journal.idle();
    const left = this.options.mode === 'live' ? 'open positions keep their stops on the exchange' : 'the simulated paper account ends with it (its orders, trades and equity stay in the paper store)';
    this.alert({ level: 'info', code: 'stopped', message: `session stopped (${reason}); ${left}`, time: now });
  }

  trades(): RoundTrip[] {
    return [...this.engines.values()].flatMap((engine) => engine.trades);
  }

  alert(alert: Alert): void {
    this.options.onAlert?.(alert);
  }

  private onClosedCandle(symbol: string, interval: string, candle: Candle): void {
    const entry = this.bySymbol.get(symbol);
    if (entry === undefined || this.stopping || bybitInterval(entry.run.timeframe) !== interval) return;
    this.lastCandleAt.set(symbol, this.options.clock.now());
    this.followed?.follow(candle.time + timeframeMs(entry.run.timeframe));
    this.candles.push(symbol, candle);
  }

  /** The closed candles strictly between `after` and `before` by REST (at most 1000), with an alert saying how many; none when the exchange cannot be asked. */
  private async missedCandles(symbol: string, timeframe: Timeframe, after: number, before: number): Promise<Candle[]> {
    const intervalMs = timeframeMs(timeframe);
    const expected = Math.round((before - after) / intervalMs) - 1;
    const time = this.options.clock.now();
    try {
      const history = await this.fetchHistory(symbol, timeframe, { start: after + intervalMs, end: before - intervalMs, limit: 1000 });
      const missed = history.filter((c) => c.closed && c.time > after && c.time < before);
      this.alert({ level: missed.length === expected ? 'info' : 'warn', code: 'candlesBackfilled', symbol, time, message: `${symbol}: ${expected} closed ${timeframe} candle(s) missed by the stream before ${new Date(before).toISOString()}; ${missed.length} fetched by REST and handled in order` });
      return missed;
    } catch (error) {
      this.alert({ level: 'warn', code: 'backfillFailed', symbol, time, message: `${symbol}: ${expected} closed ${timeframe} candle(s) missed by the stream could not be fetched (${(error as Error).message}); going on without them` });
      return [];
    }
  }

  /** Queued behind the event that closed it: stored and reported then, or with the candle being handled if that comes first. */
  private tradeClosed(symbol: string, trade: RoundTrip): void {
    this.pendingTrades.push({ symbol, trade });
    void this.journal.run(async () => {
      const writes = this.takeTrades();
      if (writes.length > 0) await this.options.store?.write(writes);
    });
  }

  /** The pending trades as store writes, each reported as it is taken. */
  private takeTrades(): StoreWrite[] {
    return this.pendingTrades.splice(0).map(({ symbol, trade }): StoreWrite => {
      this.options.onTrade?.(symbol, trade);
      return { kind: 'trade', trade: { ...trade, symbol } };
    });
  }

  private async act(symbol: string, engine: LiveEngine, candle: Candle): Promise<void> {
    const riskKnown = engine.riskEvents.length;
    engine.onCandle(candle);
    const trades = this.takeTrades();
    this.options.onCandle?.(symbol, candle);
    const store = this.options.store;
    if (!store) return;
    const close = candle.time + timeframeMs(this.timeframeOf(symbol));
    const writes: StoreWrite[] = [
      { kind: 'equity', snapshot: { time: close, equity: this.portfolio.equity, balance: this.portfolio.balance } },
      ...trades,
      ...this.pendingSignals.splice(0).map((signal): StoreWrite => ({ kind: 'signal', signal })),
      ...engine.riskEvents.slice(riskKnown).flatMap((event): StoreWrite[] =>
        event.type === 'tradingStateChanged'
          ? [{ kind: 'riskStateChange', change: { time: event.time, from: event.from, to: event.to, reason: event.reason, ...(event.rule ? { rule: event.rule } : {}), ...(event.until !== undefined ? { until: event.until } : {}) } }]
          : [],
      ),
    ];
    await store.write(writes);
  }

  private async fetchHistory(symbol: string, timeframe: Timeframe, span: { start?: number; end?: number; limit?: number } = {}): Promise<Candle[]> {
    const intervalMs = timeframeMs(timeframe);
    const result = await this.rest.call('kline', { category: 'linear', symbol, interval: bybitInterval(timeframe), limit: 500, ...span });
    const serverNow = await this.rest.call('marketTime');
    const serverMs = Number(BigInt(serverNow.timeNano) / 1_000_000n);
    this.followed?.follow(serverMs);
    return candlesFromRest(result, intervalMs, serverMs);
  }

  private onBook(symbol: string): void {
    const book = this.feed.book(symbol);
    // The feed's book, read-only by contract: the strategy API hands strategies the domain OrderBook.
    if (book !== undefined && !this.stopping) this.engines.get(symbol)?.onBook(book as OrderBook);
  }
}

/** The venue as one symbol's engine sees it: only that symbol's events reach its portfolio bookkeeping and hooks. */
function filtered(venue: ExecutionVenue, symbol: string): ExecutionVenue {
  return {
    onEvent: (handler) =>
      venue.onEvent((event) => {
        const eventSymbol = 'symbol' in event ? event.symbol : 'order' in event ? event.order.symbol : undefined;
        if (eventSymbol === undefined || eventSymbol === symbol) handler(event);
      }),
    submit: (order) => venue.submit(order),
    cancel: (s, id) => venue.cancel(s, id),
    cancelAll: (s) => venue.cancelAll(s),
    setTradingStop: (s, stop) => venue.setTradingStop(s, stop),
    setLeverage: (s, leverage) => venue.setLeverage(s, leverage),
  };
}
