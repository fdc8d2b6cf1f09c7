// Joins two bar series on their open time into price pairs, the input of the cross-market features.
import type { Bar } from '../../indicators/contract.js';
import type { PricePair } from './correlation.js';

/**
 * Pairs of closes at the times both series have a bar (a merge join; both inputs sorted by time).
 * A time present in only one series is skipped, so a gap in either feed never pairs unlike bars.
 */
export function alignByTime(a: readonly Bar[], b: readonly Bar[]): PricePair[] {
  const pairs: PricePair[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ta = a[i]!.time;
    const tb = b[j]!.time;
    if (ta === tb) pairs.push({ time: ta, a: a[i++]!.close, b: b[j++]!.close });
    else if (ta < tb) i++;
    else j++;
  }
  return pairs;
}
