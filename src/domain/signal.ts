// Why a strategy wants to trade: the factors and values behind a signal, kept for analytics, the risk engine and the dashboard.

/** One input to a decision, e.g. { name: 'volume z-score', value: 2.1, threshold: 0.5, passed: true, weight: 0.4 }. */
export interface SignalFactor {
  readonly name: string;
  readonly value: number;
  /** The level it was compared with, when there is one. */
  readonly threshold?: number;
  readonly passed: boolean;
  /** Its share of the strength, when factors are weighted (weights of a signal add up to 1). */
  readonly weight?: number;
}

export interface Signal {
  readonly strategy: string;
  readonly symbol: string;
  /** Open time of the candle the signal was made on (ms UTC). */
  readonly time: number;
  readonly side: 'long' | 'short';
  /** Confluence from 0 (barely) to 1 (everything agrees); the risk engine scales size with it. */
  readonly strength: number;
  readonly factors: readonly SignalFactor[];
  /** The price level the signal relies on (a broken range edge, a swept pool), when there is one. */
  readonly level?: number;
}
