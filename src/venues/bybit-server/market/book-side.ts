// One side of the local exchange's persistent book in ticks and lots, kept worst first so the busy end (the touch) changes at the array's tail.

/** [price, size] in ticks and lots. */
export type BookLevel = readonly [number, number];

/**
 * Prices are stored as keys in ascending order, worst first: a bid's key is its price, an ask's its
 * negation, so the best level of either side is the last element. Moves at the touch then push and
 * pop at the tail; only the far edge, refilled and trimmed in batches, shifts the arrays.
 */
export class BookSide {
  private keys: number[] = [];
  private sizes: number[] = [];
  private readonly sign: 1 | -1;

  /** @param bids true for the bid side (best = highest price). */
  constructor(readonly bids: boolean) {
    this.sign = bids ? 1 : -1;
  }

  get length(): number {
    return this.keys.length;
  }

  /** Price of the level `rank` steps from the touch (0 = best); undefined past the end. */
  priceAt(rank: number): number | undefined {
    const key = this.keys[this.keys.length - 1 - rank];
    return key === undefined ? undefined : key * this.sign;
  }

  sizeAt(rank: number): number | undefined {
    return this.sizes[this.sizes.length - 1 - rank];
  }

  /** Size resting at `price`, 0 when there is no level. */
  sizeOf(price: number): number {
    const i = this.indexOf(price * this.sign);
    return i < 0 ? 0 : this.sizes[i]!;
  }

  /** True when `price` is at least as good as `bound` (bids: higher or equal; asks: lower or equal). */
  atLeastAsGood(price: number, bound: number): boolean {
    return price * this.sign >= bound * this.sign;
  }

  /** The price `ticks` ticks further from the touch than `price`. */
  deeper(price: number, ticks: number): number {
    return price - ticks * this.sign;
  }

  /** Sets the size at `price` (0 deletes); returns the size it had. */
  set(price: number, size: number): number {
    const key = price * this.sign;
    const n = this.keys.length;
    // The touch and just behind it take the fast path: no search.
    if (n === 0 || key > this.keys[n - 1]!) {
      if (size !== 0) {
        this.keys.push(key);
        this.sizes.push(size);
      }
      return 0;
    }
    const i = this.lowerBound(key);
    const found = this.keys[i] === key;
    const old = found ? this.sizes[i]! : 0;
    if (size === 0) {
      if (found) {
        if (i === n - 1) {
          this.keys.pop();
          this.sizes.pop();
        } else {
          this.keys.splice(i, 1);
          this.sizes.splice(i, 1);
        }
      }
    } else if (found) this.sizes[i] = size;
    else {
      this.keys.splice(i, 0, key);
      this.sizes.splice(i, 0, size);
    }
    return old;
  }

  /** Adds levels beyond the worst one, given best first (each deeper than the one before). */
  extend(levels: readonly BookLevel[]): void {
    const keys = levels.map(([price]) => price * this.sign).reverse();
    const sizes = levels.map(([, size]) => size).reverse();
    this.keys = keys.concat(this.keys);
    this.sizes = sizes.concat(this.sizes);
  }

  /** Drops the levels past the best `count`; returns them, best first. */
  trim(count: number): BookLevel[] {
    const drop = this.keys.length - count;
    if (drop <= 0) return [];
    const keys = this.keys.splice(0, drop);
    const sizes = this.sizes.splice(0, drop);
    return keys.map((key, i): BookLevel => [key * this.sign, sizes[i]!]).reverse();
  }

  /** The best `n` levels, best first. */
  top(n: number): BookLevel[] {
    const count = Math.min(n, this.keys.length);
    const out: BookLevel[] = new Array<BookLevel>(count);
    for (let r = 0; r < count; r++) {
      const i = this.keys.length - 1 - r;
      out[r] = [this.keys[i]! * this.sign, this.sizes[i]!];
    }
    return out;
  }

  private indexOf(key: number): number {
    const i = this.lowerBound(key);
    return this.keys[i] === key ? i : -1;
  }

  /** First index whose key is >= `key`. */
  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
