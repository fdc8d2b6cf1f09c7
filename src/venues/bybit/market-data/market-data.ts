// The public-stream client: Bybit's public linear WebSocket (through the bybit-api SDK) → domain events, a local book per symbol that is never wrong for long, and the feed's health as status events.
import type { Clock } from '../../../core/clock.js';
import { describeValue, InputError } from '../../../core/errors.js';
import type { BookMessage } from '../../../domain/order-book.js';
import type { StreamEvent } from '../parse/events.js';
import { parseFrame } from '../parse/frame.js';
import { WireFormatError } from '../wire/validate.js';
import { Backoff } from './backoff.js';
import type { BookResyncEvent, ConnectionState, EventOfType, MarketDataEvent, MarketDataEventType } from './events.js';
import { Handlers } from './handlers.js';
import { resolveOptions, type MarketDataOptions, type ResolvedOptions } from './options.js';
import { classifyException, isAnswer, withoutSdkFields } from './sdk-messages.js';
import { StreamSocket } from './stream-socket.js';
import { Subscriptions } from './subscriptions.js';
import { SyncedBook, type BookView } from './synced-book.js';
import { bookTopic, checkSymbol, topicsFor, type TopicSelection } from './topics.js';

/** Running totals since the feed was created. */
export interface MarketDataStats {
  /** Bybit messages received (data and answers; the SDK keeps pongs to itself). */
  readonly messages: number;
  readonly malformed: number;
  /** Connections lost or refused, each followed by a reconnect. */
  readonly reconnects: number;
  readonly bookResyncs: number;
  readonly handlerErrors: number;
}

const CATEGORY = 'linear';

export class BybitMarketData {
  private readonly options: ResolvedOptions;
  private readonly clock: Clock;
  private readonly socket: StreamSocket;
  private readonly backoff: Backoff;
  private readonly handlers: Handlers;
  private readonly subscriptions = new Subscriptions();
  private readonly books = new Map<string, SyncedBook>();
  private current: ConnectionState = 'idle';
  private timer: ReturnType<typeof setInterval> | undefined;
  private closing: Promise<void> | undefined;
  private lastMessageAt = NaN;
  private connectedAt = NaN;
  /** The delay the SDK will wait before its next reconnect. */
  private nextDelay: number;
  /** A message arrived since the last (re)connect: the connection works, so the backoff starts over. */
  private proven = false;
  /** Connections lost or refused since the last one that opened. */
  private failedAttempts = 0;
  private totals = { messages: 0, malformed: 0, reconnects: 0, bookResyncs: 0, handlerErrors: 0 };

  constructor(options: MarketDataOptions) {
    this.options = resolveOptions(options);
    this.clock = this.options.clock;
    this.backoff = new Backoff(this.options.random, this.options.backoff);
    this.nextDelay = this.backoff.next();
    this.handlers = new Handlers((error, event) => this.handlerThrew(error, event));
    this.socket = new StreamSocket(this.options.url, { pingIntervalMs: this.options.pingIntervalMs, pongTimeoutMs: this.options.pongTimeoutMs, reconnectDelayMs: this.nextDelay });
    this.socket.on('open', () => this.connected('connected'));
    this.socket.on('reconnected', () => this.connected(`reconnected after ${this.failedAttempts} attempt${this.failedAttempts === 1 ? '' : 's'}`));
    this.socket.on('reconnect', (event) => this.dropped(event));
    this.socket.on('update', (message) => this.received(message));
    this.socket.on('response', (message) => {
      // The SDK also emits socket errors as 'response'; those are handled as 'exception'.
      if (isAnswer(message)) this.received(message);
    });
    this.socket.on('exception', (event) => this.exception(event));
  }

  get state(): ConnectionState {
    return this.current;
  }

  stats(): MarketDataStats {
    return { ...this.totals };
  }

  /** Calls `handler` for each event of `type` ('trade', 'book', 'connection', …); returns the function that stops it. */
  on<T extends MarketDataEventType>(type: T, handler: (event: EventOfType<T>) => void): () => void {
    return this.handlers.on(type, handler);
  }

  /** Calls `handler` for every market and status event; returns the function that stops it. */
  onEvent(handler: (event: MarketDataEvent) => void): () => void {
    return this.handlers.onEvent(handler);
  }

  /**
   * Follows more streams of a symbol (the first call connects). A book depth cannot change while
   * the book is followed: unsubscribe({ book }) first.
   * @throws InputError naming the field and value Bybit would not accept, or after close().
   */
  subscribe(symbol: string, selection: TopicSelection): void {
    this.assertOpen('subscribe');
    const topics = topicsFor(symbol, selection);
    const held = this.books.get(symbol);
    if (selection.book !== undefined && held !== undefined && held.depth !== selection.book) {
      throw new InputError(`book depth for ${symbol} is already ${held.depth}; unsubscribe it before asking for ${describeValue(selection.book)}`);
    }
    if (selection.book !== undefined && held === undefined) this.books.set(symbol, new SyncedBook(symbol, selection.book, this.clock.now()));
    const added = this.subscriptions.add(symbol, topics);
    if (added.length === 0) return;
    if (this.current === 'idle') this.setState('connecting', `subscribing to ${added.join(', ')}`);
    this.startChecks();
    void Promise.allSettled(this.socket.subscribeV5(added, CATEGORY));
  }

  /** Stops the given streams of a symbol, or all of them when `selection` is absent. */
  unsubscribe(symbol: string, selection?: TopicSelection): void {
    this.assertOpen('unsubscribe');
    const removed = this.subscriptions.remove(symbol, selection === undefined ? undefined : topicsFor(symbol, selection));
    if (removed.length === 0) return;
    const book = this.books.get(symbol);
    if (book !== undefined && removed.includes(bookTopic(book.depth, symbol))) this.books.delete(symbol);
    void Promise.allSettled(this.socket.unsubscribeV5(removed, CATEGORY));
  }

  /** Topics currently followed. */
  topics(): string[] {
    return this.subscriptions.all();
  }

  /** The local book of a symbol while it can be trusted; undefined when not followed or waiting for a snapshot. */
  book(symbol: string): BookView | undefined {
    checkSymbol(symbol);
    const synced = this.books.get(symbol);
    return synced?.valid === true ? synced.book : undefined;
  }

  /** Best bid and ask of a trusted book (a side is undefined while empty); undefined as for book(). */
  quote(symbol: string): { readonly bid: number | undefined; readonly ask: number | undefined } | undefined {
    const book = this.book(symbol);
    return book === undefined ? undefined : { bid: book.bestBid(), ask: book.bestAsk() };
  }

  /**
   * Ends everything: the socket, the SDK's ping and reconnect timers, the checks. The returned
   * promise settles once the socket has closed; nothing is left to keep the process alive.
   */
  close(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    const socket = this.socket.socket();
    // Set first: from here on every SDK event is ignored, even one a handler of 'closed' causes.
    this.closing = socket === undefined || socket.readyState === socket.CLOSED ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve()));
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.socket.stop();
    this.setState('closed', 'closed by the caller');
    this.handlers.clear();
    return this.closing;
  }

  // ——— connection ———

  private connected(reason: string): void {
    if (this.closing !== undefined) return;
    const now = this.clock.now();
    this.connectedAt = now;
    this.lastMessageAt = now;
    this.proven = false;
    this.failedAttempts = 0;
    this.setState('live', reason);
  }

  private dropped(event: { event?: { code?: unknown } }): void {
    if (this.closing !== undefined) return;
    this.totals.reconnects += 1;
    this.failedAttempts += 1;
    const code = event.event?.code;
    const reason = `socket closed${typeof code === 'number' ? ` (code ${code})` : ''}; reconnecting in ${this.nextDelay} ms`;
    // The SDK has already read the delay for this reconnect; set the one after it.
    this.nextDelay = this.backoff.next();
    this.socket.setReconnectDelay(this.nextDelay);
    if (this.current === 'reconnecting') return;
    this.setState('reconnecting', reason);
    // The SDK resubscribes every topic on reconnect, and Bybit answers each book topic with a snapshot.
    // A book that was not in step yet is already waiting for one; only the trusted ones need saying.
    for (const book of this.books.values()) {
      if (book.valid) this.resync(book, 'reconnect', reason, false);
      else book.invalidate(this.clock.now());
    }
  }

  private startChecks(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.check(), this.options.checkEveryMs);
    // The checks watch a feed; they must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  private check(): void {
    if (this.current !== 'live' && this.current !== 'degraded') return;
    const now = this.clock.now();
    const silent = now - this.lastMessageAt;
    // With nothing subscribed, silence is expected.
    if (this.current === 'live' && silent >= this.options.staleAfterMs && !this.subscriptions.empty) this.setState('degraded', `no message for ${silent} ms`);
    for (const book of this.books.values()) {
      const waited = now - Math.max(book.waitingSince, this.connectedAt);
      if (waited >= this.options.snapshotTimeoutMs) this.resync(book, 'snapshotTimeout', `no snapshot ${waited} ms after asking`, true);
    }
  }

  private setState(state: ConnectionState, reason: string): void {
    if (state === this.current) return;
    const previous = this.current;
    this.current = state;
    this.emit({ type: 'connection', state, previous, reason, time: this.clock.now() });
  }

  // ——— messages ———

  private received(sdkEvent: unknown): void {
    if (this.closing !== undefined) return;
    this.touch();
    let events: StreamEvent[];
    try {
      events = parseFrame(withoutSdkFields(sdkEvent));
    } catch (error) {
      this.malformed(error);
      return;
    }
    for (const event of events) this.route(event);
  }

  /** Any message shows the feed is alive. */
  private touch(): void {
    this.totals.messages += 1;
    this.lastMessageAt = this.clock.now();
    if (!this.proven) {
      this.proven = true;
      this.backoff.reset();
      this.nextDelay = this.backoff.next();
      this.socket.setReconnectDelay(this.nextDelay);
    }
    if (this.current === 'degraded') this.setState('live', 'messages again');
  }

  private route(event: StreamEvent): void {
    switch (event.type) {
      case 'book':
        return this.applyBook(event.depth, event.message);
      case 'trade':
      case 'candle':
      case 'ticker':
      case 'liquidation':
      case 'control':
      case 'unhandled':
        return this.emit(event);
      default:
        // Order, fill, position and wallet events belong to the private stream.
        return this.emit({ type: 'unhandled', topic: event.type, reason: 'a private event on the public stream' });
    }
  }

  private applyBook(depth: number, message: BookMessage): void {
    const synced = this.books.get(message.symbol);
    // Messages still in flight for a book no longer followed (or followed at another depth).
    if (synced === undefined || synced.depth !== depth) return;
    const outcome = synced.apply(message, this.clock.now());
    if (outcome.kind === 'applied') {
      const { book } = synced;
      this.emit({ type: 'book', depth, message, bestBid: book.bestBid(), bestAsk: book.bestAsk(), reset: outcome.reset });
    } else if (outcome.kind === 'resync') {
      this.resync(synced, outcome.reason, outcome.detail, true);
    }
  }

  /** Clears a book, says so, and (unless the SDK is about to resubscribe everything) asks Bybit for a fresh snapshot. */
  private resync(synced: SyncedBook, reason: BookResyncEvent['reason'], detail: string, resubscribe: boolean): void {
    synced.invalidate(this.clock.now());
    this.totals.bookResyncs += 1;
    this.emit({ type: 'bookResync', symbol: synced.symbol, depth: synced.depth, reason, detail, time: this.clock.now() });
    if (resubscribe) void this.resubscribe(bookTopic(synced.depth, synced.symbol));
  }

  /** Bybit sends a snapshot on subscribe; unsubscribing first makes the subscribe a new one. */
  private async resubscribe(topic: string): Promise<void> {
    // Awaited so the unsubscribe is on the wire before the subscribe.
    await Promise.allSettled(this.socket.unsubscribeV5(topic, CATEGORY));
    if (this.closing !== undefined || !this.subscriptions.has(topic)) return;
    await Promise.allSettled(this.socket.subscribeV5(topic, CATEGORY));
  }

  private exception(sdkEvent: unknown): void {
    if (this.closing !== undefined) return;
    const exception = classifyException(sdkEvent);
    switch (exception.kind) {
      case 'rejected': {
        this.received(exception.message);
        const answer = exception.message as { op?: unknown; ret_msg?: unknown };
        this.streamError('exchange', `${String(answer.op)} rejected: ${describeValue(answer.ret_msg)}`);
        return;
      }
      case 'unreadable':
        this.touch();
        return this.malformed(exception.error);
      case 'socket':
        return this.streamError('socket', exception.text);
    }
  }

  private malformed(error: unknown): void {
    this.totals.malformed += 1;
    const wire = error instanceof WireFormatError;
    const message = error instanceof Error ? error.message : String(error);
    this.emit({ type: 'malformed', count: this.totals.malformed, what: wire ? error.what : 'message', field: wire ? error.field : 'payload', message, time: this.clock.now() });
  }

  private streamError(source: 'socket' | 'exchange' | 'handler', message: string): void {
    this.emit({ type: 'streamError', source, message, time: this.clock.now() });
  }

  private handlerThrew(error: unknown, event: MarketDataEvent): void {
    this.totals.handlerErrors += 1;
    // A handler that throws on the report of a throwing handler would loop.
    if (event.type === 'streamError' && event.source === 'handler') return;
    this.streamError('handler', `a ${event.type} handler threw: ${error instanceof Error ? error.message : describeValue(error)}`);
  }

  private emit(event: MarketDataEvent): void {
    this.handlers.emit(event);
  }

  private assertOpen(what: string): void {
    if (this.closing !== undefined) throw new InputError(`cannot ${what}: this BybitMarketData was closed`);
  }
}
