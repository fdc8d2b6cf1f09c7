// Sum of timed values over a sliding time window (now − W, now]: the engine of the liquidation flow features.

/**
 * A deque of (time, value) on typed arrays that grows by doubling (the only allocation) and a running
 * sum, reset to exactly 0 whenever the window empties so rounding cannot linger. Time only moves
 * forward: a value stamped earlier than the latest time seen counts at the latest time (liquidation
 * pushes can arrive a few hundred ms out of order; shifting them that little keeps the deque sorted).
 * add() and advance() are amortised O(1).
 */
export class TimeWindowSum {
  private times: Float64Array;
  private values: Float64Array;
  private head = 0;
  private size = 0;
  private total = 0;
  private latest = -Infinity;

  constructor(
    readonly windowMs: number,
    initialCapacity = 64,
  ) {
    if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`window must be a positive number of ms, got ${windowMs}`);
    this.times = new Float64Array(initialCapacity);
    this.values = new Float64Array(initialCapacity);
  }

  add(time: number, value: number): void {
    this.advance(time);
    if (this.size === this.times.length) this.grow();
    const at = (this.head + this.size) % this.times.length;
    this.times[at] = this.latest;
    this.values[at] = value;
    this.size++;
    this.total += value;
  }

  /** Moves "now" forward (never back) and drops what fell out of the window. */
  advance(now: number): void {
    if (now > this.latest) this.latest = now;
    const cutoff = this.latest - this.windowMs;
    const cap = this.times.length;
    while (this.size > 0 && this.times[this.head]! <= cutoff) {
      this.total -= this.values[this.head]!;
      this.head = this.head + 1 === cap ? 0 : this.head + 1;
      this.size--;
    }
    if (this.size === 0) this.total = 0;
  }

  private grow(): void {
    const cap = this.times.length;
    const times = new Float64Array(cap * 2);
    const values = new Float64Array(cap * 2);
    for (let i = 0; i < this.size; i++) {
      times[i] = this.times[(this.head + i) % cap]!;
      values[i] = this.values[(this.head + i) % cap]!;
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }

  /** Sum of the values in (now − W, now]. */
  get sum(): number {
    return this.total;
  }

  /** Values in the window. */
  get count(): number {
    return this.size;
  }

  /** The latest time seen (−Infinity before any). */
  get now(): number {
    return this.latest;
  }
}
