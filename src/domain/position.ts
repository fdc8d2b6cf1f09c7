// A one-way-mode perpetual position and what a fill does to it: average entry, realised PnL, flips.

export type PositionSide = 'long' | 'short';

export interface PositionState {
  /** Signed size in base coin: > 0 long, < 0 short, 0 flat. */
  readonly size: number;
  /** Average entry price of the open size (NaN when flat). */
  readonly entryPrice: number;
}

export const FLAT: PositionState = { size: 0, entryPrice: NaN };

export interface FillEffect {
  readonly position: PositionState;
  /** PnL realised by the part of the fill that reduced the position (before fees). */
  readonly realisedPnl: number;
  /** Base-coin quantity that closed existing exposure. */
  readonly closedQty: number;
}

/**
 * Applies a fill of `qty` (> 0) at `price` on `side` to a one-way position. Adding keeps a
 * size-weighted average entry; reducing realises (exit − entry) × qty for a long (the reverse for a
 * short) at the unchanged entry; a fill larger than the position closes it and opens the rest the
 * other way at the fill price.
 */
export function applyFill(position: PositionState, side: 'buy' | 'sell', qty: number, price: number): FillEffect {
  if (!(qty > 0) || !(price > 0)) throw new RangeError(`a fill needs a positive qty and price, got qty ${qty} at ${price}`);
  const signed = side === 'buy' ? qty : -qty;
  const size = position.size;
  if (size === 0 || Math.sign(size) === Math.sign(signed)) {
    const newSize = size + signed;
    const entry = size === 0 ? price : (Math.abs(size) * position.entryPrice + qty * price) / Math.abs(newSize);
    return { position: { size: newSize, entryPrice: entry }, realisedPnl: 0, closedQty: 0 };
  }
  const closedQty = Math.min(qty, Math.abs(size));
  const direction = size > 0 ? 1 : -1;
  const realisedPnl = direction * (price - position.entryPrice) * closedQty;
  const remaining = size + signed;
  // Closing exactly (within float noise of the lot arithmetic) leaves the position flat.
  if (Math.abs(remaining) < 1e-12 * Math.max(1, Math.abs(size))) return { position: FLAT, realisedPnl, closedQty };
  if (Math.sign(remaining) === Math.sign(size)) return { position: { size: remaining, entryPrice: position.entryPrice }, realisedPnl, closedQty };
  return { position: { size: remaining, entryPrice: price }, realisedPnl, closedQty };
}

export function unrealisedPnl(position: PositionState, markPrice: number): number {
  return position.size === 0 ? 0 : position.size * (markPrice - position.entryPrice);
}

export function sideOf(position: PositionState): PositionSide | 'flat' {
  return position.size > 0 ? 'long' : position.size < 0 ? 'short' : 'flat';
}
