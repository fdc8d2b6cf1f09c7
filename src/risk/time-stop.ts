// Closes a trade that has made no progress for too long: capital is better used elsewhere.
import type { ExitAdvice, ExitMarket, ManagedPosition } from './exit-inputs.js';
import type { RiskConfig } from './risk-config.js';
import { favourable } from './side.js';

export function timeStop(position: ManagedPosition, market: ExitMarket, config: RiskConfig['exits']['timeStop']): ExitAdvice | undefined {
  if (!config.enabled || !(market.time - position.openedAt >= config.afterMs)) return undefined;
  const progress = favourable(position.side, position.entryPrice, market.price) / position.entryPrice;
  if (progress >= config.minProgressPct) return undefined;
  const minutes = Math.round(config.afterMs / 60_000);
  return { kind: 'exit', rule: 'timeStop', reason: `time stop: under +${+(config.minProgressPct * 100).toFixed(3)} % after ${minutes} min` };
}
