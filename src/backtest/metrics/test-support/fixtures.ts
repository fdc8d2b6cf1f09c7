// Builders shared by the metrics tests: trades with defaults, equity samples by day and hour, and the five-day curve.

import { equityCurveOf } from '../equity-curve.js';
import { DAY_MS } from '../stats.js';
import type { ClosedTrade, EquityCurve } from '../types.js';

export const JAN_1 = Date.UTC(2024, 0, 1);
export const HOUR_MS = 3_600_000;

/** A sample `day` days and `hour` hours after 2024-01-01 00:00 UTC (make a curve of them with equityCurveOf). */
export const at = (day: number, hour: number, equity: number): { time: number; equity: number } => ({ time: JAN_1 + day * DAY_MS + hour * HOUR_MS, equity });

/** A long trade of one hour from 2024-01-01 00:00 with no costs, changed by `overrides`. */
export function trade(overrides: Partial<ClosedTrade> = {}): ClosedTrade {
  return {
    side: 'long',
    entryTime: JAN_1,
    exitTime: JAN_1 + HOUR_MS,
    entryPrice: 100,
    exitPrice: 100,
    quantity: 1,
    fees: 0,
    funding: 0,
    slippage: 0,
    pnl: 0,
    exitReason: 'signal',
    ...overrides,
  };
}

// Five days from 1000 USDT; only each day's last sample counts:
//   day 1: 1005, 1010        → 1010       / 1000      − 1 = +1 %
//   day 2: 990, 999.9        → 999.9      / 1010      − 1 = −1 %
//   day 3: 1019.898          → 1019.898   / 999.9     − 1 = +2 %
//   day 4: 1030, 1019.898    → 1019.898   / 1019.898  − 1 =  0 %
//   day 5: 1009.69902        → 1009.69902 / 1019.898  − 1 = −1 %
export const FIVE_DAYS: EquityCurve = equityCurveOf([
  at(0, 6, 1005), at(0, 23, 1010),
  at(1, 5, 990), at(1, 20, 999.9),
  at(2, 12, 1019.898),
  at(3, 1, 1030), at(3, 22, 1019.898),
  at(4, 23, 1009.69902),
]);
