// Checks a stored order book stream before a backtest trusts it: it must start from a snapshot, keep its update chain and never cross.
import type { BookMessage, PriceLevel } from '../../domain/order-book.js';
import { replayBook } from '../replay-book.js';
import { makeFinding, type Finding } from './finding.js';

const finding = makeFinding;

const startsBook = (message: BookMessage): boolean => message.kind === 'snapshot' || message.updateId === 1;

/** Reports levels with a non-positive (or non-finite) price or a negative (or non-finite) size; returns the good levels. */
function checkLevels(
  levels: readonly PriceLevel[],
  side: 'bid' | 'ask',
  message: BookMessage,
  index: number,
  findings: Finding[],
): readonly PriceLevel[] {
  let good: PriceLevel[] | undefined;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level === undefined) continue;
    const [price, size] = level;
    const where = `${message.kind} #${index} (u=${message.updateId}) ${side} level ${i}`;
    let ok = true;
    if (!(Number.isFinite(price) && price > 0)) {
      ok = false;
      findings.push(finding('price', 'reject', message.time, price, `${where} has price ${price}; prices must be > 0.`));
    }
    if (!(Number.isFinite(size) && size >= 0)) {
      ok = false;
      findings.push(finding('size', 'reject', message.time, size, `${where} has size ${size}; sizes must be >= 0 (0 deletes).`));
    }
    if (!ok && good === undefined) good = levels.slice(0, i);
    else if (ok && good !== undefined) good.push(level);
  }
  return good ?? levels;
}

/**
 * Checks book messages in replay order:
 * - `empty` (reject): no messages;
 * - `start` (reject when no snapshot ever comes; warn when one comes later and the deltas before it are dropped);
 * - `price` / `size` (reject): a level priced <= 0 or sized < 0 — the stream is corrupt;
 * - `gap` (reject): a delta's `u` is not the previous `u` + 1, so updates were lost and the book
 *   is unknown until the next snapshot (value: the `u` received);
 * - `crossed` (reject): best bid >= best ask after applying a message;
 * - `symbol` (reject): a message for another symbol in the same stream.
 * Bad levels are left out of the replay so the remaining checks still run.
 */
export function checkBookMessages(messages: readonly BookMessage[], options: { depth?: number } = {}): Finding[] {
  const findings: Finding[] = [];
  const first = messages[0];
  if (first === undefined) {
    findings.push(finding('empty', 'reject', NaN, 0, 'The book stream is empty; load a file that has a snapshot and deltas.'));
    return findings;
  }

  if (!startsBook(first)) {
    const firstSnapshot = messages.findIndex(startsBook);
    const value = `${first.kind} u=${first.updateId}`;
    if (firstSnapshot === -1) {
      findings.push(
        finding('start', 'reject', first.time, value, 'The book stream has no snapshot, so no book can be built from its deltas.'),
      );
    } else {
      findings.push(
        finding(
          'start',
          'warn',
          first.time,
          value,
          `The book stream starts with a delta; the ${firstSnapshot} message(s) before the first snapshot are dropped.`,
        ),
      );
    }
  }

  const clean: BookMessage[] = messages.map((message, index) => {
    const bids = checkLevels(message.bids, 'bid', message, index, findings);
    const asks = checkLevels(message.asks, 'ask', message, index, findings);
    return bids === message.bids && asks === message.asks ? message : { ...message, bids, asks };
  });

  const report = replayBook(clean, options.depth === undefined ? {} : { depth: options.depth });
  for (const gap of report.gaps) {
    findings.push(
      finding(
        'gap',
        'reject',
        gap.time,
        gap.got,
        `Message #${gap.index} has u=${gap.got} but u=${gap.expected} was expected; updates were lost and the book is unknown until the next snapshot.`,
      ),
    );
  }
  for (const cross of report.crossed) {
    findings.push(
      finding(
        'crossed',
        'reject',
        cross.time,
        `bid ${cross.bestBid} >= ask ${cross.bestAsk}`,
        `After message #${cross.index} the best bid ${cross.bestBid} is at or above the best ask ${cross.bestAsk}; an update was missed or misapplied.`,
      ),
    );
  }
  if (report.otherSymbol > 0) {
    const stray = messages.find((message) => message.symbol !== first.symbol);
    findings.push(
      finding(
        'symbol',
        'reject',
        stray?.time ?? first.time,
        stray?.symbol ?? '',
        `${report.otherSymbol} message(s) are for another symbol than ${first.symbol}; split the stream by symbol.`,
      ),
    );
  }
  return findings;
}
