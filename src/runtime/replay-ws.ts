// `bybot replay-ws`: recorded Bybit WebSocket messages → the domain events they become, each book message followed by the local book's top.
import type { BookMessage, OrderBook } from '../domain/order-book.js';
import { forEachLine, readTextFile } from '../data/loaders/text-lines.js';
import { replayBook, type BookReplayReport } from '../data/replay-book.js';
import { parseFrameText, splitRecordedLine, type StreamEvent } from '../venues/bybit/index.js';

/** What applying a book message did: applied, refused for a `u` gap, or skipped while no snapshot was held. */
export type BookStatus = 'applied' | 'gap' | 'noSnapshot';

export interface ReplayedEvent {
  /** 1-based line of the file the event came from. */
  readonly line: number;
  /** The recorder's receive time (ms), when the line carried one. */
  readonly receivedAt: number | undefined;
  readonly event: StreamEvent;
  /** Book messages only: the local book's top after the message (null when the book is empty or dropped). */
  readonly book?: { readonly status: BookStatus; readonly bestBid: number | null; readonly bestAsk: number | null };
}

export interface ReplayIssue {
  readonly line: number;
  readonly message: string;
}

export interface BookSummary {
  readonly topic: string;
  readonly snapshots: number;
  readonly deltas: number;
  readonly gaps: number;
  readonly skipped: number;
  readonly crossed: number;
  readonly bidLevels: number;
  readonly askLevels: number;
  readonly bestBid: number | null;
  readonly bestAsk: number | null;
  readonly lastUpdateId: number | null;
}

export interface ReplaySummary {
  readonly file: string;
  /** Non-blank lines read. */
  readonly lines: number;
  /** Lines that were not a readable message, reported and skipped. */
  readonly malformed: number;
  /** Events by type. */
  readonly events: Record<string, number>;
  /** Messages bybot does not read, by topic. */
  readonly unhandled: Record<string, number>;
  readonly books: BookSummary[];
}

export interface ReplaySink {
  event(replayed: ReplayedEvent): void;
  issue(issue: ReplayIssue): void;
}

export interface ReplayOptions {
  /** Called with the local book after every applied book message (tests check its invariants here). */
  readonly onBook?: (topic: string, book: OrderBook, message: BookMessage) => void;
}

/** Reads a capture (plain, gzip or a one-file zip) and replays it; see replayWsText. */
export function replayWsFile(path: string, sink: ReplaySink, options: ReplayOptions = {}): ReplaySummary {
  const file = readTextFile(path);
  return replayWsText(file.text, file.name, sink, options);
}

/**
 * Parses every line, replays each order book topic through the domain OrderBook (data/replay-book:
 * a gap drops the book until the next snapshot, as a resubscribe would), then hands the events to
 * `sink` in file order. Malformed lines, gaps and crossed books are issues; nothing throws past a line.
 */
export function replayWsText(text: string, fileName: string, sink: ReplaySink, options: ReplayOptions = {}): ReplaySummary {
  const replayed: ReplayedEvent[] = [];
  const issues: ReplayIssue[] = [];
  let lines = 0;
  forEachLine(text, (line, lineNumber) => {
    lines++;
    try {
      const { receivedAt, payload } = splitRecordedLine(line);
      for (const event of parseFrameText(payload)) replayed.push({ line: lineNumber, receivedAt, event });
    } catch (error) {
      issues.push({ line: lineNumber, message: (error as Error).message });
    }
  });
  const malformed = issues.length;
  const books = replayBooks(replayed, issues, options);
  issues.sort((a, b) => a.line - b.line);
  let next = 0;
  const events: Record<string, number> = {};
  const unhandled: Record<string, number> = {};
  for (const item of replayed) {
    while (next < issues.length && issues[next]!.line <= item.line) sink.issue(issues[next++]!);
    events[item.event.type] = (events[item.event.type] ?? 0) + 1;
    if (item.event.type === 'unhandled') unhandled[item.event.topic] = (unhandled[item.event.topic] ?? 0) + 1;
    sink.event(item);
  }
  while (next < issues.length) sink.issue(issues[next++]!);
  return { file: fileName, lines, malformed, events, unhandled, books };
}

/** Replays each book topic's messages in order, stamping each replayed book event with the book's top afterwards. */
function replayBooks(replayed: ReplayedEvent[], issues: ReplayIssue[], options: ReplayOptions): BookSummary[] {
  const byTopic = new Map<string, number[]>();
  replayed.forEach((item, index) => {
    if (item.event.type !== 'book') return;
    const topic = `orderbook.${item.event.depth}.${item.event.message.symbol}`;
    const indexes = byTopic.get(topic);
    if (indexes === undefined) byTopic.set(topic, [index]);
    else indexes.push(index);
  });
  return [...byTopic].map(([topic, indexes]) => {
    const messages = indexes.map((i) => (replayed[i]!.event as Extract<StreamEvent, { type: 'book' }>).message);
    const stamp = (k: number, status: BookStatus, book?: OrderBook) => {
      const item = replayed[indexes[k]!]!;
      replayed[indexes[k]!] = { ...item, book: { status, bestBid: book?.bestBid() ?? null, bestAsk: book?.bestAsk() ?? null } };
    };
    const report = replayBook(messages, {
      onApplied: (book, message, k) => {
        stamp(k, 'applied', book);
        options.onBook?.(topic, book, message);
      },
    });
    for (const gap of report.gaps) {
      stamp(gap.index, 'gap');
      issues.push({ line: replayed[indexes[gap.index]!]!.line, message: `${topic}: gap, expected u ${gap.expected} but got ${gap.got}; book dropped until the next snapshot` });
    }
    indexes.forEach((index, k) => {
      if (replayed[index]!.book === undefined) stamp(k, 'noSnapshot');
    });
    for (const crossed of report.crossed) {
      issues.push({ line: replayed[indexes[crossed.index]!]!.line, message: `${topic}: crossed book, best bid ${crossed.bestBid} >= best ask ${crossed.bestAsk}` });
    }
    return bookSummary(topic, report);
  });
}

function bookSummary(topic: string, report: BookReplayReport): BookSummary {
  const { book } = report;
  return {
    topic,
    snapshots: report.snapshots,
    deltas: report.deltas,
    gaps: report.gaps.length,
    skipped: report.skipped,
    crossed: report.crossed.length,
    bidLevels: book.levelCount('bid'),
    askLevels: book.levelCount('ask'),
    bestBid: book.bestBid() ?? null,
    bestAsk: book.bestAsk() ?? null,
    lastUpdateId: Number.isNaN(book.updateId) ? null : book.updateId,
  };
}

/** One output line for an event: where it came from, then the event, then the book's top for book messages. */
export function eventLine(item: ReplayedEvent): string {
  const head = item.receivedAt === undefined ? { line: item.line } : { line: item.line, receivedAt: item.receivedAt };
  return JSON.stringify({ ...head, ...item.event, ...(item.book === undefined ? {} : { book: item.book }) });
}

/** True when the replay found something wrong: a malformed line, a gap, a crossed book. */
export function replayFoundProblems(summary: ReplaySummary): boolean {
  return summary.malformed > 0 || summary.books.some((b) => b.gaps > 0 || b.crossed > 0);
}
