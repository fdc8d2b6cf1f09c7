// Moves the exchange through history: each step closes the next candle of every symbol on the venue, then settles funding that fell due.
import type { ManualClock } from '../../../core/clock.js';
import { describeValue, InputError } from '../../../core/errors.js';
import type { SimulatedVenue } from '../../../ports/simulated-venue.js';
import type { Market } from './market.js';

/** What one step did: the candles opening at `open` closed at `close` for `symbols` (those that had one). */
export interface ReplayStep {
  readonly open: number;
  readonly close: number;
  readonly symbols: readonly string[];
}

/**
 * The replay clock is server time. A step takes the earliest candle not yet fed (of any symbol), feeds
 * every symbol's candle opening then to the venue, moves the clock to that candle's close and settles
 * the funding due by then at the last price. Nothing is fed before its close, so no endpoint can
 * serve what has not happened yet.
 */
export class Replay {
  private readonly fed: number[];
  private readonly settled: number[];
  private readonly observers = new Set<(step: ReplayStep) => void>();

  constructor(
    private readonly markets: readonly Market[],
    private readonly venue: SimulatedVenue,
    private readonly clock: ManualClock,
    private readonly intervalMs: number,
  ) {
    this.fed = markets.map(() => 0);
    this.settled = markets.map(() => 0);
  }

  /**
   * Calls `observer` after every step, once the venue has the candles, the clock stands at the close
   * and the funding due has settled (the streams publish then). Returns the call that stops it.
   */
  onStep(observer: (step: ReplayStep) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** Close time of the next step, undefined when every candle has been fed. */
  get nextClose(): number | undefined {
    let open = Infinity;
    this.markets.forEach((market, i) => {
      const candle = market.candles[this.fed[i]!];
      if (candle !== undefined && candle.time < open) open = candle.time;
    });
    return open === Infinity ? undefined : open + this.intervalMs;
  }

  get finished(): boolean {
    return this.nextClose === undefined;
  }

  /** Runs up to `steps` candle closes; returns how many there were (fewer at the end of the data). */
  advance(steps = 1): number {
    if (!Number.isSafeInteger(steps) || steps < 0) throw new InputError(`advance: steps must be a whole number >= 0, got ${describeValue(steps)}`);
    let done = 0;
    for (; done < steps; done++) {
      const close = this.nextClose;
      if (close === undefined) break;
      this.step(close);
    }
    return done;
  }

  /** Runs every step that closes by `time`, then sets the clock to `time` (which may fall inside a candle). */
  advanceTo(time: number): void {
    if (!Number.isFinite(time) || time < this.clock.now()) {
      throw new InputError(`advanceTo: ${describeValue(time)} is before the replay clock ${this.clock.now()}`);
    }
    for (let close = this.nextClose; close !== undefined && close <= time; close = this.nextClose) this.step(close);
    this.clock.set(time);
    this.settleFunding(time);
  }

  private step(close: number): void {
    const open = close - this.intervalMs;
    const symbols: string[] = [];
    this.markets.forEach((market, i) => {
      const candle = market.candles[this.fed[i]!];
      if (candle === undefined || candle.time !== open) return;
      this.venue.processCandle(market.symbol, candle);
      this.fed[i]! += 1;
      symbols.push(market.symbol);
    });
    if (close > this.clock.now()) this.clock.set(close);
    this.settleFunding(this.clock.now());
    if (this.observers.size === 0) return;
    const step: ReplayStep = { open, close, symbols };
    for (const observer of this.observers) observer(step);
  }

  private settleFunding(time: number): void {
    this.markets.forEach((market, i) => {
      for (let next = market.funding[this.settled[i]!]; next !== undefined && next.time <= time; next = market.funding[this.settled[i]!]) {
        const mark = market.lastPrice(next.time);
        if (mark !== undefined) this.venue.settleFunding(market.symbol, next.time, next.rate, mark);
        this.settled[i]! += 1;
      }
    });
  }
}
