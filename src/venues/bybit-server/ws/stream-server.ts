// The WebSocket side of the local exchange: /v5/public/linear and /v5/private on the REST server's port, the feeds behind them and their fault switches.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { describeValue, InputError } from '../../../core/errors.js';
import type { Exchange } from '../exchange.js';
import { IdSource, randomFor } from '../synthetic.js';
import { Connection } from './connection.js';
import { handleMessage, type ControlContext } from './control.js';
import { FaultSwitches, type StreamFaults } from './faults.js';
import { Hub } from './hub.js';
import { PrivateFeed } from './private-feed.js';
import { PublicFeed } from './public-feed.js';
import type { PublicTopic, StreamKind } from './topics.js';

export const PUBLIC_PATH = '/v5/public/linear';
export const PRIVATE_PATH = '/v5/private';
/** Bybit cuts a connection after 10 minutes without traffic. */
export const DEFAULT_IDLE_TIMEOUT_MS = 600_000;

export interface StreamServer {
  readonly faults: StreamFaults;
  /** True while some connection is subscribed to a public topic of `kind` on `symbol`. */
  listens(kind: PublicTopic['kind'], symbol: string): boolean;
  /** Hangs up on every client and stops the feeds. */
  close(): Promise<void>;
}

/** A message as text, whatever frame it came in. */
function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

/** Refuses an upgrade on a path the exchange does not serve: 404, then the socket is gone. */
function refuse(socket: Duplex): void {
  socket.once('finish', () => socket.destroy());
  socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

/** The idle timeout of the options, checked before anything starts. */
export function idleTimeout(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_IDLE_TIMEOUT_MS;
  if (!Number.isFinite(ms) || ms <= 0) throw new InputError(`streamIdleTimeoutMs must be a positive number of ms, got ${describeValue(ms)}`);
  return ms;
}

/** Serves the streams on `server`'s upgrades; a connection silent for `idleTimeoutMs` is closed. */
export function attachStreams(server: Server, exchange: Exchange, idleTimeoutMs: number): StreamServer {
  const wss = new WebSocketServer({ noServer: true });
  const hub = new Hub();
  const terminateAll = (): void => {
    for (const connection of [...hub.connections]) connection.terminate();
  };
  const faults = new FaultSwitches(randomFor(exchange.seed, 'stream-faults'), new Set(exchange.markets.keys()), terminateAll);
  const publicFeed = new PublicFeed(exchange, hub, faults);
  const privateFeed = new PrivateFeed(exchange, hub);
  const connIds = new IdSource(exchange.seed, 'stream-connection');
  const context: ControlContext = {
    keys: exchange.keys,
    markets: exchange.markets,
    hub,
    now: () => exchange.now,
    subscribed: (connection, topic) => publicFeed.subscribed(connection, topic),
  };

  const accept = (socket: WebSocket, kind: StreamKind): void => {
    const connection = new Connection(socket, kind, connIds.next(), faults, idleTimeoutMs);
    hub.add(connection);
    socket.on('message', (data) => {
      connection.touch();
      try {
        handleMessage(connection, textOf(data), context);
      } catch (error) {
        // A fault of the exchange's own must not take the server down: the client hears of it.
        connection.reply('unknown', false, `error:the local exchange failed on this request: ${(error as Error).message}`, undefined);
      }
    });
    socket.on('ping', () => connection.touch());
    socket.on('close', () => {
      connection.stop();
      hub.remove(connection);
    });
    // A client that vanishes mid-frame: the close event follows and cleans up.
    socket.on('error', () => undefined);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const kind: StreamKind | undefined = path === PUBLIC_PATH ? 'public' : path === PRIVATE_PATH ? 'private' : undefined;
    if (kind === undefined) return refuse(socket);
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, kind));
  };
  server.on('upgrade', onUpgrade);

  return {
    faults,
    listens: (kind, symbol) => hub.listens(kind, symbol),
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        publicFeed.stop();
        privateFeed.stop();
        terminateAll();
        wss.close(() => resolve());
      }),
  };
}
