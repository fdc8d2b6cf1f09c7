// A funding settlement of a perpetual: the rate longs pay shorts (negative: shorts pay longs).

export interface FundingRate {
  readonly symbol: string;
  /** Settlement time, ms since epoch, UTC. */
  readonly time: number;
  /** Rate per funding interval as a fraction (0.0001 = 0.01 %). */
  readonly rate: number;
}

/** Bybit's default funding interval for USDT perpetuals: every 8 hours at 00:00, 08:00, 16:00 UTC. */
export const DEFAULT_FUNDING_INTERVAL_MS = 8 * 3_600_000;
