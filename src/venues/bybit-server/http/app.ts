// The HTTP face of the exchange (Hono): every route wrapped in Bybit's envelope, auth, permissions, rate limits and armed faults, and no request able to crash it.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { InputError } from '../../../core/errors.js';
import { authenticate, type SignedRequest } from '../auth/authenticate.js';
import type { ApiKey } from '../auth/api-keys.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Exchange } from '../exchange.js';
import { dropped, exhaustedHeaders, gatewayError, serverTimeout } from '../faults/responses.js';
import { BybitError, envelope, paramsError, RET, type Envelope } from './envelope.js';
import { Params } from './params.js';
import type { Access, Route } from './route.js';

type Env = { Bindings: Partial<HttpBindings> };

/** The largest request body accepted; Bybit's bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;
const TOO_MANY_VISITS = 'Too many visits. Exceeded the API Rate Limit.';

/** `clockRate`: replay milliseconds per real one just now (the replay timer's speed), for the auth window. */
export function createApp(exchange: Exchange, routes: readonly Route[], limiter: RateLimiter, clockRate: () => number = () => 1): Hono<Env> {
  const app = new Hono<Env>();
  exchange.faults.serve(routes.map((route) => ({ path: route.path, public: route.access.kind === 'public' })));
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(envelope(RET.params, `params error: the body is larger than ${MAX_BODY_BYTES} bytes`, {}, exchange.now), 413) }));
  for (const route of routes) app.on(route.method, route.path, (c) => answer(c, route, exchange, limiter, clockRate));
  app.notFound((c) => c.json(envelope(RET.routeNotFound, `Route not found: ${c.req.method} ${c.req.path}`, {}, exchange.now), 404));
  app.onError((_error, c) => c.json(envelope(RET.serverError, 'Server error.', {}, exchange.now), 500));
  return app;
}

/**
 * One request: the faults armed for it, then auth, permission and rate limit for private routes, then
 * the handler. Every outcome is in the envelope, except a serverError fault's deliberate 5xx page.
 */
async function answer(c: Context<Env>, route: Route, exchange: Exchange, limiter: RateLimiter, clockRate: () => number): Promise<Response> {
  const faults = exchange.faults;
  const path = route.path;
  // A skewed clock is the server's for the whole request: its auth window, its answer's time.
  const skew = faults.hit('clockSkew', path)?.ms ?? 0;
  // The gateway fails, or stalls, before the exchange sees anything.
  const broken = faults.hit('serverError', path);
  if (broken) return gatewayError(c, broken);
  const stall = faults.hit('timeout', path);
  if (stall) {
    if ((await faults.hold(stall.ms, c.req.raw.signal)) === 'released') return dropped(c);
    if (stall.reply === 'serverTimeout') return serverTimeout(c, exchange.now + skew);
  }
  const request: SignedRequest = { header: (name) => c.req.header(name), payload: route.method === 'GET' ? rawQuery(c) : await c.req.text() };
  const outcome = faults.withClockOffset(skew, () => execute(route, exchange, limiter, request, clockRate()));
  // The exchange has acted; now the answer gets lost or held.
  if (outcome.executed) {
    const lost = faults.hit('serverErrorAfter', path);
    if (lost) return gatewayError(c, lost);
    const late = faults.hit('timeoutAfter', path);
    if (late) {
      if ((await faults.hold(late.ms, c.req.raw.signal)) === 'released') return dropped(c);
      if (late.reply === 'serverTimeout') return serverTimeout(c, exchange.now + skew, outcome.headers);
    }
  }
  return c.json(outcome.body, outcome.status, outcome.headers);
}

interface Outcome {
  readonly body: Envelope;
  readonly status: 200 | 401 | 403 | 404;
  readonly headers: Record<string, string>;
  /** True once the handler ran: the exchange acted on the request (whatever it answered). */
  readonly executed: boolean;
}

/** The exchange's own answer, synchronous (so a clock offset set around it belongs to this request alone). */
function execute(route: Route, exchange: Exchange, limiter: RateLimiter, request: SignedRequest, clockRate: number): Outcome {
  const headers: Record<string, string> = {};
  let executed = false;
  try {
    let key: ApiKey | undefined;
    if (route.access.kind !== 'public') {
      key = authenticate(exchange.keys, request, exchange.serverTime, clockRate);
      checkPermission(key, route.access);
      const decision = limiter.take(key.key, route.path, exchange.serverTime);
      Object.assign(headers, decision.headers);
      if (!decision.allowed) throw new BybitError(RET.tooManyVisits, TOO_MANY_VISITS);
      const limited = exchange.faults.hit('rateLimit', route.path);
      if (limited) {
        Object.assign(headers, exhaustedHeaders(decision, exchange.serverTime, limited.resetMs));
        throw new BybitError(RET.tooManyVisits, TOO_MANY_VISITS);
      }
    }
    const params = route.method === 'GET' ? Params.fromQuery(request.payload) : new Params(parseBody(request.payload));
    executed = true;
    const result = route.handle({ params, exchange, key });
    return { body: envelope(RET.ok, route.okMessage ?? 'OK', result, exchange.serverTime), status: 200, headers, executed };
  } catch (thrown) {
    // A value the domain refuses (a price beyond any grid, a leverage out of range) is the caller's parameter error.
    const error = thrown instanceof InputError ? paramsError(thrown.message) : thrown;
    if (!(error instanceof BybitError)) throw error;
    return { body: envelope(error.code, error.message, error.result, exchange.serverTime), status: error.httpStatus, headers, executed };
  }
}

/** The query string exactly as the client sent it (what it signed), from the raw request line when Node gives it. */
function rawQuery(c: Context<Env>): string {
  const url = c.env?.incoming?.url ?? c.req.url;
  const mark = url.indexOf('?');
  return mark < 0 ? '' : url.slice(mark + 1);
}

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw paramsError('the request body is not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw paramsError('the request body must be a JSON object');
  return value as Record<string, unknown>;
}

function checkPermission(key: ApiKey, access: Access): void {
  if (access.kind !== 'trade') return;
  if (key.readOnly || !key.permissions.ContractTrade.includes(access.permission)) {
    throw new BybitError(RET.permission, 'Permission denied, please check your API key permissions.');
  }
}
