// The backtest kernel: candles in time order through the venue, the portfolio, the strategy and the order manager, one equity sample per candle.
import { candleAt, type CandleColumns, type CandleSeries } from '../data/candle-series.js';
import type { FundingSeries } from '../data/funding-series.js';
import type { Candle } from '../domain/candle.js';
import { OrderBook, type BookMessage } from '../domain/order-book.js';
import { unrealisedPnl } from '../domain/position.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import type { Trade } from '../domain/trade.js';
import type { VenueEvent } from '../domain/venue-events.js';
import type { OrderManager } from '../execution/order-manager.js';
import { Portfolio } from '../portfolio/portfolio.js';
import { RoundTripRecorder } from '../portfolio/round-trip-recorder.js';
import type { SimCandle, SimulatedVenue } from '../ports/simulated-venue.js';
import type { Intent, Intents, Strategy, StrategyNeeds } from '../strategy/api.js';
import { contextViews, type ContextSeries } from './context-views.js';
import type { IntentDenied, RiskGate, StrategyFault } from './risk-gate.js';
import type { RiskEvent } from '../risk/index.js';
import { SeriesView } from './series-view.js';
import { EngineContext } from './strategy-context.js';

export interface BacktestLoopInput {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candles: CandleSeries;
  /** Finer candles (1m inside 5m) that decide the order of events inside each candle. */
  readonly detail?: CandleSeries | undefined;
  readonly funding?: FundingSeries | undefined;
  readonly venue: SimulatedVenue;
  /** The venue's starting balance (the portfolio keeps its own books from the venue's events); the venue's equity when absent. */
  readonly initialEquity?: number;
  readonly strategy: Strategy;
  /** Turns intents into orders on `venue` (built by the caller, who may want its record of reasons). */
  readonly orders: OrderManager;
  /** Candles the strategy can look back on, per series (the live engine keeps 500). */
  readonly lookback?: number;
  /** What the strategy declared it reads besides its own candles. */
  readonly needs?: StrategyNeeds | undefined;
  /** Candles of the other symbols in `needs.symbols`. */
  readonly context?: readonly ContextSeries[];
  /** Public trades of the traded symbol in time order, for onTrade. */
  readonly trades?: readonly Trade[];
  /** Order book messages of the traded symbol in time order, for onBook. */
  readonly book?: readonly BookMessage[];
  readonly onEvent?: (event: VenueEvent) => void;
  /**
   * The risk engine between the strategy and the order manager, built on this loop's portfolio (see
   * RiskGate); without it intents go straight to the order manager.
   */
  readonly risk?: (portfolio: Portfolio) => RiskGate;
  /** The replay clock the venue stamps commands with: set to each candle's close before the strategy acts. */
  readonly clock?: { set(time: number): void };
  /** Called every `progressEvery` candles with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface BacktestLoopOutput {
  /** Open time of each candle (a view of the candles' time column, not a copy) and the equity at its close. */
  readonly equityTime: Float64Array;
  readonly equity: Float64Array;
  /** Round trips of the traded symbol, in the order they closed. */
  readonly trades: readonly RoundTrip[];
  /** Entries the risk engine refused, in time order (empty without a risk engine). */
  readonly denied: readonly IntentDenied[];
  /** Strategy hooks that threw under the risk engine's error policy (without one an error ends the run). */
  readonly faults: readonly StrategyFault[];
  /** What the risk engine announced (trading state changes with their reasons, pauses, alerts). */
  readonly riskEvents: readonly RiskEvent[];
}

/**
 * Candles per call of the replay loop. A backtest runs the kernel once, so one loop over every candle
 * would start each run in the interpreter and wait for on-stack replacement; a loop function called
 * chunk by chunk is optimised as a whole after its first calls, and every later run starts in that code.
 */
const REPLAY_CHUNK = 4096;

export function runBacktestLoop(input: BacktestLoopInput): BacktestLoopOutput {
  const { symbol, candles, venue, strategy, funding, orders } = input;
  const n = candles.length;
  const c = candles.columns;
  const tfMs = timeframeMs(input.timeframe);
  const lookback = input.lookback ?? 500;
  const portfolio = new Portfolio(input.initialEquity ?? venue.equity({}));
  const view = new SeriesView(candles, tfMs, lookback);
  const others = contextViews(input.needs, symbol, input.timeframe, candles, input.context ?? [], lookback);
  const context = new EngineContext(symbol, input.timeframe, view, portfolio, others.views);
  /** The traded symbol's position in the portfolio, marked at each close. */
  const held = portfolio.position(symbol);

  /**
   * When intents act: the close of the candle (or detail candle) just processed. A field, not a `let`
   * the closures below capture: a captured double is boxed anew on every write, once per candle.
   */
  const acting = new ActingTime();
  // Intents from fill and close hooks wait for the candle's close: the venue is mid-candle when they fire.
  const queued: Intent[] = [];
  const queue = (intents: Intents): void => {
    if (intents) for (const intent of intents) queued.push(intent);
  };
  const risk = input.risk?.(portfolio);
  const recorder = new RoundTripRecorder(
    (clientId) => orders.reasonOf(clientId),
    (trade) => {
      risk?.onTrade(trade);
      if (strategy.onPositionClosed) queue(risk ? risk.guard(acting.now, () => strategy.onPositionClosed!(context, trade)) : strategy.onPositionClosed(context, trade));
    },
  );
  venue.onEvent((event) => {
    portfolio.on(event);
    orders.on(event);
    recorder.on(event);
    if (strategy.onFill && event.type === 'orderFilled' && event.fill.symbol === symbol) {
      const fill = event.fill;
      queue(risk ? risk.guard(acting.now, () => strategy.onFill!(context, fill)) : strategy.onFill(context, fill));
    }
    input.onEvent?.(event);
  });
  const act = (intents: Intents): void => {
    if (!intents || intents.length === 0) return;
    orders.apply(risk ? risk.filter(intents, acting.now) : intents, context.position);
  };
  const flows = flowReplay(input, context);

  // Each sample is stamped with its candle's open time: the candles' own time column serves, uncopied.
  const equityTime = c.time;
  const equity = new Float64Array(n);
  const every = input.progressEvery ?? 10_000;
  // One candle object for the venue, rewritten each step (the venue keeps no reference to it).
  const bar = newBar();
  const detail = input.detail;
  // `columns` builds fresh views on every call: read it once.
  const detailColumns = detail?.columns;
  const detailTime = detailColumns?.time;
  let detailIndex = 0;
  // A strategy that reads the forming candle gets it after each detail candle, and its intents act from the next one.
  const forming = strategy.onForming && detailColumns
    ? formingReplay(input, context, detailColumns, act, () => (queued.length > 0 ? act(queued.splice(0)) : undefined), portfolio, (time) => (acting.now = time))
    : undefined;
  let fundingIndex = 0;

  context.time = n > 0 ? c.time[0]! : Number.NaN;
  acting.now = context.time;
  act(strategy.onStart?.(context));
  /** Candles [from, to): called chunk by chunk (see REPLAY_CHUNK). */
  const replay = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const time = c.time[i]!;
      readBar(bar, c, i);
      // Funding settles at its timestamp on what is held then, marked at the last known price.
      if (funding) {
        while (fundingIndex < funding.length && funding.time[fundingIndex]! <= time) {
          venue.settleFunding(symbol, funding.time[fundingIndex]!, funding.rate[fundingIndex]!, i > 0 ? c.close[i - 1]! : bar.open);
          fundingIndex++;
        }
      }
      if (detail && detailTime) {
        while (detailIndex < detail.length && detailTime[detailIndex]! < time) detailIndex++;
        const first = detailIndex;
        while (detailIndex < detail.length && detailTime[detailIndex]! < time + tfMs) detailIndex++;
        if (forming && detailIndex > first) forming.step(bar, first, detailIndex);
        else venue.processCandle(symbol, bar, detailIndex > first && !venue.isQuiet(symbol) ? detailCandles(detail, first, detailIndex) : undefined);
      } else {
        venue.processCandle(symbol, bar);
      }
      const closeTime = time + tfMs;
      acting.now = closeTime;
      input.clock?.set(closeTime);
      held.mark = bar.close;
      view.showFirst(i + 1);
      if (others.views.size > 0) others.showClosedBy(closeTime);
      context.time = time;
      if (flows) flows.deliver(closeTime, act);
      // Only the traded symbol can hold a position here, so its unrealised PnL is all there is (read in place: no boxed number per candle).
      equity[i] = portfolio.balance + unrealisedPnl(held, held.mark);
      if (risk) {
        risk.onCandle(candleAt(c, i));
        // The risk engine's own orders first (close all), then its exit rules (breakeven, trails, time stop).
        const forced = risk.forced(closeTime);
        if (forced.length > 0) orders.apply(forced, context.position);
        const managed = risk.manage(closeTime);
        if (managed.length > 0) orders.apply(managed, context.position);
      }
      if (queued.length > 0) act(queued.splice(0));
      act(risk ? risk.guard(acting.now, () => strategy.onCandle(context)) : strategy.onCandle(context));
      if (input.onProgress && (i + 1) % every === 0) input.onProgress(i + 1, n);
    }
  };
  for (let from = 0; from < n; from += REPLAY_CHUNK) replay(from, Math.min(from + REPLAY_CHUNK, n));
  // What is still open at the end is closed at the last close ("end of data"), so every trade is counted.
  if (n > 0 && context.position.size !== 0) {
    venue.closePosition(symbol, c.close[n - 1]!, c.time[n - 1]!);
    equity[n - 1] = portfolio.equity;
  }
  input.onProgress?.(n, n);
  return { equityTime, equity, trades: recorder.trades, denied: risk?.denied ?? [], faults: risk?.faults ?? [], riskEvents: risk?.events ?? [] };
}

/**
 * Drives the venue through the detail candles one by one (so fills happen at their granularity) and,
 * after each but the last, shows the strategy the main candle formed so far. Intents from onForming
 * go out at that detail candle's close and act from the next one.
 */
function formingReplay(
  input: BacktestLoopInput,
  context: EngineContext,
  d: CandleColumns,
  act: (intents: Intents) => void,
  flushQueued: () => void,
  portfolio: Portfolio,
  setNow: (time: number) => void,
): { step(main: SimCandle, from: number, to: number): void } {
  const { venue, symbol, strategy } = input;
  const step = newBar();
  return {
    step(main, from, to) {
      let high = Number.NEGATIVE_INFINITY;
      let low = Number.POSITIVE_INFINITY;
      let volume = 0;
      let turnover = 0;
      const mainTime = context.time;
      for (let k = from; k < to; k++) {
        readBar(step, d, k);
        venue.processCandle(symbol, step);
        high = Math.max(high, step.high);
        low = Math.min(low, step.low);
        volume += step.volume;
        turnover += d.turnover[k]!;
        if (k === to - 1) break;
        input.clock?.set(d.time[k + 1]!);
        setNow(d.time[k + 1]!);
        portfolio.mark(symbol, step.close);
        context.time = step.time;
        flushQueued();
        act(strategy.onForming!(context, { time: main.time, open: main.open, high, low, close: step.close, volume, turnover, closed: false }));
      }
      context.time = mainTime;
    },
  };
}

/**
 * When intents act, written once per candle. A class of its own: an object literal `{ now }` would share
 * V8's hidden class with every other `{ now }` (the system clock's holds a function), its field would be
 * generic, and each write would box a new number.
 */
class ActingTime {
  now = Number.NaN;
}

/** A candle the venue is handed, rewritten in place for each step (the venue keeps no reference to it). */
type MutableBar = { -readonly [K in keyof SimCandle]: SimCandle[K] };

function newBar(): MutableBar {
  return { time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
}

/** Copies candle `i` of `cols` into `bar`. */
function readBar(bar: MutableBar, cols: CandleColumns, i: number): void {
  bar.time = cols.time[i]!;
  bar.open = cols.open[i]!;
  bar.high = cols.high[i]!;
  bar.low = cols.low[i]!;
  bar.close = cols.close[i]!;
  bar.volume = cols.volume[i]!;
}

function detailCandles(detail: CandleSeries, from: number, to: number): Candle[] {
  const out: Candle[] = [];
  const columns = detail.columns;
  for (let k = from; k < to; k++) out.push(candleAt(columns, k));
  return out;
}

/**
 * Trades and book messages of a candle go to onTrade / onBook once the candle has been matched: a
 * candle backtest knows fills only per candle, so their intents act at the candle's close too.
 */
function flowReplay(input: BacktestLoopInput, context: EngineContext): { deliver(until: number, act: (intents: Intents) => void): void } | undefined {
  const { strategy } = input;
  const trades = strategy.onTrade && input.needs?.trades ? (input.trades ?? []) : [];
  const messages = strategy.onBook && input.needs?.book ? (input.book ?? []) : [];
  if (trades.length === 0 && messages.length === 0) return undefined;
  const book = new OrderBook();
  let t = 0;
  let b = 0;
  return {
    deliver(until, act) {
      const candleTime = context.time;
      while (t < trades.length || b < messages.length) {
        const tradeTime = t < trades.length ? trades[t]!.time : Infinity;
        const bookTime = b < messages.length ? messages[b]!.time : Infinity;
        if (Math.min(tradeTime, bookTime) >= until) break;
        if (tradeTime <= bookTime) {
          const trade = trades[t++]!;
          context.time = trade.time;
          act(strategy.onTrade!(context, trade));
        } else {
          const message = messages[b++]!;
          const applied = book.apply(message);
          context.time = message.time;
          if (applied.status === 'ok') act(strategy.onBook!(context, book));
        }
      }
      context.time = candleTime;
    },
  };
}

