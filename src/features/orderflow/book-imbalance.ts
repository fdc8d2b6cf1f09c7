// Order book imbalance: resting bid depth against ask depth near the touch, as one number in [−1, 1].
import type { BookSide, OrderBook } from '../../domain/order-book.js';

/** How far into the book to look: the best `levels` levels a side, or every level within `bps` of the mid. */
export type DepthReach = { readonly levels: number } | { readonly bps: number };

function checkReach(reach: DepthReach): void {
  if ('levels' in reach) {
    if (!Number.isInteger(reach.levels) || reach.levels < 1) throw new RangeError(`levels must be a positive integer, got ${reach.levels}`);
  } else if (!(reach.bps > 0) || !Number.isFinite(reach.bps)) {
    throw new RangeError(`bps must be a positive number, got ${reach.bps}`);
  }
}

/** Base-coin size resting on one side within the reach. */
export function depthWithin(book: OrderBook, side: BookSide, reach: DepthReach): number {
  checkReach(reach);
  return 'levels' in reach ? book.depth(side, reach.levels) : book.depthWithinBps(side, reach.bps);
}

/**
 * (bid − ask) / (bid + ask) over the reach: +1 all bids, −1 all asks, 0 balanced. 0 when both sides
 * are empty within the reach (an empty or one-sided book under `bps`, which needs a mid). O(levels)
 * summed either way.
 */
export function bookImbalance(book: OrderBook, reach: DepthReach): number {
  const bid = depthWithin(book, 'bid', reach);
  const ask = depthWithin(book, 'ask', reach);
  const total = bid + ask;
  return total > 0 ? (bid - ask) / total : 0;
}
