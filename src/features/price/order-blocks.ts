// Order blocks: the last opposite-coloured candle before an impulse that broke structure, kept until price closes through it.
import { NotStableError, type Bar, type Indicator } from '../../indicators/contract.js';
import { MarketStructure } from './structure.js';

/** Bounds of the latest order blocks; 0 for both bounds when there is none (none yet, or invalidated). */
export interface OrderBlockResult {
  readonly bullTop: number;
  readonly bullBottom: number;
  readonly bearTop: number;
  readonly bearBottom: number;
}

/**
 * On a bar that breaks structure upwards (BOS or CHoCH, see MarketStructure) the bullish order block
 * becomes the last down candle (close < open) among the `lookback` bars before the breaking bar,
 * bounded by that candle's high and low; a downward break takes the last up candle as the bearish
 * block. No such candle in reach: the previous block stays. A bullish block is dropped (0) once a
 * close falls below its bottom, a bearish one once a close rises above its top; the check runs
 * before a new block forms. Stable with the structure. O(left + right + lookback) per bar.
 */
export class OrderBlocks implements Indicator<Bar, OrderBlockResult> {
  readonly structure: MarketStructure;
  private readonly opens: Float64Array;
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private readonly closes: Float64Array;
  private next = 0;
  private seen = 0;
  private readonly block = new Float64Array(4); // bullTop, bullBottom, bearTop, bearBottom
  private readonly prevBlock = new Float64Array(4);
  private readonly prevSlot = new Float64Array(4);
  private prevNext = 0;

  constructor(
    right = 3,
    left = right,
    readonly lookback = 20,
  ) {
    if (!Number.isInteger(lookback) || lookback < 1) throw new RangeError(`OrderBlocks lookback must be a positive integer, got ${lookback}`);
    this.structure = new MarketStructure(right, left);
    // The breaking bar and the `lookback` bars before it.
    const size = lookback + 1;
    this.opens = new Float64Array(size);
    this.highs = new Float64Array(size);
    this.lows = new Float64Array(size);
    this.closes = new Float64Array(size);
  }

  add(bar: Bar): void {
    this.prevNext = this.next;
    this.prevSlot[0] = this.opens[this.next]!;
    this.prevSlot[1] = this.highs[this.next]!;
    this.prevSlot[2] = this.lows[this.next]!;
    this.prevSlot[3] = this.closes[this.next]!;
    this.prevBlock.set(this.block);
    this.seen++;
    this.structure.add(bar);
    this.step(bar);
  }

  replace(bar: Bar): void {
    if (this.seen === 0) return this.add(bar);
    this.next = this.prevNext;
    this.opens[this.next] = this.prevSlot[0]!;
    this.highs[this.next] = this.prevSlot[1]!;
    this.lows[this.next] = this.prevSlot[2]!;
    this.closes[this.next] = this.prevSlot[3]!;
    this.block.set(this.prevBlock);
    this.structure.replace(bar);
    this.step(bar);
  }

  private step(bar: Bar): void {
    const size = this.opens.length;
    this.opens[this.next] = bar.open;
    this.highs[this.next] = bar.high;
    this.lows[this.next] = bar.low;
    this.closes[this.next] = bar.close;
    const current = this.next;
    this.next = this.next + 1 === size ? 0 : this.next + 1;

    const b = this.block;
    if (b[1] !== 0 && bar.close < b[1]!) b[0] = b[1] = 0;
    if (b[2] !== 0 && bar.close > b[2]!) b[2] = b[3] = 0;

    const direction = this.structure.breakDirection;
    if (direction === 0) return;
    const reach = Math.min(this.seen - 1, this.lookback);
    for (let back = 1; back <= reach; back++) {
      const i = (current - back + size) % size;
      const body = this.closes[i]! - this.opens[i]!;
      if (direction > 0 ? body < 0 : body > 0) {
        const at = direction > 0 ? 0 : 2;
        b[at] = this.highs[i]!;
        b[at + 1] = this.lows[i]!;
        return;
      }
    }
  }

  get isStable(): boolean {
    return this.structure.isStable;
  }

  get count(): number {
    return this.seen;
  }

  private read(): OrderBlockResult {
    if (!this.isStable) throw new NotStableError(`OrderBlocks(${this.lookback})`, this.structure.swings.left + this.structure.swings.right + 2, this.seen);
    return { bullTop: this.block[0]!, bullBottom: this.block[1]!, bearTop: this.block[2]!, bearBottom: this.block[3]! };
  }

  get bullTop(): number {
    return this.read().bullTop;
  }

  get bullBottom(): number {
    return this.read().bullBottom;
  }

  get bearTop(): number {
    return this.read().bearTop;
  }

  get bearBottom(): number {
    return this.read().bearBottom;
  }

  /** Writes bullTop, bullBottom, bearTop, bearBottom into `out` without allocating; throws before warm-up. */
  readInto(out: Float64Array): void {
    if (!this.isStable) this.read();
    out.set(this.block);
  }

  getResult(): OrderBlockResult | undefined {
    return this.isStable ? this.read() : undefined;
  }

  getResultOrThrow(): OrderBlockResult {
    return this.read();
  }
}
