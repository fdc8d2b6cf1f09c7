// What open positions already commit: USDT at risk to their stops, and exposure (margin or notional) per symbol and in total.
import type { RiskConfig } from './risk-config.js';
import type { OpenPosition } from './risk-view.js';
import { favourable } from './side.js';

/** USDT lost if the stop is hit; a stop past the entry risks nothing, a missing stop risks the whole notional. */
export function positionRisk(position: OpenPosition): number {
  if (position.stopLoss === undefined) return Math.abs(position.notional);
  return Math.max(0, favourable(position.side, position.stopLoss, position.entryPrice)) * Math.abs(position.size);
}

export function openRisk(positions: readonly OpenPosition[]): number {
  return positions.reduce((sum, p) => sum + positionRisk(p), 0);
}

/** Exposure of one unit of notional: 1 / leverage when exposure means margin, 1 when it means notional. */
export function exposurePerNotional(sizing: RiskConfig['sizing']): number {
  return sizing.exposureBasis === 'margin' ? 1 / sizing.leverage : 1;
}

export function totalExposure(positions: readonly OpenPosition[], sizing: RiskConfig['sizing']): number {
  return positions.reduce((sum, p) => sum + Math.abs(p.notional), 0) * exposurePerNotional(sizing);
}

export function symbolExposure(positions: readonly OpenPosition[], symbol: string, sizing: RiskConfig['sizing']): number {
  return totalExposure(positions.filter((p) => p.symbol === symbol), sizing);
}
