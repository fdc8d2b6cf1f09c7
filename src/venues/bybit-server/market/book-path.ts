// Where the touch of the local exchange's book stands after each message of one replay step: along the candle's path (open, extremes, close), ending at the close.
import type { Random } from '../../../core/random.js';
import type { Candle } from '../../../domain/candle.js';
import { candlePath } from '../../sim/intrabar.js';
import type { Market } from '../replay/market.js';

/** Messages a step sends at least (a quiet candle still churns), and at most (a wild one takes bigger strides). */
export const MIN_MESSAGES = 5;
export const MAX_MESSAGES = 20;
/** The path length in ticks one message covers, about: longer paths get more messages. */
const TICKS_PER_MESSAGE = 3;

/** The book after one message: its best bid (the best ask is one tick above), the last trade price, and when it happened. */
export interface TouchStop {
  /** Best bid, ticks. */
  readonly bid: number;
  /** The last traded price the touch sits around, ticks. */
  readonly last: number;
  /** Matching-engine time of the message, ms: spread evenly over the candle, the last one at its close. */
  readonly time: number;
}

/**
 * Evenly spaced points along from → open → first extreme → other extreme → close (in ticks), the
 * last exactly the close; at each the last price sits at the bid or the ask, a coin flip (the
 * bid-ask bounce). `from` is where the previous step left the last price.
 */
export function touchStops(market: Market, candle: Candle, from: number, random: Random): TouchStop[] {
  const points = [from, ...candlePath(candle).map((price) => market.rules.price.toSteps(price, 'halfUp'))];
  let length = 0;
  for (let k = 1; k < points.length; k++) length += Math.abs(points[k]! - points[k - 1]!);
  const count = Math.min(MAX_MESSAGES, Math.max(MIN_MESSAGES, Math.ceil(length / TICKS_PER_MESSAGE) + Math.floor(random.next() * 3)));
  const stops: TouchStop[] = [];
  let segment = 0;
  let walked = 0;
  for (let j = 1; j <= count; j++) {
    const target = (length * j) / count;
    while (segment < points.length - 2 && walked + Math.abs(points[segment + 1]! - points[segment]!) < target) {
      walked += Math.abs(points[segment + 1]! - points[segment]!);
      segment++;
    }
    const a = points[segment]!;
    const b = points[segment + 1]!;
    const last = j === count ? points[points.length - 1]! : Math.round(a + Math.sign(b - a) * (target - walked));
    const bid = Math.max(1, last - (random.next() < 0.5 ? 1 : 0));
    stops.push({ bid, last, time: candle.time + Math.round((j * market.intervalMs) / count) });
  }
  return stops;
}
