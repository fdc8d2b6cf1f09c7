// Where resting stops sit: unswept confirmed swing highs and lows, grouped into pools of equal highs / equal lows.
import type { Bar } from '../../../indicators/contract.js';
import { SwingPoints } from '../../../features/price/swings.js';

/** A pool of liquidity: swings within a tolerance of each other. */
export interface Pool {
  /** The outermost member (the lowest of equal lows, the highest of equal highs): a sweep must trade past it. */
  readonly level: number;
  /** Swings in the pool: 2 or more are equal highs / lows. */
  readonly touches: number;
}

/**
 * Groups prices outermost first: a pool takes prices while they stay within `tolerance` of its
 * outermost member. `sign` −1 groups lows (outermost = lowest), +1 highs (outermost = highest).
 */
export function groupPools(prices: readonly number[], tolerance: number, sign: 1 | -1): Pool[] {
  const sorted = [...prices].sort((a, b) => sign * (b - a));
  const pools: Pool[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && Math.abs(sorted[i]! - sorted[start]!) <= tolerance) continue;
    pools.push({ level: sorted[start]!, touches: i - start });
    start = i;
  }
  return pools;
}

/**
 * Swing highs (buy-side liquidity: stops of shorts above them) and swing lows (sell-side: stops of
 * longs below), each known only once confirmed `swingBars` candles later. A swing leaves the book as
 * soon as a candle trades past it: its liquidity has been taken, whether price came back or not.
 * At most `memory` swings a side, the oldest forgotten first.
 */
export class LiquidityPools {
  private readonly swings: SwingPoints;
  private readonly highs: number[] = [];
  private readonly lows: number[] = [];

  constructor(
    swingBars: number,
    private readonly memory: number,
  ) {
    this.swings = new SwingPoints(swingBars, swingBars);
  }

  /** Pools of swing highs above the market, outermost (highest) first. */
  buySide(tolerance: number): Pool[] {
    return groupPools(this.highs, tolerance, 1);
  }

  /** Pools of swing lows below the market, outermost (lowest) first. */
  sellSide(tolerance: number): Pool[] {
    return groupPools(this.lows, tolerance, -1);
  }

  /** After the candle was judged against the pools: drops the swings it traded past, then confirms new swings with it. */
  add(bar: Bar): void {
    removeWhere(this.highs, (price) => bar.high > price);
    removeWhere(this.lows, (price) => bar.low < price);
    this.swings.add(bar);
    if (this.swings.confirmedHigh) this.remember(this.highs, this.swings.lastHigh);
    if (this.swings.confirmedLow) this.remember(this.lows, this.swings.lastLow);
  }

  private remember(side: number[], price: number): void {
    side.push(price);
    if (side.length > this.memory) side.shift();
  }
}

function removeWhere(prices: number[], swept: (price: number) => boolean): void {
  let kept = 0;
  for (const price of prices) if (!swept(price)) prices[kept++] = price;
  prices.length = kept;
}
