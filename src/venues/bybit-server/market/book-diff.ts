// What each streamed depth sees change in one book message: the touched levels inside its window and the untouched ones pushed across the window's edge.
import type { BookLevel, BookSide } from './book-side.js';

/** Levels of a delta, best first; a size of 0 deletes the price. */
export interface LevelChanges {
  readonly bids: BookLevel[];
  readonly asks: BookLevel[];
}

/**
 * Watches one message: `begin` notes where each depth's window ends on both sides, `touch` is told
 * the size a level had before its first change, and `finish` works out, per depth, the levels a
 * client keeping that many levels must change. Costs the touched levels plus those crossing an edge,
 * never a pass over the window.
 */
export class DepthDiff {
  private readonly touched = [new Map<number, number>(), new Map<number, number>()] as const;
  /** Per depth, the price of the last level inside the window on [bids, asks]; undefined when the side was shorter. */
  private edges: (readonly [number | undefined, number | undefined])[] = [];

  constructor(
    private readonly sides: readonly [BookSide, BookSide],
    private readonly depths: readonly number[],
  ) {}

  begin(): void {
    this.touched[0].clear();
    this.touched[1].clear();
    const [bids, asks] = this.sides;
    this.edges = this.depths.map((depth) => [bids.priceAt(depth - 1), asks.priceAt(depth - 1)] as const);
  }

  /** `side` is about to change (or has just changed) at `price`, which held `before` lots then. */
  touch(side: BookSide, price: number, before: number): void {
    const touched = this.touched[side.bids ? 0 : 1];
    if (!touched.has(price)) touched.set(price, before);
  }

  finish(): Map<number, LevelChanges> {
    const views = new Map<number, LevelChanges>();
    this.depths.forEach((depth, d) => {
      const [bidEdge, askEdge] = this.edges[d]!;
      views.set(depth, { bids: this.sideChanges(0, depth, bidEdge), asks: this.sideChanges(1, depth, askEdge) });
    });
    return views;
  }

  private sideChanges(s: 0 | 1, depth: number, edge: number | undefined): BookLevel[] {
    const side = this.sides[s];
    const touched = this.touched[s];
    const newEdge = side.priceAt(depth - 1);
    const wasInside = (price: number): boolean => edge === undefined || side.atLeastAsGood(price, edge);
    const isInside = (price: number): boolean => newEdge === undefined || side.atLeastAsGood(price, newEdge);
    const out: BookLevel[] = [];
    for (const [price, before] of touched) {
      const size = side.sizeOf(price);
      const was = before > 0 && wasInside(price);
      const is = size > 0 && isInside(price);
      if (is && (!was || size !== before)) out.push([price, size]);
      else if (was && !is) out.push([price, 0]);
    }
    // Untouched levels now inside the window that were past its old edge (the window was full then).
    if (edge !== undefined) {
      for (let rank = Math.min(depth, side.length) - 1; rank >= 0; rank--) {
        const price = side.priceAt(rank)!;
        if (wasInside(price)) break;
        if (!touched.has(price)) out.push([price, side.sizeAt(rank)!]);
      }
    }
    // Untouched levels pushed past the window that were inside it.
    for (let rank = depth; rank < side.length; rank++) {
      const price = side.priceAt(rank)!;
      if (!wasInside(price)) break;
      if (!touched.has(price)) out.push([price, 0]);
    }
    return out.sort(side.bids ? (a, b) => b[0] - a[0] : (a, b) => a[0] - b[0]);
  }
}
