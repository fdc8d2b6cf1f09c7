// Each symbol's closed candles handled one at a time and in time order, the candles the stream missed fetched first: the strategy's window never skips, repeats or reorders a candle.
import type { Candle } from '../../domain/candle.js';
import type { Journal } from './journal.js';

/** What handling one candle means for the session. */
export interface CandleSteps {
  /** Open time of the newest candle the symbol's engine held before the queue's first (its warm-up history; −Infinity when none). */
  warmedUpTo(symbol: string): number;
  intervalMs(symbol: string): number;
  /** Matching (paper): its events are queued on the journal behind this. */
  match(symbol: string, candle: Candle): void;
  /** The strategy's turn, once the events the match queued are stored and applied. */
  act(symbol: string, candle: Candle): Promise<void>;
  /** The closed candles strictly between `after` and `before` (none when they cannot be had). */
  missed(symbol: string, after: number, before: number): Promise<Candle[]>;
}

interface Waiting {
  readonly candle: Candle;
  /** Fetched to fill a hole: not checked for holes again (the exchange may lack a candle too). */
  readonly backfilled: boolean;
}

export class CandleQueue {
  private readonly waiting = new Map<string, Waiting[]>();
  /** Open time of the newest candle handled per symbol. */
  private readonly newest = new Map<string, number>();
  /** Symbols with a candle being handled: the next one waits for it. */
  private readonly handling = new Set<string>();

  constructor(
    private readonly journal: Journal,
    private readonly steps: CandleSteps,
  ) {}

  /** Forgets the candles not yet handled (the session is stopping); the one being handled finishes. */
  clear(): void {
    for (const waiting of this.waiting.values()) waiting.length = 0;
  }

  push(symbol: string, candle: Candle): void {
    const waiting = this.waiting.get(symbol) ?? this.waiting.set(symbol, []).get(symbol)!;
    waiting.push({ candle, backfilled: false });
    if (!this.handling.has(symbol)) this.handleNext(symbol);
  }

  /**
   * Matching first (its fills are queued behind it), then the strategy, and only then the next
   * candle. A candle that leaves a hole after the newest one first fetches the missing ones.
   */
  private handleNext(symbol: string): void {
    const next = this.waiting.get(symbol)?.shift();
    if (next === undefined) {
      this.handling.delete(symbol);
      return;
    }
    this.handling.add(symbol);
    const { candle } = next;
    let acting = false;
    void this.journal.run(async () => {
      try {
        // A repeated or older candle (a duplicate frame, a reconnect) changes nothing; decided here, in queue order.
        const newest = this.newest.get(symbol) ?? this.steps.warmedUpTo(symbol);
        if (candle.time <= newest) return;
        if (!next.backfilled && Number.isFinite(newest) && candle.time > newest + this.steps.intervalMs(symbol)) {
          const missed = await this.steps.missed(symbol, newest, candle.time);
          if (missed.length > 0) {
            this.waiting.get(symbol)!.unshift(...missed.map((c) => ({ candle: c, backfilled: true })), { candle, backfilled: true });
            return;
          }
        }
        this.newest.set(symbol, candle.time);
        this.steps.match(symbol, candle);
        // Queued from here, so it comes after the events the match just queued.
        acting = true;
        void this.journal.run(async () => {
          try {
            await this.steps.act(symbol, candle);
          } finally {
            this.handleNext(symbol);
          }
        });
      } finally {
        if (!acting) this.handleNext(symbol);
      }
    });
  }
}
