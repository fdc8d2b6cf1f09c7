// The gate between every strategy intent and the venue: sizes and checks entries, keeps the trading state, and forces closes when a protection demands it.
import type { InstrumentRules } from '../domain/instrument.js';
import type { Intent } from '../domain/intent.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { deny, type ForcedIntent, type RiskDecision } from './decision.js';
import { reviewEntry } from './entry-review.js';
import { ErrorPolicy, type ErrorReport, type ErrorResponse } from './error-policy.js';
import { RiskEventHub, type RiskListener } from './events.js';
import type { ExitAdvice, ExitMarket, ManagedPosition } from './exit-inputs.js';
import { adviseExit } from './exits.js';
import { onGrid } from './grid.js';
import { ProcessedSignals } from './processed-signals.js';
import { Protections } from './protections.js';
import { parseRiskConfig, type RiskConfig, type RiskConfigInput } from './risk-config.js';
import type { MarketUpdate, RiskView } from './risk-view.js';
import { TradingStateTracker, type TradingStatus } from './trading-state.js';

export class RiskEngine {
  readonly config: RiskConfig;
  private readonly events = new RiskEventHub();
  private readonly tracker = new TradingStateTracker(this.events);
  private readonly protections: Protections;
  private readonly errors: ErrorPolicy;
  private readonly processed = new ProcessedSignals();
  /** Close-all intents a protection demanded during review(), handed out by the next onMarket(). */
  private pendingForced: ForcedIntent[] = [];
  /** The latest time seen: state never runs backwards when calls arrive out of order. */
  private now = Number.NEGATIVE_INFINITY;

  /** `config` is validated (an InputError names every bad field); anything left out takes its default. */
  constructor(config: RiskConfigInput = {}) {
    this.config = parseRiskConfig(config);
    this.protections = new Protections(this.config.protections);
    this.errors = new ErrorPolicy(this.config.errors);
  }

  /** tradingStateChanged, strategyPaused and riskAlert events; returns the unsubscribe. */
  subscribe(listener: RiskListener): () => void {
    return this.events.subscribe(listener);
  }

  get status(): TradingStatus {
    return this.tracker.status;
  }

  /** Entries are sized and checked; exits, stop moves, trails and cancels always pass. */
  review(intent: Intent, view: RiskView, rules: InstrumentRules): RiskDecision {
    if (intent.kind !== 'enter') return { approved: true, intent };
    this.observe(view);
    const signal = intent.signal;
    const context = {
      config: this.config,
      status: this.tracker.status,
      strategyPaused: this.errors.pausedReason(view.strategy, view.symbol, this.now),
      alreadyProcessed: signal !== undefined && this.processed.has(signal),
    };
    const decision = onGrid(() => reviewEntry(intent, view, rules, context), (error) => deny('invalidInput', error.message));
    if (decision.approved && signal) this.processed.add(signal, this.now);
    return decision;
  }

  /** Feeds a new account and market snapshot; returns what must be done at once (close all, cancel all), usually nothing. */
  onMarket(update: MarketUpdate): ForcedIntent[] {
    this.observe(update);
    const forced = this.pendingForced;
    this.pendingForced = [];
    return forced;
  }

  /** A closed trade (for the losing-streak pause). */
  onTrade(trade: RoundTrip): void {
    this.protections.recordTrade(trade);
    this.refresh(trade.exitTime);
  }

  /** Classifies an error and applies the response: skip, pause the strategy, or stop entries with an alert. */
  onError(report: ErrorReport, time: number): ErrorResponse {
    const response = this.errors.report(report, time);
    if (response.action === 'stopEntries') {
      this.protections.stopEntries(report.message);
      this.events.emit({ type: 'riskAlert', message: response.reason, time });
      this.refresh(time);
    } else if (response.action === 'pauseStrategy') {
      const { strategy, symbol, until, reason } = response;
      this.events.emit({ type: 'strategyPaused', strategy, ...(symbol !== undefined && { symbol }), until, reason, time });
    }
    return response;
  }

  /** The strategy ran cleanly on `symbol`: its error counts start again. */
  onSuccess(strategy: string, symbol: string): void {
    this.errors.success(strategy, symbol);
  }

  /** False while the strategy's circuit breaker (overall or on this symbol) is open: skip calling it. */
  canRun(strategy: string, symbol: string, time: number): boolean {
    return this.errors.pausedReason(strategy, symbol, time) === undefined;
  }

  /** A person's go-ahead after a drawdown halt or a system error; the drawdown is measured from `equity` from now on. */
  resume(time: number, equity: number): void {
    this.protections.resume(equity);
    this.refresh(time);
  }

  /** What to do about one open position's exit now (see adviseExit). */
  manage(position: ManagedPosition, market: ExitMarket, rules: InstrumentRules): ExitAdvice | undefined {
    return adviseExit(position, market, this.config.exits, rules);
  }

  private observe(update: MarketUpdate): void {
    const demandsCloseAll = this.protections.observe(update);
    this.refresh(update.time);
    if (demandsCloseAll) this.pendingForced.push(...closeAll(update, this.tracker.status.reason));
  }

  private refresh(time: number): void {
    if (Number.isFinite(time)) this.now = Math.max(this.now, time);
    this.tracker.update(this.protections.restrictions(this.now), this.now);
  }
}

/** Cancels every resting order first (so nothing new fills), then closes every position. */
function closeAll(update: MarketUpdate, reason: string): ForcedIntent[] {
  const symbols = new Set([...update.positions.map((p) => p.symbol), ...(update.orderSymbols ?? []), update.symbol]);
  const cancels = [...symbols].map((symbol): ForcedIntent => ({ symbol, intent: { kind: 'cancelOrders' } }));
  const exits = update.positions.map((p): ForcedIntent => ({ symbol: p.symbol, intent: { kind: 'exit', reason } }));
  return [...cancels, ...exits];
}
