// One side of an L2 book as a sorted array, so a delta touching a few levels costs a binary search each, never a re-sort.

/** A price level: price and base-coin size. */
export type PriceLevel = readonly [price: number, size: number];

/**
 * Price levels of one side, best first. Prices are stored as sort keys in ascending order:
 * the ask side keys on the price, the bid side on its negation, so one binary search serves both.
 * Sizes sit in a parallel array at the same index.
 */
export class BookLevels {
  private keys: number[] = [];
  private sizes: number[] = [];
  private readonly sign: 1 | -1;

  /** @param descending true for bids (best = highest), false for asks (best = lowest). */
  constructor(descending: boolean) {
    this.sign = descending ? -1 : 1;
  }

  get length(): number {
    return this.keys.length;
  }

  /** Replaces every level; levels of size 0 are dropped (a reset delta may carry them). */
  replace(levels: readonly PriceLevel[]): void {
    const sorted = levels
      .filter(([, size]) => size !== 0)
      .map(([price, size]): [number, number] => [price * this.sign, size])
      .sort((a, b) => a[0] - b[0]);
    this.keys = [];
    this.sizes = [];
    for (const [key, size] of sorted) {
      // A repeated price in one snapshot: the later entry wins, as it would in a delta.
      if (this.keys.length > 0 && this.keys[this.keys.length - 1] === key) this.sizes[this.sizes.length - 1] = size;
      else {
        this.keys.push(key);
        this.sizes.push(size);
      }
    }
  }

  /** Bybit delta rule: size 0 deletes, an unknown price inserts, a known one updates. */
  set(price: number, size: number): void {
    const key = price * this.sign;
    const i = this.lowerBound(key);
    const found = i < this.keys.length && this.keys[i] === key;
    if (size === 0) {
      if (found) {
        this.keys.splice(i, 1);
        this.sizes.splice(i, 1);
      }
    } else if (found) {
      this.sizes[i] = size;
    } else {
      this.keys.splice(i, 0, key);
      this.sizes.splice(i, 0, size);
    }
  }

  /** Keeps the best `n` levels. */
  truncate(n: number): void {
    if (this.keys.length > n) {
      this.keys.length = n;
      this.sizes.length = n;
    }
  }

  clear(): void {
    this.keys = [];
    this.sizes = [];
  }

  /** Price of the i-th best level (0 = best), undefined past the end. */
  priceAt(i: number): number | undefined {
    const key = this.keys[i];
    return key === undefined ? undefined : key * this.sign;
  }

  sizeAt(i: number): number | undefined {
    return this.sizes[i];
  }

  /** Size resting at exactly this price, 0 when there is no level. */
  sizeOf(price: number): number {
    const key = price * this.sign;
    const i = this.lowerBound(key);
    return i < this.keys.length && this.keys[i] === key ? (this.sizes[i] ?? 0) : 0;
  }

  /** The best `n` levels as fresh tuples. */
  top(n: number): PriceLevel[] {
    const count = Math.min(n, this.keys.length);
    const out: PriceLevel[] = new Array<PriceLevel>(count);
    for (let i = 0; i < count; i++) out[i] = [(this.keys[i] ?? NaN) * this.sign, this.sizes[i] ?? NaN];
    return out;
  }

  /** Sum of sizes over the best `n` levels. */
  sizeOfTop(n: number): number {
    const count = Math.min(n, this.sizes.length);
    let total = 0;
    for (let i = 0; i < count; i++) total += this.sizes[i] ?? 0;
    return total;
  }

  /** Sum of sizes over levels at least as good as `limitPrice` (bids: price >= limit; asks: price <= limit). */
  sizeUpTo(limitPrice: number): number {
    const key = limitPrice * this.sign;
    let total = 0;
    for (let i = 0; i < this.keys.length && (this.keys[i] ?? Infinity) <= key; i++) total += this.sizes[i] ?? 0;
    return total;
  }

  /** First index whose key is >= `key`. */
  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? Infinity) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
