// The one rule that loosens a stop: while ATR spikes, the initial stop widens with it so noise does not take the trade out.
import type { ExitMarket, ManagedPosition, StopCandidate } from './exit-inputs.js';
import type { RiskConfig } from './risk-config.js';
import { favourable, offset } from './side.js';

/**
 * During a spike (ATR ≥ spikeRatio × base ATR) the initial stop distance is scaled by ATR / base ATR, at most
 * maxWidening times. Only a stop still on the losing side of the entry widens; a stop that locks profit stays.
 */
export function volatilityStop(position: ManagedPosition, market: ExitMarket, config: RiskConfig['exits']['volatilityStop']): StopCandidate | undefined {
  const { side, entryPrice: entry, initialStop, stopLoss } = position;
  if (!config.enabled || initialStop === undefined || !Number.isFinite(initialStop) || market.baseAtr === undefined || !(market.baseAtr > 0)) return undefined;
  const ratio = market.atr / market.baseAtr;
  if (!(ratio >= config.spikeRatio)) return undefined;
  if (stopLoss !== undefined && favourable(side, stopLoss, entry) <= 0) return undefined;
  const widening = Math.min(ratio, config.maxWidening);
  const stop = offset(side, entry, -favourable(side, initialStop, entry) * widening);
  return { rule: 'volatilityStop', stop, reason: `volatility spike: ATR ${ratio.toFixed(2)}× usual, stop widened ${widening.toFixed(2)}×` };
}
