// Long/short arithmetic in one place, so every rule reads the same way for both sides.
import type { PositionSide } from '../domain/position.js';

export function direction(side: PositionSide): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

/** Price distance from `from` to `to` in the position's favour (negative when against it). */
export function favourable(side: PositionSide, from: number, to: number): number {
  return direction(side) * (to - from);
}

/** `price` moved `distance` in the position's favour (a negative distance moves against it). */
export function offset(side: PositionSide, price: number, distance: number): number {
  return price + direction(side) * distance;
}

/** True when stop `a` locks in more (or loses less) than stop `b`: higher for a long, lower for a short. */
export function isTighter(side: PositionSide, a: number, b: number | undefined): boolean {
  return b === undefined || favourable(side, b, a) > 0;
}

/** True when a stop at `stop` would already have been hit at `price`. */
export function isHit(side: PositionSide, stop: number, price: number): boolean {
  return favourable(side, stop, price) <= 0;
}
