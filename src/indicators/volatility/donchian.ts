// Donchian Channels: the highest high and lowest low of the last n bars (current bar included) and their midpoint.
import { NotStableError, type Bar, type Indicator } from '../contract.js';
import type { ChannelResult } from './keltner.js';
import { RollingExtreme } from '../rolling.js';

/** Donchian(n) over highs and lows, O(1) amortised through monotonic deques. */
export class DonchianChannels implements Indicator<Bar, ChannelResult> {
  private readonly highs: RollingExtreme;
  private readonly lows: RollingExtreme;

  constructor(readonly period = 20) {
    this.highs = new RollingExtreme(period, 'max');
    this.lows = new RollingExtreme(period, 'min');
  }

  add(bar: Bar): void {
    this.highs.add(bar.high);
    this.lows.add(bar.low);
  }

  replace(bar: Bar): void {
    this.highs.replace(bar.high);
    this.lows.replace(bar.low);
  }

  get isStable(): boolean {
    return this.highs.isFull;
  }

  get count(): number {
    return this.highs.count;
  }

  get upper(): number {
    if (!this.highs.isFull) throw new NotStableError(`Donchian(${this.period})`, this.period, this.highs.count);
    return this.highs.value;
  }

  get lower(): number {
    if (!this.lows.isFull) throw new NotStableError(`Donchian(${this.period})`, this.period, this.lows.count);
    return this.lows.value;
  }

  get middle(): number {
    return (this.upper + this.lower) / 2;
  }

  getResult(): ChannelResult | undefined {
    return this.isStable ? this.getResultOrThrow() : undefined;
  }

  getResultOrThrow(): ChannelResult {
    return { upper: this.upper, middle: this.middle, lower: this.lower };
  }
}
