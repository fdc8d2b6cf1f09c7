// startLocalExchange: a Bybit V5-compatible REST and WebSocket server on 127.0.0.1, backed by the SimVenue and a replay of real history.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { monotonicNow, systemClock, type Clock } from '../../core/clock.js';
import { describeValue, InputError } from '../../core/errors.js';
import type { SimVenue } from '../sim/sim-venue.js';
import { DEFAULT_RATE_LIMITS, RateLimiter } from './auth/rate-limit.js';
import { Exchange } from './exchange.js';
import { createApp } from './http/app.js';
import type { LocalExchangeOptions } from './options.js';
import { ReplayTimer, type ReplaySpeed } from './replay/timer.js';
import { ROUTES } from './routes.js';
import type { HttpFaults } from './faults/http-faults.js';
import type { StreamFaults } from './ws/faults.js';
import type { PublicTopic } from './ws/topics.js';
import { attachStreams, idleTimeout, PRIVATE_PATH, PUBLIC_PATH } from './ws/stream-server.js';

export interface LocalExchange {
  /** Base URL of the REST API, e.g. http://127.0.0.1:49321 (paths /v5/...). */
  readonly url: string;
  /** The public linear stream, ws://127.0.0.1:PORT/v5/public/linear. */
  readonly wsPublicUrl: string;
  /** The private stream, ws://127.0.0.1:PORT/v5/private. */
  readonly wsPrivateUrl: string;
  readonly port: number;
  /** The replay clock: Bybit's server time on every endpoint. */
  readonly clock: Clock;
  /** The simulated venue behind the endpoints (read its state in tests; trade through the REST API). */
  readonly venue: SimVenue;
  /** Closes the next `candles` candles (default 1); returns how many there were (fewer at the end of the data). */
  advance(candles?: number): number;
  /** Closes every candle that ends by `time` and moves the clock to `time`. */
  advanceTo(time: number): void;
  /** Plays the replay by itself (1 = real time, 'max' = as fast as possible) until pause(). */
  play(speed: ReplaySpeed): void;
  pause(): void;
  /** True once every candle of the history has been replayed. */
  readonly finished: boolean;
  /** True while some stream client is subscribed to a public topic of `kind` on `symbol` (a test starts its replay once the bot listens). */
  listens(kind: PublicTopic['kind'], symbol: string): boolean;
  /** Switches that break the streams on purpose; settable at any time. */
  readonly streamFaults: StreamFaults;
  /** Switches that break the REST API on purpose (5xx, timeouts, 10006, refused stops, partial fills, clock skew). */
  readonly httpFaults: HttpFaults;
  /** Stops the replay, hangs up on every stream and stops the server; resolves once the port is free. */
  close(): Promise<void>;
}

export async function startLocalExchange(options: LocalExchangeOptions): Promise<LocalExchange> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InputError(`port must be 0 (any free port) to 65535, got ${describeValue(port)}`);
  const idleTimeoutMs = idleTimeout(options.streamIdleTimeoutMs);
  const exchange = new Exchange(options);
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, options.rateLimitClock ?? systemClock);
  const timer = new ReplayTimer(exchange.replay, exchange.clock, options.wallClock ?? { now: monotonicNow });
  const app = createApp(exchange, ROUTES, limiter, () => timer.rate);
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  });
  const bound = (server.address() as AddressInfo).port;
  const streams = attachStreams(server, exchange, idleTimeoutMs);
  if (options.speed !== undefined) timer.play(options.speed);
  return {
    url: `http://127.0.0.1:${bound}`,
    wsPublicUrl: `ws://127.0.0.1:${bound}${PUBLIC_PATH}`,
    wsPrivateUrl: `ws://127.0.0.1:${bound}${PRIVATE_PATH}`,
    port: bound,
    clock: exchange.clock,
    venue: exchange.venue,
    advance: (candles = 1) => exchange.replay.advance(candles),
    advanceTo: (time) => exchange.replay.advanceTo(time),
    play: (speed) => timer.play(speed),
    pause: () => timer.pause(),
    listens: (kind, symbol) => streams.listens(kind, symbol),
    streamFaults: streams.faults,
    httpFaults: exchange.faults,
    get finished() {
      return exchange.replay.finished;
    },
    close: async () => {
      timer.pause();
      exchange.faults.dispose();
      await streams.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
