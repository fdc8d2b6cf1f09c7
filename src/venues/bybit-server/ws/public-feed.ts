// The public streams from the replay: each candle close sends klines, trade prints, the book's deltas and ticker updates to their subscribers; the venue's liquidations go out as they happen.
import type { VenueEvent } from '../../../domain/venue-events.js';
import type { Exchange } from '../exchange.js';
import type { ReplayStep } from '../replay/replay.js';
import { BookStream } from './book-stream.js';
import type { Connection } from './connection.js';
import type { FaultSwitches } from './faults.js';
import type { Hub } from './hub.js';
import { KlineStream } from './kline-stream.js';
import { liquidationFrame, tradeFrame } from './market-frames.js';
import { TickerStream } from './ticker-stream.js';
import type { PublicTopic } from './topics.js';

type Liquidated = Extract<VenueEvent, { type: 'liquidated' }>;

/**
 * Book, ticker and kline streams live from their first subscriber on (a later subscriber of the same
 * topic shares their `u` and `cs`); trades are built when needed. Nothing is built for a topic nobody
 * listens to, so an unwatched replay runs as fast as before.
 */
export class PublicFeed {
  private readonly books = new Map<string, BookStream>();
  private readonly tickers = new Map<string, TickerStream>();
  private readonly klines = new Map<string, KlineStream>();
  private readonly stops: (() => void)[];

  constructor(
    private readonly exchange: Exchange,
    private readonly hub: Hub,
    private readonly faults: FaultSwitches,
  ) {
    this.stops = [
      exchange.replay.onStep((step) => this.onStep(step)),
      exchange.ledger.onChange(({ event }) => {
        if (event.type === 'liquidated') this.onLiquidation(event);
      }),
    ];
  }

  /** Sends a new subscriber of `topic` what Bybit sends at once: the book or ticker snapshot. */
  subscribed(connection: Connection, topic: PublicTopic): void {
    const now = this.exchange.now;
    if (topic.kind === 'orderbook') {
      const book = this.book(topic.name, topic.symbol, topic.depth);
      book.sync(now);
      connection.push(topic.name, book.snapshot(now));
    } else if (topic.kind === 'tickers') {
      const ticker = this.ticker(topic.name, topic.symbol);
      ticker.update(now);
      connection.push(topic.name, ticker.snapshot(now));
    }
  }

  stop(): void {
    for (const stop of this.stops) stop();
  }

  private onStep(step: ReplayStep): void {
    if (!this.hub.anyPublic) return;
    const now = this.exchange.now;
    const fed = new Set(step.symbols);
    // A gap is taken once per symbol and step, and only where a delta will carry it.
    const gaps = new Set([...fed].filter((s) => this.hub.listens('orderbook', s, (t) => t.kind === 'orderbook' && t.depth > 1) && this.faults.takeBookGap(s)));
    for (const { topic, connections } of [...this.hub.publicAudiences()]) {
      if (!fed.has(topic.symbol)) continue;
      for (const text of this.frames(topic, now, gaps.has(topic.symbol))) for (const connection of connections) connection.push(topic.name, text);
    }
  }

  /** What `topic` sends for the step that just closed: one frame, or one per book message, or none. */
  private frames(topic: PublicTopic, now: number, gap: boolean): readonly string[] {
    if (topic.kind === 'orderbook') return this.book(topic.name, topic.symbol, topic.depth).frames(now, gap && topic.depth > 1);
    const text = this.frame(topic, now);
    return text === undefined ? [] : [text];
  }

  private frame(topic: Exclude<PublicTopic, { kind: 'orderbook' }>, now: number): string | undefined {
    const market = this.exchange.market(topic.symbol);
    const index = market.closedBy(now) - 1;
    switch (topic.kind) {
      case 'kline': {
        let kline = this.klines.get(topic.name);
        if (kline === undefined) {
          kline = new KlineStream(topic.name, market, topic.interval);
          this.klines.set(topic.name, kline);
        }
        return kline.frame(index, now);
      }
      case 'publicTrade':
        return tradeFrame(topic.name, market, index, this.exchange.seed, now);
      case 'tickers': {
        const ticker = this.ticker(topic.name, topic.symbol);
        const changed = ticker.update(now);
        return changed === undefined ? undefined : ticker.delta(changed, now);
      }
      case 'allLiquidation':
        return undefined;
    }
  }

  private onLiquidation(event: Liquidated): void {
    const name = `allLiquidation.${event.symbol}`;
    const audience = this.hub.audience(name);
    if (audience === undefined) return;
    // The venue reports the liquidation before the fill that closes the position: the ledger still holds it.
    const long = this.exchange.ledger.positions.meta(event.symbol).position.size > 0;
    const text = liquidationFrame(name, this.exchange.market(event.symbol), long, event.qty, event.price, event.time);
    for (const connection of audience.connections) connection.push(name, text);
  }

  private book(name: string, symbol: string, depth: number): BookStream {
    let book = this.books.get(name);
    if (book === undefined) {
      book = new BookStream(name, this.exchange.market(symbol), this.exchange.books.get(symbol)!, depth);
      this.books.set(name, book);
    }
    return book;
  }

  private ticker(name: string, symbol: string): TickerStream {
    let ticker = this.tickers.get(symbol);
    if (ticker === undefined) {
      ticker = new TickerStream(name, this.exchange.market(symbol), this.exchange.books.get(symbol)!);
      this.tickers.set(symbol, ticker);
    }
    return ticker;
  }
}
