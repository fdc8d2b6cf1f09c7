// The kernel of paper and live trading: closed candles from a feed through the strategy, the risk gate and the order manager to any venue — the backtest's wiring, driven by events instead of a loop.
import { CandleWindow } from '../data/candle-window.js';
import type { Candle } from '../domain/candle.js';
import type { OrderBook } from '../domain/order-book.js';
import type { Signal } from '../domain/signal.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import type { Trade } from '../domain/trade.js';
import type { VenueEvent } from '../domain/venue-events.js';
import type { OrderManager } from '../execution/order-manager.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import { RoundTripRecorder } from '../portfolio/round-trip-recorder.js';
import type { ExecutionVenue } from '../ports/execution-venue.js';
import type { Intent, Intents, Strategy, StrategyNeeds } from '../strategy/api.js';
import type { RiskEvent } from '../risk/index.js';
import type { RiskGate } from './risk-gate.js';
import { CandleAggregator } from './candle-aggregator.js';
import { EngineContext, seriesKey } from './strategy-context.js';

const NO_EVENTS: readonly RiskEvent[] = Object.freeze([]);
const NO_STOP = 'an entry without a stop-loss: the live venue never holds a position without one (enable the risk engine, which sets an initial stop, or give the strategy a stop)';

export interface LiveEngineInput {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly strategy: Strategy;
  readonly venue: ExecutionVenue;
  readonly orders: OrderManager;
  readonly portfolio: Portfolio;
  /** The risk engine between the strategy and the order manager; without it intents go straight through. */
  readonly risk?: RiskGate;
  /** Candles the strategy can look back on (default 500). */
  readonly lookback?: number;
  /** Now, for intents that come from fills (the venue's own clock). */
  now(): number;
  /** Every entry signal the strategy produced (allowed or not), for the store and analytics. */
  onSignal?(signal: Signal): void;
  /** What the strategy reads besides its own candles: higher timeframes (built here) and other symbols (fed by onContextCandle). */
  readonly needs?: StrategyNeeds;
  /** A round trip just closed, whenever its last fill arrived (on a candle, or between candles on a live venue). */
  onTradeClosed?(trade: RoundTrip): void;
  /**
   * Entries that would open a position without a stop-loss or trailing stop are refused (live: the
   * venue's stop guard would close such a position at once, paying fees twice for nothing).
   */
  readonly requireStop?: boolean;
  /** An entry the engine refused by itself (entries blocked, or no stop where one is required). */
  onEntryRefused?(refused: EntryRefused): void;
}

/** An entry the engine dropped because entries were blocked. */
export interface EntryRefused {
  readonly time: number;
  readonly intent: Intent;
  readonly reason: string;
}

/** Why the engine refused an entry by itself (not the risk engine): stale data, shutting down. */
export interface EntryBlock {
  readonly reason: string;
  readonly since: number;
}

export class LiveEngine {
  readonly window: CandleWindow;
  readonly context: EngineContext;
  readonly trades: RoundTrip[] = [];
  /** Entries refused while entries were blocked (the risk gate keeps its own refusals). */
  readonly blocked: EntryRefused[] = [];
  private block: EntryBlock | undefined;
  private started = false;
  private readonly recorder: RoundTripRecorder;

  /** Context series by seriesKey: higher timeframes of the traded symbol and other symbols. */
  readonly contextWindows = new Map<string, CandleWindow>();
  private readonly aggregators: { readonly window: CandleWindow; readonly aggregator: CandleAggregator }[] = [];

  constructor(private readonly input: LiveEngineInput) {
    const lookback = input.lookback ?? 500;
    this.window = new CandleWindow(lookback);
    const baseMs = timeframeMs(input.timeframe);
    for (const tf of input.needs?.timeframes ?? []) {
      const key = seriesKey(input.symbol, tf);
      if (tf === input.timeframe || this.contextWindows.has(key)) continue;
      const window = new CandleWindow(lookback);
      this.contextWindows.set(key, window);
      this.aggregators.push({ window, aggregator: new CandleAggregator(baseMs, timeframeMs(tf)) });
    }
    for (const need of input.needs?.symbols ?? []) {
      const key = seriesKey(need.symbol, need.timeframe);
      if (this.contextWindows.has(key) || (need.symbol === input.symbol && need.timeframe === input.timeframe)) continue;
      this.contextWindows.set(key, new CandleWindow(lookback));
    }
    this.context = new EngineContext(input.symbol, input.timeframe, this.window, input.portfolio, this.contextWindows);
    this.recorder = new RoundTripRecorder(
      (clientId) => input.orders.reasonOf(clientId),
      (trade) => {
        this.trades.push(trade);
        input.risk?.onTrade(trade);
        input.onTradeClosed?.(trade);
        const hook = input.strategy.onPositionClosed;
        if (hook) this.act(this.guarded(() => hook.call(input.strategy, this.context, trade)));
      },
    );
    input.venue.onEvent((event) => this.onVenueEvent(event));
  }

  /**
   * History before the live feed: the window fills and the strategy and risk engine see each candle
   * (their indicators warm up), but what they ask for is dropped — the past is not traded.
   * `context` holds the history of the context series by seriesKey (fetched, not aggregated: a
   * 1h EMA(50) needs more hours than the base history covers).
   */
  warmUp(candles: readonly Candle[], context: ReadonlyMap<string, readonly Candle[]> = new Map()): void {
    for (const [key, series] of context) {
      const window = this.contextWindows.get(key);
      if (window) for (const candle of series) if (candle.closed) window.update(candle);
    }
    for (const candle of candles) {
      this.window.update(candle);
      // The base history also fills the aggregators, so the first live higher-timeframe candle is whole.
      this.aggregate(candle);
      this.context.time = candle.time;
      this.input.portfolio.mark(this.input.symbol, candle.close);
      this.input.risk?.onCandle(candle);
      this.input.strategy.onCandle(this.context);
    }
  }

  /** A closed candle of a context series (another symbol); shown to the strategy from its next hook. */
  onContextCandle(symbol: string, timeframe: Timeframe, candle: Candle): void {
    const window = this.contextWindows.get(seriesKey(symbol, timeframe));
    if (!window || !candle.closed) return;
    const newest = window.length > 0 ? window.time(0) : -Infinity;
    if (candle.time >= newest) window.update(candle);
  }

  /** The context series the session must feed (other symbols; higher timeframes are built here). */
  get contextFeeds(): readonly { readonly symbol: string; readonly timeframe: Timeframe }[] {
    return (this.input.needs?.symbols ?? []).filter((n) => this.contextWindows.has(seriesKey(n.symbol, n.timeframe)));
  }

  /** A closed candle of the strategy's timeframe: mark, risk bookkeeping and exits, then the strategy. */
  onCandle(candle: Candle): void {
    if (!candle.closed) return;
    this.window.update(candle);
    this.aggregate(candle);
    const close = candle.time + timeframeMs(this.input.timeframe);
    this.context.time = candle.time;
    this.input.portfolio.mark(this.input.symbol, candle.close);
    if (!this.started) {
      this.started = true;
      this.act(this.guarded(() => this.input.strategy.onStart?.(this.context)));
    }
    const risk = this.input.risk;
    if (risk) {
      risk.onCandle(candle);
      this.apply(risk.forced(close));
      this.apply(risk.manage(close));
    }
    this.act(this.guarded(() => this.input.strategy.onCandle(this.context)));
  }

  /** Feeds the higher timeframes; a completed candle older than what the window holds (fetched history) is skipped. */
  private aggregate(candle: Candle): void {
    for (const { window, aggregator } of this.aggregators) {
      for (const completed of aggregator.add(candle)) {
        const newest = window.length > 0 ? window.time(0) : -Infinity;
        if (completed.time >= newest) window.update(completed);
      }
    }
  }

  /** Between candles (the position monitor): the risk engine's exit rules — breakeven, trailing, time stops. */
  manage(time: number): void {
    const risk = this.input.risk;
    if (!risk) return;
    this.apply(risk.forced(time));
    this.apply(risk.manage(time));
  }

  onTrade(trade: Trade): void {
    this.input.portfolio.mark(this.input.symbol, trade.price);
    const hook = this.input.strategy.onTrade;
    if (hook) this.act(this.guarded(() => hook.call(this.input.strategy, this.context, trade)));
  }

  /** A book update (strategies that read the order book): the book is the feed's, read-only for the strategy. */
  onBook(book: OrderBook): void {
    const hook = this.input.strategy.onBook;
    if (!hook) return;
    const candleTime = this.context.time;
    this.context.time = book.time;
    this.act(this.guarded(() => hook.call(this.input.strategy, this.context, book)));
    this.context.time = candleTime;
  }

  /** No new entries until allowEntries(); exits, stops and the risk engine's own orders still go out. */
  blockEntries(reason: string, time: number): void {
    this.block ??= { reason, since: time };
  }

  allowEntries(): void {
    this.block = undefined;
  }

  /** What the risk engine announced (state changes, pauses, alerts); empty without one. */
  get riskEvents(): readonly RiskEvent[] {
    return this.input.risk?.events ?? NO_EVENTS;
  }

  get entriesBlocked(): EntryBlock | undefined {
    return this.block;
  }

  private onVenueEvent(event: VenueEvent): void {
    this.input.portfolio.on(event);
    this.input.orders.on(event);
    this.recorder.on(event);
    const hook = this.input.strategy.onFill;
    if (hook && event.type === 'orderFilled' && event.fill.symbol === this.input.symbol) {
      const fill = event.fill;
      this.act(this.guarded(() => hook.call(this.input.strategy, this.context, fill)));
    }
  }

  private guarded(hook: () => Intents): Intents {
    const risk = this.input.risk;
    return risk ? risk.guard(this.input.now(), hook) : hook();
  }

  private act(intents: Intents): void {
    if (!intents || intents.length === 0) return;
    if (this.input.onSignal) for (const intent of intents) if (intent.kind === 'enter' && intent.signal) this.input.onSignal(intent.signal);
    const now = this.input.now();
    const allowed = this.block ? intents.filter((intent) => this.admit(intent, now)) : intents;
    const risk = this.input.risk;
    const approved = risk ? risk.filter(allowed, now) : allowed;
    this.apply(this.input.requireStop ? approved.filter((intent) => this.protectedEntry(intent, now)) : approved);
  }

  /** An entry from flat needs its own stop; one that adds to a position rides on the position's stop. */
  private protectedEntry(intent: Intent, time: number): boolean {
    if (intent.kind !== 'enter' || this.context.position.size !== 0) return true;
    if ((intent.stopLoss ?? 0) > 0 || (intent.trailingStop ?? 0) > 0) return true;
    this.refuse({ time, intent, reason: NO_STOP });
    return false;
  }

  private admit(intent: Intent, time: number): boolean {
    if (intent.kind !== 'enter') return true;
    this.refuse({ time, intent, reason: this.block!.reason });
    return false;
  }

  private refuse(refused: EntryRefused): void {
    this.blocked.push(refused);
    this.input.onEntryRefused?.(refused);
  }

  private apply(intents: readonly Intent[]): void {
    if (intents.length > 0) this.input.orders.apply(intents, this.context.position);
  }

}
