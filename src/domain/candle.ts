// A candle as strategies and feeds exchange it; series of candles live in columnar form (data/candle-series).

export interface Candle {
  /** Open time, ms since epoch, UTC. */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Base-coin volume. */
  readonly volume: number;
  /** Quote (USDT) volume; NaN when the source does not give it. */
  readonly turnover: number;
  /** False while the candle is still forming. */
  readonly closed: boolean;
  /** True for a candle made up by a repair (a forward-filled gap), never traded. */
  readonly synthetic?: boolean;
}
