// Rolling median and median absolute deviation over the last N values, O(N) per update with a sorted window.

export class RollingMedianMad {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private count = 0;
  private next = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 3) throw new RangeError(`rolling window must be an integer >= 3, got ${size}`);
    this.ring = new Float64Array(size);
    this.sorted = new Float64Array(size);
  }

  get full(): boolean {
    return this.count === this.size;
  }

  push(value: number): void {
    if (this.count === this.size) this.remove(this.ring[this.next]!);
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.size;
    this.insert(value);
  }

  stats(): { median: number; mad: number } {
    const n = this.count;
    const s = this.sorted;
    const median = n % 2 ? s[n >> 1]! : (s[(n >> 1) - 1]! + s[n >> 1]!) / 2;
    // Deviations from the median, smallest first, are a merge of the two halves walking outwards.
    let lo = lowerBound(s, n, median) - 1;
    let hi = lo + 1;
    const want = n % 2 ? [n >> 1] : [(n >> 1) - 1, n >> 1];
    const picked: number[] = [];
    for (let k = 0; k <= want[want.length - 1]!; k++) {
      const left = lo >= 0 ? median - s[lo]! : Infinity;
      const right = hi < n ? s[hi]! - median : Infinity;
      const d = left <= right ? (lo--, left) : (hi++, right);
      if (want.includes(k)) picked.push(d);
    }
    const mad = picked.reduce((a, b) => a + b, 0) / picked.length;
    return { median, mad };
  }

  private insert(value: number): void {
    const at = lowerBound(this.sorted, this.count, value);
    this.sorted.copyWithin(at + 1, at, this.count);
    this.sorted[at] = value;
    this.count++;
  }

  private remove(value: number): void {
    const at = lowerBound(this.sorted, this.count, value);
    this.sorted.copyWithin(at, at + 1, this.count);
    this.count--;
  }
}

function lowerBound(a: Float64Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
