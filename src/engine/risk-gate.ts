// The risk engine in the kernel's loop: every intent passes it, its forced closes go out, and denials are kept as IntentDenied records.
import type { Candle } from '../domain/candle.js';
import type { InstrumentRules } from '../domain/instrument.js';
import type { Intent } from '../domain/intent.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { SMA } from '../indicators/trend/sma.js';
import { ATR } from '../indicators/volatility/atr.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import { exitIntent, type RiskEvent, type MarketUpdate, type OpenPosition, type RiskEngine, type RiskRule, type RiskView } from '../risk/index.js';
import { PSAR } from '../indicators/trend/psar.js';
import { SwingPoints } from '../features/price/swings.js';

/** An entry the risk engine refused (the IntentDenied event): nothing was sent. */
export interface IntentDenied {
  readonly time: number;
  readonly intent: Intent;
  readonly rule: RiskRule;
  readonly reason: string;
}

/** ATR(14) of the traded candles, normalised against its own 100-candle mean. */
const ATR_PERIOD = 14;
const BASE_ATR_PERIOD = 100;

/** A strategy hook that threw: its output for that moment was dropped (and the circuit breaker counted it). */
export interface StrategyFault {
  readonly time: number;
  readonly message: string;
}

export class RiskGate {
  readonly denied: IntentDenied[] = [];
  readonly faults: StrategyFault[] = [];
  /** Everything the risk engine announced during the run: state changes, paused strategies, alerts. */
  readonly events: RiskEvent[] = [];
  private readonly atr = new ATR(ATR_PERIOD);
  private readonly baseAtr = new SMA(BASE_ATR_PERIOD);
  private readonly trades: RoundTrip[] = [];
  // Fields holding numbers start as numbers (never bare): V8 then stores them unboxed, with no allocation per update.
  private peakEquity = Number.NaN;
  private price = Number.NaN;
  private move = 0;
  /** What the exit rules watch: PSAR, confirmed swings, and the open position's start, first stop and best price. */
  private readonly psar = new PSAR();
  private readonly swings = new SwingPoints(3);
  private openedAt = Number.NaN;
  private initialStop: number | undefined;
  private bestPrice = Number.NaN;

  constructor(
    private readonly risk: RiskEngine,
    private readonly strategy: string,
    private readonly symbol: string,
    private readonly rules: InstrumentRules,
    private readonly portfolio: Portfolio,
    private readonly barMs: number,
  ) {
    this.peakEquity = portfolio.equity;
    risk.subscribe((event) => this.events.push(event));
  }

  /**
   * A candle closed: its ATR, the equity peak, and its move. Without 1m data the candle's own move
   * (close against open) stands in for the last minute's, which errs on the side of the guard.
   */
  onCandle(bar: Candle): void {
    this.atr.add(bar);
    if (this.atr.isStable) this.baseAtr.add(this.atr.value);
    this.peakEquity = Math.max(this.peakEquity, this.portfolio.equity);
    this.price = bar.close;
    this.move = bar.open > 0 ? bar.close / bar.open - 1 : 0;
    this.psar.add(bar);
    this.swings.add(bar);
    this.follow(bar);
  }

  /** The exit rules' advice for the open position (move the stop, or exit), as intents. */
  manage(time: number): Intent[] {
    const held = this.portfolio.position(this.symbol);
    if (held.size === 0 || !this.atr.isStable) return [];
    const long = held.size > 0;
    const swing = long ? this.swings.lastLow : this.swings.lastHigh;
    // Plain literals with every field (unknown ones undefined): this runs on every candle a position is
    // held, and conditional spreads cost far more than the rules they feed.
    const advice = this.risk.manage(
      {
        side: long ? 'long' : 'short',
        entryPrice: held.entryPrice,
        openedAt: this.openedAt,
        stopLoss: held.stopLoss,
        initialStop: this.initialStop,
        peakPrice: this.bestPrice,
      },
      {
        time,
        price: this.price,
        atr: this.atr.value,
        baseAtr: this.baseAtr.isStable ? this.baseAtr.value : undefined,
        psar: this.psar.isStable ? this.psar.sar : undefined,
        lastSwing: Number.isNaN(swing) ? undefined : swing,
      },
      this.rules,
    );
    return advice ? [exitIntent(advice)] : [];
  }

  /** Notes when a position opened, its first stop and the best price since. */
  private follow(bar: Candle): void {
    const held = this.portfolio.position(this.symbol);
    if (held.size === 0) {
      this.openedAt = Number.NaN;
      this.initialStop = undefined;
      return;
    }
    const long = held.size > 0;
    if (Number.isNaN(this.openedAt)) {
      this.openedAt = bar.time;
      this.initialStop = held.stopLoss;
      this.bestPrice = long ? bar.high : bar.low;
    } else {
      this.bestPrice = long ? Math.max(this.bestPrice, bar.high) : Math.min(this.bestPrice, bar.low);
    }
  }

  /**
   * Runs a strategy hook under the error policy: while the strategy's circuit breaker is open it is not
   * called; an error skips that moment's output, counts towards the breaker, and is recorded.
   */
  guard<T>(time: number, hook: () => T): T | undefined {
    if (!this.risk.canRun(this.strategy, this.symbol, time)) return undefined;
    try {
      const result = hook();
      this.risk.onSuccess(this.strategy, this.symbol);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.faults.push({ time, message });
      this.risk.onError({ level: 'strategy', strategy: this.strategy, symbol: this.symbol, message }, time);
      return undefined;
    }
  }

  /** The intents the risk engine lets through, sized; the refused entries are recorded. */
  filter(intents: readonly Intent[], time: number): Intent[] {
    const passed: Intent[] = [];
    for (const intent of intents) {
      if (intent.kind !== 'enter') {
        passed.push(intent);
        continue;
      }
      const decision = this.risk.review(intent, this.view(time), this.rules);
      if (decision.approved) passed.push(decision.intent);
      else this.denied.push({ time, intent, rule: decision.rule, reason: decision.reason });
    }
    return passed;
  }

  /** What the risk engine orders on its own after this candle (close all, cancel all), for the traded symbol. */
  forced(time: number): Intent[] {
    return this.risk
      .onMarket(this.update(time))
      .filter((f) => f.symbol === this.symbol)
      .map((f) => f.intent);
  }

  onTrade(trade: RoundTrip): void {
    this.trades.push(trade);
    this.risk.onTrade(trade);
  }

  private update(time: number): MarketUpdate {
    const held = this.portfolio.position(this.symbol);
    const positions: OpenPosition[] =
      held.size === 0
        ? []
        : [{ symbol: this.symbol, side: held.size > 0 ? 'long' : 'short', size: Math.abs(held.size), entryPrice: held.entryPrice, ...(held.stopLoss === undefined ? {} : { stopLoss: held.stopLoss }), notional: Math.abs(held.size) * this.price }];
    return { time, equity: this.portfolio.equity, balance: this.portfolio.balance, peakEquity: this.peakEquity, positions, symbol: this.symbol, oneMinuteMove: this.move };
  }

  private view(time: number): RiskView {
    const atr = this.atr.isStable ? this.atr.value : Number.NaN;
    return {
      ...this.update(time),
      strategy: this.strategy,
      recentTrades: this.trades,
      price: this.price,
      atr,
      baseAtr: this.baseAtr.isStable ? this.baseAtr.value : atr,
      correlations: {},
      symbolActive: true,
      signalBarMs: this.barMs,
    };
  }
}
