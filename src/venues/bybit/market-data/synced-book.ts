// One symbol's local order book and whether it can be trusted: which messages to apply, which to drop, and when to ask for a fresh snapshot.
import { OrderBook, type BookMessage } from '../../../domain/order-book.js';

/** The queries of an OrderBook without the ways to change it: what readers of the feed get. */
export type BookView = Omit<OrderBook, 'apply' | 'applySnapshot' | 'applyDelta' | 'clear'>;

export type SyncOutcome =
  | { readonly kind: 'applied'; readonly reset: boolean }
  /** A delta while a fresh snapshot is on its way: it belongs to the book being replaced. */
  | { readonly kind: 'dropped' }
  /** The book is cleared and waits for a snapshot; the caller must ask for one. */
  | { readonly kind: 'resync'; readonly reason: 'gap' | 'noSnapshot'; readonly detail: string };

/**
 * fresh: subscribed, first snapshot not yet seen (a delta now means something is wrong) ·
 * valid: in step · resyncing: cleared, a snapshot was asked for, deltas are dropped until it comes.
 */
type Phase = 'fresh' | 'valid' | 'resyncing';

export class SyncedBook {
  readonly book: OrderBook;
  private phase: Phase = 'fresh';
  private waitingFrom: number;

  constructor(
    readonly symbol: string,
    readonly depth: number,
    now: number,
  ) {
    this.book = new OrderBook({ depth });
    this.waitingFrom = now;
  }

  /** True while book events can be trusted. */
  get valid(): boolean {
    return this.phase === 'valid';
  }

  /** Since when (ms) the book has waited for a snapshot; NaN while valid. */
  get waitingSince(): number {
    return this.phase === 'valid' ? NaN : this.waitingFrom;
  }

  /** Applies a message received at `now`; on a resync outcome the book is already cleared. */
  apply(message: BookMessage, now: number): SyncOutcome {
    // Only a snapshot or a u=1 reset can end a resync; the deltas in between chain onto the discarded book.
    if (this.phase === 'resyncing' && message.kind === 'delta' && message.updateId !== 1) return { kind: 'dropped' };
    const result = this.book.apply(message);
    switch (result.status) {
      case 'ok':
        this.phase = 'valid';
        return { kind: 'applied', reset: result.reset === true };
      case 'gap':
        this.invalidate(now);
        return { kind: 'resync', reason: 'gap', detail: `delta u ${result.got} does not follow u ${result.expected - 1} (expected ${result.expected})` };
      case 'noSnapshot':
        this.invalidate(now);
        return { kind: 'resync', reason: 'noSnapshot', detail: `delta u ${message.updateId} arrived before any snapshot` };
    }
  }

  /** Forgets the book and waits for a snapshot from `now` on. */
  invalidate(now: number): void {
    this.book.clear();
    this.phase = 'resyncing';
    this.waitingFrom = now;
  }
}
