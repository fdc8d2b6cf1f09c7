// Walks an intrabar price path and finds the first resting trigger it reaches: the one ordering rule the matching engine uses.

/** Something waiting on price: a stop, a target, a limit order, a liquidation level. */
export interface PathTrigger<T> {
  readonly price: number;
  /** 'rise': fires when price goes up to it; 'fall': when price comes down to it. */
  readonly direction: 'rise' | 'fall';
  /** Strict triggers (limit orders) need price to trade beyond the level; a touch is not enough. */
  readonly strict: boolean;
  readonly tag: T;
}

export interface PathHit<T> {
  readonly tag: T;
  /** The trigger's level, or the path's first point when the path already starts beyond it (a gap). */
  readonly price: number;
  /** Index of the path point where it fired; 0 = at the start. */
  readonly step: number;
  readonly atStart: boolean;
  /** How far price travelled within the segment to reach it: breaks ties between hits on one segment. */
  readonly distance: number;
}

function beyond(price: number, trigger: PathTrigger<unknown>): boolean {
  if (trigger.direction === 'rise') return trigger.strict ? price > trigger.price : price >= trigger.price;
  return trigger.strict ? price < trigger.price : price <= trigger.price;
}

function hitOf<T>(path: readonly number[], trigger: PathTrigger<T>): PathHit<T> | undefined {
  const start = path[0];
  if (start === undefined) return undefined;
  if (beyond(start, trigger)) return { tag: trigger.tag, price: start, step: 0, atStart: true, distance: 0 };
  for (let s = 1; s < path.length; s++) {
    if (beyond(path[s]!, trigger)) {
      return { tag: trigger.tag, price: trigger.price, step: s, atStart: false, distance: Math.abs(trigger.price - path[s - 1]!) };
    }
  }
  return undefined;
}

/**
 * The earliest trigger reached walking `path` from its first point: lowest step, then shortest
 * distance on that segment, then the order of `triggers` (so callers list higher priorities first).
 */
export function firstHit<T>(path: readonly number[], triggers: readonly PathTrigger<T>[]): PathHit<T> | undefined {
  let best: PathHit<T> | undefined;
  for (const trigger of triggers) {
    const hit = hitOf(path, trigger);
    if (hit && (!best || hit.step < best.step || (hit.step === best.step && hit.distance < best.distance))) best = hit;
  }
  return best;
}

/** The rest of the path after a hit: from the hit price onward. */
export function pathAfter(path: readonly number[], hit: PathHit<unknown>): number[] {
  return hit.step === 0 ? [...path] : [hit.price, ...path.slice(hit.step)];
}

/** True when hit `a` comes before hit `b` on the same path. */
export function isEarlier(a: PathHit<unknown>, b: PathHit<unknown> | undefined): boolean {
  return b === undefined || a.step < b.step || (a.step === b.step && a.distance < b.distance);
}

/**
 * A trailing stop walking the path: the stop sits `distance` behind the best price seen (`peak`, the
 * highest for a long, the lowest for a short) and only ever moves with it. `level` puts a stop price
 * on the tick grid. Returns where it fires, or undefined; `peakAfter` tells the best price up to a point.
 */
export function trailingHit<T>(
  path: readonly number[],
  long: boolean,
  distance: number,
  peak: number,
  level: (stop: number) => number,
  tag: T,
): PathHit<T> | undefined {
  const sign = long ? 1 : -1;
  let best = sign * peak;
  const start = path[0];
  if (start === undefined) return undefined;
  if (sign * start <= sign * level(sign * (best - distance))) return { tag, price: start, step: 0, atStart: true, distance: 0 };
  best = Math.max(best, sign * start);
  for (let s = 1; s < path.length; s++) {
    const from = sign * path[s - 1]!;
    const to = sign * path[s]!;
    if (to > from) {
      best = Math.max(best, to);
      continue;
    }
    const stop = sign * level(sign * (best - distance));
    if (to <= stop) return { tag, price: sign * stop, step: s, atStart: false, distance: from - stop };
  }
  return undefined;
}

/** The best price for a long (highest) or a short (lowest) among `peak` and `points`. */
export function peakAfter(long: boolean, peak: number, points: readonly number[]): number {
  return long ? Math.max(peak, ...points) : Math.min(peak, ...points);
}
