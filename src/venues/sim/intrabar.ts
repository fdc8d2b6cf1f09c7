// The price path inside a candle, and which resting stop or target it reaches first: the order question every bar-based backtest must answer.

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

/** A resting trigger: fires when price trades at or through `price` in its direction. */
export interface Trigger<T> {
  readonly price: number;
  /** 'rise': fires when price rises to or above it (a short's stop, a long's target); 'fall': the reverse. */
  readonly direction: 'rise' | 'fall';
  readonly tag: T;
}

export interface TriggerHit<T> {
  readonly tag: T;
  /** Where it fills: the trigger price, or the candle's open when the candle opened beyond it (a gap). */
  readonly price: number;
  readonly gapped: boolean;
  /** Index of the path segment (0 = at the open) where it fired; lower is earlier. */
  readonly step: number;
}

/**
 * Walks the candle path and returns the triggers that fire, earliest first. Triggers that fire on
 * the same segment are ordered by the distance price travels to reach them. A trigger already
 * beyond the open fires at the open (gapped), before anything else.
 */
export function triggersHit<T>(path: readonly number[], triggers: readonly Trigger<T>[]): TriggerHit<T>[] {
  const hits: Array<TriggerHit<T> & { distance: number }> = [];
  const open = path[0]!;
  for (const trigger of triggers) {
    if (trigger.direction === 'rise' ? open >= trigger.price : open <= trigger.price) {
      hits.push({ tag: trigger.tag, price: open, gapped: open !== trigger.price, step: 0, distance: 0 });
      continue;
    }
    for (let s = 1; s < path.length; s++) {
      const from = path[s - 1]!;
      const to = path[s]!;
      const reached = trigger.direction === 'rise' ? to >= trigger.price && from < trigger.price : to <= trigger.price && from > trigger.price;
      if (reached) {
        hits.push({ tag: trigger.tag, price: trigger.price, gapped: false, step: s, distance: Math.abs(trigger.price - from) });
        break;
      }
    }
  }
  hits.sort((a, b) => a.step - b.step || a.distance - b.distance);
  return hits.map(({ distance: _distance, ...hit }) => hit);
}

/** The path across finer candles inside one bar (1m inside 5m), in time order. */
export function detailPath(candles: readonly Ohlc[]): number[] {
  const path: number[] = [];
  for (const c of candles) path.push(...candlePath(c));
  return path;
}
