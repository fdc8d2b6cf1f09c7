// Walks an intrabar price path from where the walk stands and finds where a resting level is first reached: the ordering rule of the matching engine.

/**
 * Where a walk stands on a path: on the segment that ends at point `next`, at `price`. Time runs from
 * 0 (the first point) to 1 (the last), every step between two points taking the same time: the common
 * axis on which two paths of one candle (last price, mark price) are compared. It is an approximation:
 * a path knows the order of its prices, not when they traded.
 */
export interface Cursor {
  readonly next: number;
  readonly price: number;
  readonly time: number;
}

/** A price level waiting on the path: a stop, a target, a limit order, a liquidation level. */
export interface Level {
  readonly price: number;
  /** 'rise': reached when price goes up to it; 'fall': when price comes down to it. */
  readonly direction: 'rise' | 'fall';
  /** True when price must trade beyond the level; a touch is not enough. */
  readonly strict: boolean;
}

export interface Crossing extends Cursor {
  /** True when the walk already stood beyond the level (a gap at the open, or an order arriving marketable): `price` is where it stood. */
  readonly atStart: boolean;
}

export function pointTime(path: readonly number[], index: number): number {
  return path.length <= 1 ? 0 : index / (path.length - 1);
}

/** Standing on point `index` of the path. */
export function atPoint(path: readonly number[], index: number): Cursor {
  return { next: index + 1, price: path[index]!, time: pointTime(path, index) };
}

/** Standing on the last point: the end of the candle. */
export function atEnd(path: readonly number[]): Cursor {
  return atPoint(path, path.length - 1);
}

function beyond(price: number, level: Level): boolean {
  if (level.direction === 'rise') return level.strict ? price > level.price : price >= level.price;
  return level.strict ? price < level.price : price <= level.price;
}

/** The time at which price, moving from `fromPrice` (at `fromTime`) to `toPrice` (at `toTime`), is at `price`. */
function timeAt(fromPrice: number, fromTime: number, toPrice: number, toTime: number, price: number): number {
  const span = Math.abs(toPrice - fromPrice);
  return span === 0 ? toTime : fromTime + (toTime - fromTime) * Math.min(1, Math.abs(price - fromPrice) / span);
}

/** Where price first reaches `level` walking on from `from`: at once, or on a later segment at the level's price. */
export function crossing(path: readonly number[], from: Cursor, level: Level): Crossing | undefined {
  if (beyond(from.price, level)) return { next: from.next, price: from.price, time: from.time, atStart: true };
  let price = from.price;
  let time = from.time;
  for (let s = from.next; s < path.length; s++) {
    const to = path[s]!;
    const toTime = pointTime(path, s);
    if (beyond(to, level)) {
      return { next: s, price: level.price, time: timeAt(price, time, to, toTime, level.price), atStart: false };
    }
    price = to;
    time = toTime;
  }
  return undefined;
}

/**
 * Where the walk stands at `time` (not before `from`), between points by linear interpolation; `onGrid`
 * puts an interpolated price on the tick grid. Used to keep a second path in step with the first.
 */
export function advanceTo(path: readonly number[], from: Cursor, time: number, onGrid: (price: number) => number): Cursor {
  if (time <= from.time) return from;
  let price = from.price;
  let at = from.time;
  for (let s = from.next; s < path.length; s++) {
    const to = path[s]!;
    const toTime = pointTime(path, s);
    if (toTime === time) return { next: s + 1, price: to, time };
    if (toTime > time) return { next: s, price: onGrid(price + ((to - price) * (time - at)) / (toTime - at)), time };
    price = to;
    at = toTime;
  }
  return atEnd(path);
}

/**
 * A trailing stop walking on from `from`: the stop sits `distance` behind the best price seen (`peak`,
 * the highest for a long, the lowest for a short) and only ever moves with it; `level` puts a stop
 * price on the tick grid. Returns where it fires, or undefined.
 */
export function trailingCrossing(
  path: readonly number[],
  from: Cursor,
  long: boolean,
  distance: number,
  peak: number,
  level: (stop: number) => number,
): Crossing | undefined {
  const sign = long ? 1 : -1;
  // Prices are handled as sign × price, so a short's falling stop reads like a long's.
  const stopBehind = (best: number): number => sign * level(sign * (best - distance));
  let best = sign * peak;
  let here = sign * from.price;
  if (here <= stopBehind(best)) return { next: from.next, price: from.price, time: from.time, atStart: true };
  best = Math.max(best, here);
  let time = from.time;
  for (let s = from.next; s < path.length; s++) {
    const to = sign * path[s]!;
    const toTime = pointTime(path, s);
    if (to > here) {
      best = Math.max(best, to);
    } else {
      const stop = stopBehind(best);
      if (to <= stop) return { next: s, price: sign * stop, time: timeAt(here, time, to, toTime, stop), atStart: false };
    }
    here = to;
    time = toTime;
  }
  return undefined;
}

/** The best price for a long (highest) or a short (lowest) among `peak` and the path walked from `from` to `to`. */
export function peakOver(path: readonly number[], from: Cursor, to: Cursor, long: boolean, peak: number): number {
  let best = better(long, peak, from.price);
  for (let s = from.next; s < to.next && s < path.length; s++) best = better(long, best, path[s]!);
  return better(long, best, to.price);
}

function better(long: boolean, a: number, b: number): number {
  return long ? (b > a ? b : a) : b < a ? b : a;
}
