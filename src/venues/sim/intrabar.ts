// The price path inside a candle: the order question every bar-based backtest must answer (which stop or target came first).

export interface Ohlc {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * The assumed path of one candle: open → first extreme → other extreme → close. The extreme nearer
 * to the open is taken to come first (a small move away from the open is likelier to happen before
 * a large one); on a tie, a falling candle is taken to have visited its high first and a rising one
 * its low first. With finer candles ("timeframe detail") the path is the concatenation of theirs.
 */
export function candlePath(c: Ohlc): [number, number, number, number] {
  const toHigh = c.high - c.open;
  const toLow = c.open - c.low;
  const highFirst = toHigh < toLow || (toHigh === toLow && c.close < c.open);
  return highFirst ? [c.open, c.high, c.low, c.close] : [c.open, c.low, c.high, c.close];
}

/** The path across finer candles inside one bar (1m inside 5m), in time order. */
export function detailPath(candles: readonly Ohlc[]): number[] {
  const path: number[] = [];
  for (const c of candles) path.push(...candlePath(c));
  return path;
}

/** The path of a candle, decided by its finer candles when there are any. */
export function pathOf(candle: Ohlc, detail: readonly Ohlc[] | undefined): number[] {
  return detail !== undefined && detail.length > 0 ? detailPath(detail) : candlePath(candle);
}

/** Points each candle contributes to a path: open, two extremes, close. */
export const POINTS_PER_CANDLE = 4;
