// The bybit-api WebsocketClient on one public-linear URL, opened up where the SDK keeps things protected: the next reconnect delay, and a stop that no pending connect outlives.
import { WebsocketClient, WS_KEY_MAP, type DefaultLogger, type WsKey } from 'bybit-api';
import type WebSocket from 'ws';

/** The SDK writes to the console by default; the feed reports through its own status events instead. */
const SILENT: DefaultLogger = { trace: () => {}, info: () => {}, error: () => {} };

/** The SDK's connection for linear public topics; the only one this socket opens. */
export const LINEAR_KEY: WsKey = WS_KEY_MAP.v5LinearPublic;

export interface StreamSocketOptions {
  readonly pingIntervalMs: number;
  readonly pongTimeoutMs: number;
  /** Delay before the first reconnect; setReconnectDelay changes it for the next one. */
  readonly reconnectDelayMs: number;
}

export class StreamSocket extends WebsocketClient {
  private stopped = false;

  constructor(private readonly url: string, options: StreamSocketOptions) {
    // wsUrl replaces the URL of every SDK connection, which is right here: only public linear is opened.
    super({ wsUrl: url, pingInterval: options.pingIntervalMs, pongTimeout: options.pongTimeoutMs, reconnectTimeout: options.reconnectDelayMs }, SILENT);
  }

  /**
   * The SDK reads `reconnectTimeout` each time a socket drops (before it emits 'reconnect'), so
   * setting it ahead of time gives every reconnect its own delay.
   */
  setReconnectDelay(ms: number): void {
    this.options.reconnectTimeout = ms;
  }

  /**
   * Every SDK connect (the first, each reconnect) comes through here. With the URL given the SDK
   * creates the socket synchronously, without awaiting its URL lookup, so a stop() right after a
   * subscribe still finds the socket to close; after stop() nothing connects again.
   */
  override connect(wsKey: WsKey, customUrl?: string, throwOnError?: boolean): ReturnType<WebsocketClient['connect']> {
    if (this.stopped) return Promise.resolve(undefined);
    return super.connect(wsKey, customUrl ?? this.url, throwOnError);
  }

  /** The socket of the linear connection, if one exists (open, opening or closing). */
  socket(): WebSocket | undefined {
    return this.getWsStore().getWs(LINEAR_KEY) as WebSocket | undefined;
  }

  /** Closes the connection and its ping, pong and reconnect timers for good. */
  stop(): void {
    this.stopped = true;
    // force: terminate rather than wait for the server's close frame.
    this.closeAll(true);
  }
}
