// The HTTP face of the exchange (Hono): every route wrapped in Bybit's envelope, auth, permissions and rate limits, and no request able to crash it.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { InputError } from '../../../core/errors.js';
import { authenticate } from '../auth/authenticate.js';
import type { ApiKey } from '../auth/api-keys.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import type { Exchange } from '../exchange.js';
import { BybitError, envelope, paramsError, RET } from './envelope.js';
import { Params } from './params.js';
import type { Access, Route } from './route.js';

type Env = { Bindings: Partial<HttpBindings> };

/** The largest request body accepted; Bybit's bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

export function createApp(exchange: Exchange, routes: readonly Route[], limiter: RateLimiter): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json(envelope(RET.params, `params error: the body is larger than ${MAX_BODY_BYTES} bytes`, {}, exchange.now), 413) }));
  for (const route of routes) app.on(route.method, route.path, (c) => answer(c, route, exchange, limiter));
  app.notFound((c) => c.json(envelope(RET.routeNotFound, `Route not found: ${c.req.method} ${c.req.path}`, {}, exchange.now), 404));
  app.onError((_error, c) => c.json(envelope(RET.serverError, 'Server error.', {}, exchange.now), 500));
  return app;
}

/** Auth, permission and rate limit for private routes, then the handler; every outcome in the envelope. */
async function answer(c: Context<Env>, route: Route, exchange: Exchange, limiter: RateLimiter): Promise<Response> {
  const headers: Record<string, string> = {};
  try {
    const payload = route.method === 'GET' ? rawQuery(c) : await c.req.text();
    let key: ApiKey | undefined;
    if (route.access.kind !== 'public') {
      key = authenticate(exchange.keys, { header: (name) => c.req.header(name), payload }, exchange.now);
      checkPermission(key, route.access);
      const decision = limiter.take(key.key, route.path, exchange.now);
      Object.assign(headers, decision.headers);
      if (!decision.allowed) throw new BybitError(RET.tooManyVisits, 'Too many visits. Exceeded the API Rate Limit.');
    }
    const params = route.method === 'GET' ? Params.fromQuery(payload) : new Params(parseBody(payload));
    const result = route.handle({ params, exchange, key });
    return c.json(envelope(RET.ok, route.okMessage ?? 'OK', result, exchange.now), 200, headers);
  } catch (thrown) {
    // A value the domain refuses (a price beyond any grid, a leverage out of range) is the caller's parameter error.
    const error = thrown instanceof InputError ? paramsError(thrown.message) : thrown;
    if (!(error instanceof BybitError)) throw error;
    return c.json(envelope(error.code, error.message, error.result, exchange.now), error.httpStatus, headers);
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
