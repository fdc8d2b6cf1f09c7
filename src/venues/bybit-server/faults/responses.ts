// The answers a fault puts in place of the exchange's: the gateway's 5xx page, Bybit's 10000, a limiter with no tokens left.
import type { Context } from 'hono';
import type { RateDecision } from '../auth/rate-limit.js';
import { envelope } from '../http/envelope.js';
import { gatewayPage } from './gateway-page.js';
import { SERVER_TIMEOUT, type FaultEffects } from './http-faults.js';

/** The 5xx of a serverError fault: its body as given (HTML unless it reads otherwise), never the envelope. */
export function gatewayError(c: Context, effect: FaultEffects['serverError']): Response {
  const type = effect.body.trimStart().startsWith('<') ? 'text/html' : 'text/plain';
  return c.body(effect.body, effect.status, { 'Content-Type': `${type}; charset=utf-8` });
}

/** A held request let go without an answer (its client hung up, or the server is closing): nobody reads this. */
export function dropped(c: Context): Response {
  return gatewayError(c, { status: 503, body: gatewayPage(503) });
}

/** Bybit's "Server Timeout" in the envelope (HTTP 200), with whatever limit headers the request earned. */
export function serverTimeout(c: Context, time: number, headers: Readonly<Record<string, string>> = {}): Response {
  return c.json(envelope(SERVER_TIMEOUT.code, SERVER_TIMEOUT.message, {}, time), 200, { ...headers });
}

/** The real limiter's headers for this request, told as an empty bucket that refills `resetMs` after `serverTime`. */
export function exhaustedHeaders(decision: RateDecision, serverTime: number, resetMs: number): Record<string, string> {
  return { ...decision.headers, 'X-Bapi-Limit-Status': '0', 'X-Bapi-Limit-Reset-Timestamp': String(serverTime + resetMs) };
}
