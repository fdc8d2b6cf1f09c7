// Bybit's list paging (limit + opaque nextPageCursor) and its 7-day startTime/endTime windows, shared by every list endpoint.
import { describeValue } from '../../../core/errors.js';
import { paramsError } from './envelope.js';
import type { Params } from './params.js';

export interface Page<T> {
  readonly list: T[];
  /** Bybit's cursor for the next page, "" on the last one. */
  readonly nextPageCursor: string;
}

const CURSOR = /^offset(?:=|%3D)(\d+)$/;

/** One page of `items` (already in the order served) after the request's `cursor`, at most its `limit`. */
export function paginate<T>(items: readonly T[], params: Params, limits: { max: number; fallback: number }): Page<T> {
  const limit = params.integer('limit', { min: 1, max: limits.max }, limits.fallback);
  const cursor = params.optionalString('cursor');
  let offset = 0;
  if (cursor !== undefined) {
    const match = CURSOR.exec(cursor);
    if (!match) throw paramsError(`cursor ${describeValue(cursor)} is not a cursor this exchange gave out`);
    offset = Number(match[1]);
  }
  const list = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { list, nextPageCursor: next < items.length ? encodeURIComponent(`offset=${next}`) : '' };
}

/** A list endpoint's `result`: one page of `items` with its cursor, in the linear category. */
export function pagedList<T>(items: readonly T[], params: Params, limits: { max: number; fallback: number }): Page<T> & { readonly category: 'linear' } {
  return { category: 'linear', ...paginate(items, params, limits) };
}

export const WEEK_MS = 7 * 86_400_000;

/**
 * The [start, end] window of a history query, by Bybit's rule: neither → the last 7 days; start only →
 * 7 days from it; end only → 7 days up to it; both → at most 7 days apart.
 */
export function weekWindow(params: Params, now: number): { start: number; end: number } {
  const range = { min: 0, max: Number.MAX_SAFE_INTEGER };
  const start = params.optionalInteger('startTime', range);
  const end = params.optionalInteger('endTime', range);
  if (start !== undefined && end !== undefined) {
    if (end < start) throw paramsError(`endTime ${end} is before startTime ${start}`);
    if (end - start > WEEK_MS) throw paramsError(`endTime ${end} - startTime ${start} is more than 7 days`);
    return { start, end };
  }
  if (start !== undefined) return { start, end: start + WEEK_MS };
  if (end !== undefined) return { start: end - WEEK_MS, end };
  return { start: now - WEEK_MS, end: now };
}
