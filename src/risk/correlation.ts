// Which open positions move with a new entry, and how much that shrinks its size.
import { direction } from './side.js';
import type { RiskConfig } from './risk-config.js';
import type { OpenPosition } from './risk-view.js';

export interface CorrelatedPosition {
  readonly symbol: string;
  /** Correlation signed by the sides: positive when the two positions win and lose together. */
  readonly effective: number;
}

/** Open positions whose side-signed correlation with a new `side` entry on `symbol` reaches the threshold (the same symbol counts as 1). */
export function correlatedPositions(
  symbol: string,
  side: 'long' | 'short',
  positions: readonly OpenPosition[],
  correlations: Readonly<Record<string, number>>,
  threshold: number,
): CorrelatedPosition[] {
  const found: CorrelatedPosition[] = [];
  for (const p of positions) {
    const rho = p.symbol === symbol ? 1 : (correlations[p.symbol] ?? 0);
    const effective = rho * direction(side) * direction(p.side);
    if (effective >= threshold) found.push({ symbol: p.symbol, effective });
  }
  return found;
}

/** 1 / (1 + Σ effective correlation): the new entry shares one risk budget with the positions it moves with. */
export function correlationFactor(correlated: readonly CorrelatedPosition[], config: RiskConfig['sizing']['correlation']): number {
  if (!config.enabled) return 1;
  return 1 / (1 + correlated.reduce((sum, c) => sum + c.effective, 0));
}
