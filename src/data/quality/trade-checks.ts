// Checks a trade tape before order-flow features or a replay trust it: bad numbers, time running backwards, repeated prints.
import type { Trade } from '../../domain/trade.js';
import { makeFinding, type Finding } from './finding.js';

const finding = makeFinding;

const sameTrade = (a: Trade, b: Trade): boolean =>
  a.time === b.time && a.price === b.price && a.size === b.size && a.side === b.side;

/**
 * Checks a trade tape in the order it will be replayed:
 * - `empty` (reject): nothing to build features from;
 * - `price` / `size` (reject): not finite or not positive — volume and VWAP would be wrong;
 * - `time` (reject): not a finite time, or earlier than a trade before it (value: how many ms back) —
 *   a replay clock cannot go back;
 * - `duplicate` (warn when the repeat is identical, e.g. a recorder re-send that should be dropped;
 *   reject when the same id carries a different trade, which means the tape is corrupt).
 * Ids are unique per symbol, so duplicates are looked for per symbol.
 */
export function checkTrades(trades: readonly Trade[]): Finding[] {
  const findings: Finding[] = [];
  if (trades.length === 0) {
    findings.push(finding('empty', 'reject', NaN, 0, 'The trade tape is empty; load a file that has trades.'));
    return findings;
  }

  const seen = new Map<string, Trade>();
  let previousTime = -Infinity;
  for (let i = 0; i < trades.length; i++) {
    const trade = trades[i];
    if (trade === undefined) continue;
    const where = `trade ${trade.id} (#${i})`;

    if (!Number.isFinite(trade.price) || trade.price <= 0) {
      findings.push(
        finding('price', 'reject', trade.time, trade.price, `${where} has price ${trade.price}; prices must be finite and > 0.`),
      );
    }
    if (!Number.isFinite(trade.size) || trade.size <= 0) {
      findings.push(
        finding('size', 'reject', trade.time, trade.size, `${where} has size ${trade.size}; sizes must be finite and > 0.`),
      );
    }

    if (!Number.isFinite(trade.time)) {
      findings.push(finding('time', 'reject', trade.time, trade.time, `${where} has time ${trade.time}; times must be finite ms.`));
    } else {
      if (trade.time < previousTime) {
        findings.push(
          finding(
            'time',
            'reject',
            trade.time,
            previousTime - trade.time,
            `${where} at ${trade.time} ms comes after a trade at ${previousTime} ms; sort the tape by time.`,
          ),
        );
      }
      previousTime = Math.max(previousTime, trade.time);
    }

    const key = `${trade.symbol}\u0000${trade.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, trade);
    else if (sameTrade(first, trade)) {
      findings.push(
        finding('duplicate', 'warn', trade.time, trade.id, `${where} repeats an identical earlier print; drop the repeat before counting volume.`),
      );
    } else {
      findings.push(
        finding(
          'duplicate',
          'reject',
          trade.time,
          trade.id,
          `${where} reuses the id of a different earlier trade (at ${first.time} ms, ${first.size} @ ${first.price}); the tape is corrupt.`,
        ),
      );
    }
  }
  return findings;
}
