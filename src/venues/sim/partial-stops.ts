// Partial-position take-profits and stop-losses (Bybit tpslMode Partial): each closes its own size of the position, beside the Full ones.
import type { OrderRequest, PartialStop } from '../../domain/order.js';

/** Bybit retCode 110061 "Not allowed to have more than 20 TP/SLs under Partial tpSlMode". */
export const CODE_TOO_MANY_PARTIAL_STOPS = 110061;
export const MAX_PARTIAL_STOPS = 20;

/** The one empty list every flat position shares (lists are replaced, never changed in place). */
export const NO_PARTIAL_STOPS: readonly PartialStop[] = Object.freeze([]);

/** A stop's pair: the part of its id before the ':' (stops set together share it). */
function pairOf(id: string): string {
  return id.slice(0, id.lastIndexOf(':'));
}

/** 'rise' when price must go up to reach the stop: a long's take-profit, a short's stop-loss. */
export function partialDirection(stop: PartialStop, long: boolean): 'rise' | 'fall' {
  return (stop.kind === 'takeProfit') === long ? 'rise' : 'fall';
}

/**
 * The stops after a fill of `fillQty` by an entry order with Partial TP/SL: its pair (ids
 * `<clientId>:tp` and `<clientId>:sl`) grows by the fill, created on its first one, never larger than
 * the position (`maxSize`). `roundQty` keeps a sum of lots on the lot grid.
 */
export function attachToEntry(
  list: readonly PartialStop[],
  entry: OrderRequest,
  fillQty: number,
  maxSize: number,
  roundQty: (qty: number) => number,
): readonly PartialStop[] {
  const at = list.findIndex((stop) => pairOf(stop.id) === entry.clientId);
  const covered = at < 0 ? 0 : list[at]!.size;
  const size = Math.min(maxSize, covered === 0 ? fillQty : roundQty(covered + fillQty));
  const stops = partialStopsOf(entry.clientId, {
    takeProfit: entry.takeProfit,
    stopLoss: entry.stopLoss,
    tpSize: size,
    slSize: size,
    tpLimitPrice: entry.tpLimitPrice,
    tpTriggerBy: entry.tpTriggerBy,
    slTriggerBy: entry.slTriggerBy,
  });
  // The pair keeps the place it first took, so stops stay in the order they were set in.
  const next = list.filter((stop) => pairOf(stop.id) !== entry.clientId);
  next.splice(at < 0 ? next.length : at, 0, ...stops);
  return next;
}

/** What one call sets: a take-profit and/or a stop-loss with their sizes. */
export interface PartialStopSpec {
  readonly takeProfit?: number | undefined;
  readonly stopLoss?: number | undefined;
  readonly tpSize?: number | undefined;
  readonly slSize?: number | undefined;
  readonly tpLimitPrice?: number | undefined;
  readonly tpTriggerBy?: 'last' | 'mark' | undefined;
  readonly slTriggerBy?: 'last' | 'mark' | undefined;
}

/** The stops of one spec, as the pair `pair` (ids `<pair>:tp`, `<pair>:sl`). */
export function partialStopsOf(pair: string, spec: PartialStopSpec): PartialStop[] {
  const stops: PartialStop[] = [];
  if (spec.takeProfit !== undefined && spec.tpSize !== undefined) {
    stops.push({ id: `${pair}:tp`, kind: 'takeProfit', price: spec.takeProfit, size: spec.tpSize, triggerBy: spec.tpTriggerBy ?? 'last', limitPrice: spec.tpLimitPrice });
  }
  if (spec.stopLoss !== undefined && spec.slSize !== undefined) {
    stops.push({ id: `${pair}:sl`, kind: 'stopLoss', price: spec.stopLoss, size: spec.slSize, triggerBy: spec.slTriggerBy ?? 'last', limitPrice: undefined });
  }
  return stops;
}

/** The stops once `fired` has fired: it and its partner go (Bybit cancels the other side of a pair). */
export function withoutPair(list: readonly PartialStop[], fired: PartialStop): readonly PartialStop[] {
  const pair = pairOf(fired.id);
  const next = list.filter((stop) => pairOf(stop.id) !== pair);
  return next.length === 0 ? NO_PARTIAL_STOPS : next;
}

/** Stops no larger than the position (`max`), as Bybit trims them when the position shrinks; the same list when none is. */
export function capPartialStops(list: readonly PartialStop[], max: number): readonly PartialStop[] {
  if (list.every((stop) => stop.size <= max)) return list;
  return list.map((stop) => (stop.size <= max ? stop : { ...stop, size: max }));
}
