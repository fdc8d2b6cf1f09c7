// Bybit's response envelope and the error a handler throws to answer with a retCode instead of a result.

/** The retCodes the local exchange answers with (Bybit's numbers, §4 of the reference). */
export const RET = {
  ok: 0,
  params: 10001,
  timestamp: 10002,
  apiKey: 10003,
  sign: 10004,
  permission: 10005,
  tooManyVisits: 10006,
  serverError: 10016,
  routeNotFound: 10017,
  orderNotFound: 110001,
  leverageNotModified: 110043,
  qtyBelowFilled: 110064,
  duplicateOrderLinkId: 110072,
  expectRising: 110092,
  expectFalling: 110093,
  tpslNotModified: 34040,
  setMarginModeFailed: 3400045,
} as const;

export interface Envelope {
  readonly retCode: number;
  readonly retMsg: string;
  readonly result: unknown;
  readonly retExtInfo: Record<string, never>;
  readonly time: number;
}

export function envelope(retCode: number, retMsg: string, result: unknown, time: number): Envelope {
  return { retCode, retMsg, result, retExtInfo: {}, time };
}

/**
 * "The exchange said no": a retCode and message, answered with HTTP 200 like Bybit's business errors
 * unless `httpStatus` says otherwise; `result` is what Bybit puts beside some errors (usually {}).
 * The message never carries a secret.
 */
export class BybitError extends Error {
  override readonly name = 'BybitError';
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus: 200 | 401 | 403 | 404 = 200,
    readonly result: unknown = {},
  ) {
    super(message);
  }
}

/** A Bybit 10001 naming what was wrong with the request. */
export function paramsError(detail: string): BybitError {
  return new BybitError(RET.params, `params error: ${detail}`);
}
