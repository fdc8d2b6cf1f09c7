// Moves the stop to the entry (plus an optional offset) once the trade has gone far enough in its favour.
import type { ManagedPosition, StopCandidate } from './exit-inputs.js';
import type { RiskConfig } from './risk-config.js';
import { favourable, offset } from './side.js';

export function breakevenStop(position: ManagedPosition, config: RiskConfig['exits']['breakeven']): StopCandidate | undefined {
  if (!config.enabled) return undefined;
  const { side, entryPrice: entry } = position;
  const best = favourable(side, entry, position.peakPrice);
  const initialRisk = position.initialStop === undefined ? Number.NaN : favourable(side, position.initialStop, entry);
  const byMove = config.afterMovePct !== null && best >= config.afterMovePct * entry;
  const byR = config.afterR !== null && initialRisk > 0 && best >= config.afterR * initialRisk;
  if (!byMove && !byR) return undefined;
  const trigger = byMove ? `+${+((config.afterMovePct ?? 0) * 100).toFixed(3)} %` : `${config.afterR} R`;
  return { rule: 'breakeven', stop: offset(side, entry, config.offsetPct * entry), reason: `breakeven after ${trigger}` };
}
