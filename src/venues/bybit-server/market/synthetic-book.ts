// A made-up order book around the replayed last price: on the tick and lot grids, the same for the same seed and candle, new each candle.
import type { Random } from '../../../core/random.js';
import type { Market } from '../replay/market.js';
import { randomFor } from '../synthetic.js';

/** [price, size] in ticks and lots. */
export type BookLevel = readonly [number, number];

export interface SyntheticBook {
  /** Best first: bids descending, asks ascending. */
  readonly bids: BookLevel[];
  readonly asks: BookLevel[];
  /** Update id: moves when a candle closes (the book is redrawn then, and only then). */
  readonly updateId: number;
}

/** A resting size in lots: around a fiftieth of the last candle's volume, growing away from the touch. */
function levelSize(random: Random, baseLots: number, minLots: number, level: number): number {
  return Math.max(minLots, Math.round(baseLots * (0.3 + 1.7 * random.next()) * (1 + level / 5)));
}

/**
 * `depth` levels a side with a one-tick spread; the last price sits at the bid or the ask (a coin
 * flip), levels are one or two ticks apart. Draws go level by level, so a shallower book is the top
 * of a deeper one.
 */
export function syntheticBook(market: Market, now: number, seed: number, depth: number): SyntheticBook {
  const closed = market.closedBy(now);
  const last = market.lastPrice(now);
  if (last === undefined) return { bids: [], asks: [], updateId: closed + 1 };
  const random = randomFor(seed, 'book', market.symbol, closed);
  const lastTicks = market.rules.price.toSteps(last, 'halfUp');
  const lastAtBid = random.next() < 0.5;
  const minLots = Math.max(1, market.rules.qty.toSteps(market.instrument.minOrderQty, 'up'));
  const volume = market.candles[closed - 1]?.volume ?? 0;
  const baseLots = Math.max(minLots, market.rules.qty.toSteps(volume / 50, 'halfUp'));
  const bids: BookLevel[] = [];
  const asks: BookLevel[] = [];
  let bid = lastAtBid ? lastTicks : lastTicks - 1;
  let ask = lastAtBid ? lastTicks + 1 : lastTicks;
  for (let level = 0; level < depth; level++) {
    if (level > 0) {
      bid -= random.next() < 0.3 ? 2 : 1;
      ask += random.next() < 0.3 ? 2 : 1;
    }
    const bidSize = levelSize(random, baseLots, minLots, level);
    const askSize = levelSize(random, baseLots, minLots, level);
    if (bid > 0) bids.push([bid, bidSize]);
    asks.push([ask, askSize]);
  }
  return { bids, asks, updateId: closed + 1 };
}
