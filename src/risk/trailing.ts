// The trails that follow a winning trade once it has run far enough: Parabolic SAR, a cap on giving back profit, the last swing.
import type { ExitMarket, ManagedPosition, StopCandidate } from './exit-inputs.js';
import type { RiskConfig } from './risk-config.js';
import { favourable, offset } from './side.js';

export function trailCandidates(position: ManagedPosition, market: ExitMarket, config: RiskConfig['exits']): StopCandidate[] {
  const { side, entryPrice: entry } = position;
  const peakProfit = favourable(side, entry, position.peakPrice);
  if (peakProfit < config.trailActivationAtr * market.atr || peakProfit <= 0) return [];
  const candidates: StopCandidate[] = [];
  if (config.psarTrail.enabled && isPrice(market.psar)) {
    candidates.push({ rule: 'psarTrail', stop: market.psar, reason: 'trailing by Parabolic SAR' });
  }
  if (config.givebackTrail.enabled) {
    const kept = 1 - config.givebackTrail.maxGiveback;
    const reason = `trailing: give back at most ${+(config.givebackTrail.maxGiveback * 100).toFixed(1)} % of the peak profit`;
    candidates.push({ rule: 'givebackTrail', stop: offset(side, entry, peakProfit * kept), reason });
  }
  if (config.structureTrail.enabled && isPrice(market.lastSwing)) {
    const stop = offset(side, market.lastSwing, -config.structureTrail.bufferAtr * market.atr);
    candidates.push({ rule: 'structureTrail', stop, reason: `trailing behind the last swing ${market.lastSwing}` });
  }
  return candidates;
}

function isPrice(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value > 0;
}
