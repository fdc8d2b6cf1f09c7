// The risk parameters every strategy here shares, and the quantity they give: equity lost at the stop, capped by exposure.
import { z } from 'zod';

/** Spread into a strategy's strictObject: the risk engine resizes later, these keep a backtest honest meanwhile. */
export const riskParams = {
  /** Share of equity lost when the initial stop is hit, in percent. */
  riskPct: z.number().positive().max(10).default(1),
  /** Largest position value as a percent of equity (100 = 1× leverage). */
  maxExposurePct: z.number().positive().max(10_000).default(100),
};

export interface RiskSettings {
  readonly riskPct: number;
  readonly maxExposurePct: number;
}

/**
 * Base-coin quantity that loses `riskPct` of `equity` over `stopDistance`, no larger than
 * `maxExposurePct` of equity at `entry`. 0 when the distance or the equity cannot size a trade.
 */
export function riskSizedQty(equity: number, risk: RiskSettings, entry: number, stopDistance: number): number {
  if (!(equity > 0 && stopDistance > 0 && entry > 0)) return 0;
  return Math.min((equity * risk.riskPct) / 100 / stopDistance, (equity * risk.maxExposurePct) / 100 / entry);
}
