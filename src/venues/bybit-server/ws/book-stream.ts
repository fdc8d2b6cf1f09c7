// One `orderbook.{depth}.{symbol}` stream (§10.1): the symbol's persistent book seen `depth` levels deep, a snapshot for a new subscriber, then a small delta per book message.
import type { LevelChanges } from '../market/book-diff.js';
import type { LiveBook } from '../market/live-book.js';
import type { BookLevel } from '../market/synthetic-book.js';
import type { Market } from '../replay/market.js';

/** Levels as Bybit writes them, as JSON text (decimal strings need no escaping); a deleted level's size is "0" exactly. */
function wireLevels(market: Market, levels: readonly BookLevel[]): string {
  let text = '';
  for (const [price, size] of levels) {
    text += `${text === '' ? '' : ','}["${market.rules.price.toString(price)}","${size === 0 ? '0' : market.rules.qty.toString(size)}"]`;
  }
  return `[${text}]`;
}

/**
 * `u` is the book's update id (the one REST reports), plus the ids a fault skipped; `seq` is the
 * book's cross sequence, the same on every depth for one state. A step of the replay makes several
 * book messages: each becomes a delta of the levels that changed within `depth` (level 1: a
 * snapshot of the top, Bybit sends no deltas there). Should the stream have missed messages (nobody
 * listened for a while), it sends a fresh snapshot instead, as Bybit does after trouble on its side.
 */
export class BookStream {
  /** The book's update id this stream has sent up to (or synced to for a new subscriber); -1 before. */
  private sent = -1;
  private skipped = 0;
  private readonly quotedName: string;
  private readonly quotedSymbol: string;

  constructor(
    private readonly name: string,
    private readonly market: Market,
    private readonly book: LiveBook,
    private readonly depth: number,
  ) {
    book.watch(depth);
    this.quotedName = JSON.stringify(name);
    this.quotedSymbol = JSON.stringify(market.symbol);
  }

  /** Level 1 is snapshots only (Bybit); deeper books send deltas. */
  get snapshotsOnly(): boolean {
    return this.depth === 1;
  }

  /** Brings the book to `now` and takes its state as sent: what a new subscriber's snapshot shows. */
  sync(now: number): void {
    this.book.catchUp(now);
    this.sent = this.book.updateId;
  }

  /** The frames that bring a subscriber from the last state sent to `now`, oldest first; the first skips one `u` when `gap`. */
  frames(now: number, gap = false): string[] {
    this.book.catchUp(now);
    if (this.book.updateId === this.sent) return [];
    if (gap) this.skipped += 1;
    const messages = this.book.messages.filter((m) => m.updateId > this.sent);
    const missed =
      messages.length === 0 ||
      messages[0]!.updateId !== this.sent + 1 ||
      messages[messages.length - 1]!.updateId !== this.book.updateId ||
      (!this.snapshotsOnly && messages.some((m) => !m.views.has(this.depth)));
    this.sent = this.book.updateId;
    if (missed) return [this.snapshot(now)];
    return messages.map((m) =>
      this.snapshotsOnly
        ? this.frame('snapshot', m.top, m.updateId, m.seq, m.time)
        : this.frame('delta', m.views.get(this.depth)!, m.updateId, m.seq, m.time),
    );
  }

  /** The book as it stands (call sync or frames first). */
  snapshot(now: number): string {
    const time = Number.isNaN(this.book.time) ? now : this.book.time;
    return this.frame('snapshot', this.book.levels(this.depth), this.book.updateId, this.book.seq, now, time);
  }

  /** The frame's JSON written out directly (a step makes dozens of them): Bybit's key order, topic, type, ts, data, cts. */
  private frame(type: 'snapshot' | 'delta', levels: LevelChanges, updateId: number, seq: number, ts: number, cts = ts): string {
    const b = wireLevels(this.market, levels.bids);
    const a = wireLevels(this.market, levels.asks);
    return `{"topic":${this.quotedName},"type":"${type}","ts":${ts},"data":{"s":${this.quotedSymbol},"b":${b},"a":${a},"u":${updateId + this.skipped},"seq":${seq}},"cts":${cts}}`;
  }
}
