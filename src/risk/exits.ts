// Given an open position and the market now, the one thing to do about its exit: close it, move its stop, or nothing.
import type { InstrumentRules } from '../domain/instrument.js';
import type { Intent } from '../domain/intent.js';
import { breakevenStop } from './breakeven.js';
import type { ExitAdvice, ExitMarket, ManagedPosition, StopCandidate } from './exit-inputs.js';
import { onGrid } from './grid.js';
import type { RiskConfig } from './risk-config.js';
import { isHit, isTighter } from './side.js';
import { timeStop } from './time-stop.js';
import { trailCandidates } from './trailing.js';
import { volatilityStop } from './volatility-stop.js';

/**
 * Precedence: the time stop; then a stop a rule wants that the price has already crossed (exit by that
 * rule); then the tightest wanted stop when it tightens the current one. While a volatility spike widens
 * the initial stop, only breakeven may tighten. Stops round away from the entry; no advice on bad numbers.
 */
export function adviseExit(position: ManagedPosition, market: ExitMarket, config: RiskConfig['exits'], rules: InstrumentRules): ExitAdvice | undefined {
  const numbers = [position.entryPrice, position.peakPrice, market.price, market.atr];
  if (!numbers.every((x) => Number.isFinite(x) && x > 0) || !Number.isFinite(market.time)) return undefined;
  const { side } = position;
  const seen = { ...position, peakPrice: isTighter(side, market.price, position.peakPrice) ? market.price : position.peakPrice };

  const timeUp = timeStop(seen, market, config.timeStop);
  if (timeUp) return timeUp;
  const widened = volatilityStop(seen, market, config.volatilityStop);
  const breakeven = breakevenStop(seen, config.breakeven);
  const wanted = [breakeven, ...(widened ? [] : trailCandidates(seen, market, config))].filter((c): c is StopCandidate => c !== undefined);

  const crossed = wanted.find((c) => isHit(side, c.stop, market.price));
  if (crossed) return { kind: 'exit', rule: crossed.rule, reason: `${crossed.reason}: stop ${+crossed.stop.toPrecision(10)} crossed at ${market.price}` };
  const tightest = wanted.reduce<StopCandidate | undefined>((best, c) => (best && !isTighter(side, c.stop, best.stop) ? best : c), undefined);
  const loosens = widened !== undefined && (position.stopLoss === undefined || isTighter(side, position.stopLoss, widened.stop));
  const chosen = tightest ?? (loosens ? widened : undefined);
  if (!chosen) return undefined;
  const stopLoss = onGrid<number | undefined>(() => rules.stopPrice(chosen.stop, side), () => undefined);
  if (stopLoss === undefined) return undefined;
  const moves = chosen === widened ? stopLoss !== position.stopLoss : isTighter(side, stopLoss, position.stopLoss);
  return moves ? { kind: 'moveStop', stopLoss, rule: chosen.rule, reason: chosen.reason } : undefined;
}

/** The intent that carries out an advice. */
export function exitIntent(advice: ExitAdvice): Intent {
  return advice.kind === 'exit' ? { kind: 'exit', reason: advice.reason } : { kind: 'moveStop', stopLoss: advice.stopLoss };
}
