// Switches that break the WebSocket streams on purpose (drops, delays, doubles, swaps, book gaps, freezes, hang-ups), seeded so each run breaks alike.
import { describeValue, InputError } from '../../../core/errors.js';
import type { Random } from '../../../core/random.js';

/**
 * What a test may switch at any time. The switches act on data messages (topic frames) only: answers
 * to ping, subscribe and auth always go out at once, so a client's heartbeat keeps working while its
 * data is broken.
 */
export interface StreamFaults {
  /** Closes every socket at once, without a closing handshake (`terminate`). */
  closeAll(): void;
  /** Drops the next `count` data messages whose topic starts with `prefix` ("" = any), counted over all connections. */
  dropNext(prefix: string, count: number): void;
  /** Drops each data message whose topic starts with `prefix` with this probability (seeded); 0 stops it. */
  dropRate(prefix: string, probability: number): void;
  /** Skips one update id (`u`) on the next orderbook delta of `symbol`, on every depth that sends deltas (not level 1). */
  bookGap(symbol: string): void;
  /** Holds every data message this many ms before sending it (0: at once). */
  delayMs: number;
  /** Sends every data message twice. */
  duplicate: boolean;
  /** Swaps consecutive data messages of each connection (a message waits for the next one, then follows it). */
  reorder: boolean;
  /** Stops every public data message (book snapshots on subscribe included). */
  freeze: boolean;
  /** Stops every private push. */
  silencePrivate: boolean;
  /** Every switch off; pending drops and gaps forgotten; held messages sent. */
  reset(): void;
}

/** Where the switches send a message that gets through. */
export interface Outlet {
  readonly kind: 'public' | 'private';
  /** Writes `text` to the socket now, if it is still open. */
  write(text: string): void;
}

export class FaultSwitches implements StreamFaults {
  duplicate = false;
  freeze = false;
  silencePrivate = false;
  private delay = 0;
  private swapping = false;
  private readonly dropCounts = new Map<string, number>();
  private readonly dropRates = new Map<string, number>();
  private readonly gaps = new Set<string>();
  private readonly held = new Map<Outlet, string>();

  constructor(
    private readonly random: Random,
    private readonly symbols: ReadonlySet<string>,
    private readonly terminateAll: () => void,
  ) {}

  get delayMs(): number {
    return this.delay;
  }
  set delayMs(ms: number) {
    if (!Number.isFinite(ms) || ms < 0) throw new InputError(`streamFaults.delayMs must be a number of ms >= 0, got ${describeValue(ms)}`);
    this.delay = ms;
  }

  get reorder(): boolean {
    return this.swapping;
  }
  set reorder(on: boolean) {
    this.swapping = on;
    if (!on) this.release();
  }

  closeAll(): void {
    this.held.clear();
    this.terminateAll();
  }

  dropNext(prefix: string, count: number): void {
    if (!Number.isSafeInteger(count) || count < 0) throw new InputError(`streamFaults.dropNext: count must be a whole number >= 0, got ${describeValue(count)}`);
    if (count === 0) this.dropCounts.delete(prefix);
    else this.dropCounts.set(prefix, count);
  }

  dropRate(prefix: string, probability: number): void {
    if (!(probability >= 0 && probability <= 1)) throw new InputError(`streamFaults.dropRate: probability must be from 0 to 1, got ${describeValue(probability)}`);
    if (probability === 0) this.dropRates.delete(prefix);
    else this.dropRates.set(prefix, probability);
  }

  bookGap(symbol: string): void {
    if (!this.symbols.has(symbol)) throw new InputError(`streamFaults.bookGap: symbol ${describeValue(symbol)} is not listed (${[...this.symbols].join(', ')})`);
    this.gaps.add(symbol);
  }

  reset(): void {
    this.duplicate = false;
    this.freeze = false;
    this.silencePrivate = false;
    this.delay = 0;
    this.reorder = false;
    this.dropCounts.clear();
    this.dropRates.clear();
    this.gaps.clear();
  }

  /** For the book streams: true, once, when a gap is due on `symbol`. */
  takeBookGap(symbol: string): boolean {
    return this.gaps.delete(symbol);
  }

  /** Sends the data message `text` of `topic` on `outlet`, as the switches let it through. */
  deliver(outlet: Outlet, topic: string, text: string): void {
    if (outlet.kind === 'public' ? this.freeze : this.silencePrivate) return;
    if (this.dropped(topic)) return;
    let out = [text];
    if (this.swapping) {
      const held = this.held.get(outlet);
      if (held === undefined) {
        this.held.set(outlet, text);
        return;
      }
      this.held.delete(outlet);
      out = [text, held];
    }
    if (this.duplicate) out = out.flatMap((t) => [t, t]);
    this.send(outlet, out);
  }

  /** Forgets what waits for a closed outlet. */
  forget(outlet: Outlet): void {
    this.held.delete(outlet);
  }

  private send(outlet: Outlet, texts: readonly string[]): void {
    if (this.delay === 0) {
      for (const text of texts) outlet.write(text);
      return;
    }
    setTimeout(() => {
      for (const text of texts) outlet.write(text);
    }, this.delay).unref();
  }

  private release(): void {
    const held = [...this.held];
    this.held.clear();
    for (const [outlet, text] of held) this.send(outlet, [text]);
  }

  private dropped(topic: string): boolean {
    for (const [prefix, left] of this.dropCounts) {
      if (!topic.startsWith(prefix)) continue;
      if (left <= 1) this.dropCounts.delete(prefix);
      else this.dropCounts.set(prefix, left - 1);
      return true;
    }
    for (const [prefix, probability] of this.dropRates) {
      if (topic.startsWith(prefix) && this.random.next() < probability) return true;
    }
    return false;
  }
}
