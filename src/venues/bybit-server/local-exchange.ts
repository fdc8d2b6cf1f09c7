// startLocalExchange: a Bybit V5-compatible REST server on 127.0.0.1, backed by the SimVenue and a replay of real history.
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

export interface LocalExchange {
  /** Base URL of the REST API, e.g. http://127.0.0.1:49321 (paths /v5/...). */
  readonly url: string;
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
  /** Stops the replay and the server; resolves once the port is free. */
  close(): Promise<void>;
}

export async function startLocalExchange(options: LocalExchangeOptions): Promise<LocalExchange> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InputError(`port must be 0 (any free port) to 65535, got ${describeValue(port)}`);
  const exchange = new Exchange(options);
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, options.rateLimitClock ?? systemClock);
  const timer = new ReplayTimer(exchange.replay, exchange.clock, options.wallClock ?? { now: monotonicNow });
  const app = createApp(exchange, ROUTES, limiter);
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  });
  const bound = (server.address() as AddressInfo).port;
  if (options.speed !== undefined) timer.play(options.speed);
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    clock: exchange.clock,
    venue: exchange.venue,
    advance: (candles = 1) => exchange.replay.advance(candles),
    advanceTo: (time) => exchange.replay.advanceTo(time),
    play: (speed) => timer.play(speed),
    pause: () => timer.pause(),
    get finished() {
      return exchange.replay.finished;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        timer.pause();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
