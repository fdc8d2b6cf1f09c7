// One entry through every gate in order: usable numbers, paused strategy, protections, balance floor, stop, signal checks, correlation, size.
import type { InstrumentRules } from '../domain/instrument.js';
import type { Intent } from '../domain/intent.js';
import { correlatedPositions, correlationFactor } from './correlation.js';
import { deny, isDenial, type RiskDecision, type SizingReport } from './decision.js';
import { initialStop } from './initial-stop.js';
import { riskFraction } from './kelly.js';
import { ladderTargets } from './ladder.js';
import type { RiskConfig } from './risk-config.js';
import { checkViewNumbers, type RiskView } from './risk-view.js';
import { validateSignal } from './signal-validator.js';
import { atrFactor, confluenceFactor } from './size-factors.js';
import { sizePosition } from './sizing.js';
import type { TradingStatus } from './trading-state.js';

export type EnterIntent = Extract<Intent, { kind: 'enter' }>;

export interface EntryContext {
  readonly config: RiskConfig;
  readonly status: TradingStatus;
  /** Why the strategy may not run on this symbol now (its circuit breaker), if so. */
  readonly strategyPaused: string | undefined;
  readonly alreadyProcessed: boolean;
}

export function reviewEntry(intent: EnterIntent, view: RiskView, rules: InstrumentRules, context: EntryContext): RiskDecision {
  const { config, status } = context;
  const gate = checkViewNumbers(view) ?? gateByState(intent, view, context);
  if (gate) return gate;
  if (intent.limitPrice !== undefined && !(Number.isFinite(intent.limitPrice) && intent.limitPrice > 0)) {
    return deny('invalidInput', `limit price must be a positive number, got ${intent.limitPrice}`);
  }
  const entry = intent.limitPrice ?? view.price;
  const rawStop = initialStop(intent.side, entry, view.atr, intent.stopLoss, config.exits.initialStop);
  if (isDenial(rawStop)) return rawStop;
  const stopLoss = rules.stopPrice(rawStop, intent.side);

  const { leverage } = config.sizing;
  const minimumMargin = Math.max(Number(rules.instrument.minOrderQty) * entry, Number(rules.instrument.minNotional)) / leverage;
  const invalid = validateSignal(
    {
      ...view,
      side: intent.side,
      signal: intent.signal,
      signalBarMs: view.signalBarMs ?? 0,
      alreadyProcessed: context.alreadyProcessed,
      entryPrice: entry,
      stopPrice: stopLoss,
      marketPrice: view.price,
      minimumMargin,
    },
    config.signals,
  );
  if (invalid) return invalid;

  const correlationConfig = config.sizing.correlation;
  const correlated = correlationConfig.enabled ? correlatedPositions(view.symbol, intent.side, view.positions, view.correlations, correlationConfig.threshold) : [];
  if (correlated.length >= correlationConfig.maxCorrelatedPositions) {
    return deny('correlatedPositions', `${correlated.length} correlated positions open (${correlated.map((c) => c.symbol).join(', ')}), the limit is ${correlationConfig.maxCorrelatedPositions}`);
  }

  const factors = {
    riskFraction: riskFraction(view.recentTrades, config.sizing),
    atrFactor: atrFactor(view.atr, view.baseAtr, config.sizing.atrNormalisation),
    confluenceFactor: confluenceFactor(intent.signal?.strength, config.sizing.confluence),
    correlationFactor: correlationFactor(correlated, correlationConfig),
    protectionFactor: status.sizeFactor,
  };
  const scale = factors.atrFactor * factors.confluenceFactor * factors.correlationFactor * factors.protectionFactor;
  const sized = sizePosition(
    { ...view, side: intent.side, entryPrice: entry, stopPrice: stopLoss, riskFraction: factors.riskFraction, scale, market: intent.limitPrice === undefined },
    config,
    rules,
  );
  if (isDenial(sized)) return sized;

  const sizing: SizingReport = { ...factors, risk: sized.risk, limitedBy: sized.limitedBy };
  const ladder = config.exits.ladder;
  const addLadder = ladder.enabled && intent.takeProfit === undefined && intent.targets === undefined;
  const targets = addLadder ? { targets: ladderTargets(entry, view.atr, intent.side, ladder.rungs, rules) } : {};
  return { approved: true, intent: { ...intent, qty: sized.qty, stopLoss, ...targets }, sizing };
}

/** Denials that do not depend on the entry's prices: a paused strategy, a blocking protection, a weak signal, too little balance. */
function gateByState(intent: EnterIntent, view: RiskView, context: EntryContext): RiskDecision | undefined {
  const { status, config } = context;
  if (context.strategyPaused !== undefined) return deny('circuitBreaker', context.strategyPaused);
  if (status.blockedBy) return deny(status.blockedBy.rule, status.blockedBy.reason);
  const strength = intent.signal?.strength ?? 0;
  if (status.minStrength > 0 && !(strength >= status.minStrength)) {
    return deny('drawdown', `${status.reason}; this signal's strength is ${intent.signal?.strength ?? 'unknown'}`);
  }
  const floor = config.protections.minBalance;
  if (floor.enabled && view.balance < floor.amount) return deny('minBalance', `balance ${view.balance} USDT is below the minimum ${floor.amount} USDT`);
  return undefined;
}
