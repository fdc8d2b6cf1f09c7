// Per-pair settings from the seed: the move worth trading, the ATR multiplier and the leverage, calibrated from ATR for other pairs.

export interface PairSettings {
  readonly symbol: string;
  /** The smallest move (USDT per coin) a trade should aim for: $2 on SOL. */
  readonly minMove: number;
  /** Multiplies ATR-based distances (stops, targets) for this pair. */
  readonly atrMultiplier: number;
  readonly leverage: number;
  /** True when the values come from the seed table, false when calibrated from ATR. */
  readonly seeded: boolean;
}

const SEEDED: readonly PairSettings[] = [
  { symbol: 'SOLUSDT', minMove: 2, atrMultiplier: 1.0, leverage: 3, seeded: true },
  { symbol: 'ETHUSDT', minMove: 30, atrMultiplier: 1.2, leverage: 2, seeded: true },
  { symbol: 'BTCUSDT', minMove: 300, atrMultiplier: 1.5, leverage: 2, seeded: true },
  { symbol: 'AVAXUSDT', minMove: 1, atrMultiplier: 0.8, leverage: 3, seeded: true },
];

/** SOL's $2 move is about this many of its 5m ATRs; other pairs get the same move in their own ATRs. */
const SOL_MOVE_IN_ATRS = 4;

/**
 * The seed settings of a pair, or, for another pair, settings calibrated from its ATR (`atr`, in price,
 * on the strategy's timeframe): a minimum move of the same number of ATRs as SOL's $2, ATR multiplier
 * 1.0 and leverage 2. Throws RangeError for an unknown pair without a positive ATR.
 */
export function pairSettings(symbol: string, atr?: number): PairSettings {
  const seeded = SEEDED.find((p) => p.symbol === symbol);
  if (seeded) return seeded;
  if (!(atr !== undefined && atr > 0 && Number.isFinite(atr))) {
    throw new RangeError(`no seed settings for ${symbol}: pass its ATR (a positive price distance) to calibrate them, got ${atr}`);
  }
  return { symbol, minMove: SOL_MOVE_IN_ATRS * atr, atrMultiplier: 1.0, leverage: 2, seeded: false };
}

/** How a pair's dollar moves compare with SOL's ($30 on ETH is worth $2 on SOL): minMove / SOL's minMove. */
export function moveScale(settings: PairSettings): number {
  return settings.minMove / SEEDED[0]!.minMove;
}
