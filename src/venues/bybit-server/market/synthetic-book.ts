// How the local exchange makes up resting liquidity the candles do not record: level sizes and spacing on the tick and lot grids, drawn from a seeded stream.
import type { Random } from '../../../core/random.js';
import type { Market } from '../replay/market.js';
import type { BookLevel, BookSide } from './book-side.js';

export type { BookLevel } from './book-side.js';

/** Chance that the next level away from the touch sits two ticks further rather than one. */
const TWO_TICK_GAP = 0.3;
/** Sizes grow away from the touch up to this many levels deep, then stay alike. */
const GROWTH_LEVELS = 50;

/** The lot sizes a candle's volume calls for: a typical level (a fiftieth of the volume) and the smallest order. */
export interface Sizing {
  readonly baseLots: number;
  readonly minLots: number;
}

/** The smallest order in lots (at least one). */
export function minLotsOf(market: Market): number {
  return Math.max(1, market.rules.qty.toSteps(market.instrument.minOrderQty, 'up'));
}

export function sizingFor(market: Market, minLots: number, volume: number): Sizing {
  return { minLots, baseLots: Math.max(minLots, market.rules.qty.toSteps(volume / 50, 'halfUp')) };
}

/** A resting size in lots for a level `rank` steps from the touch: random around the base, larger further out. */
export function levelSize(random: Random, sizing: Sizing, rank: number): number {
  const growth = 1 + Math.min(rank, GROWTH_LEVELS) / 5;
  return Math.max(sizing.minLots, Math.round(sizing.baseLots * (0.3 + 1.7 * random.next()) * growth));
}

/** Ticks from one level to the next one away from the touch. */
export function gapTicks(random: Random): number {
  return random.next() < TWO_TICK_GAP ? 2 : 1;
}

/**
 * `count` levels of `side` from `first` outwards, best first, the first of them `rank` steps from the
 * touch. Bids stop above price 0, so a side near zero may get fewer.
 */
export function drawLevels(side: BookSide, first: number, count: number, rank: number, random: Random, sizing: Sizing): BookLevel[] {
  const levels: BookLevel[] = [];
  for (let price = first; levels.length < count && price > 0; price = side.deeper(price, gapTicks(random))) {
    levels.push([price, levelSize(random, sizing, rank + levels.length)]);
  }
  return levels;
}
