// The risk engine in the kernel's loop: every intent passes it, its forced closes go out, and denials are kept as IntentDenied records.
import type { Candle } from '../domain/candle.js';
import type { InstrumentRules } from '../domain/instrument.js';
import type { Intent } from '../domain/intent.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { SMA } from '../indicators/trend/sma.js';
import { ATR } from '../indicators/volatility/atr.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { MarketUpdate, OpenPosition, RiskEngine, RiskRule, RiskView } from '../risk/index.js';

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

export class RiskGate {
  readonly denied: IntentDenied[] = [];
  private readonly atr = new ATR(ATR_PERIOD);
  private readonly baseAtr = new SMA(BASE_ATR_PERIOD);
  private readonly trades: RoundTrip[] = [];
  private peakEquity: number;
  private price = Number.NaN;
  private move = 0;

  constructor(
    private readonly risk: RiskEngine,
    private readonly strategy: string,
    private readonly symbol: string,
    private readonly rules: InstrumentRules,
    private readonly portfolio: Portfolio,
    private readonly barMs: number,
  ) {
    this.peakEquity = portfolio.equity;
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
