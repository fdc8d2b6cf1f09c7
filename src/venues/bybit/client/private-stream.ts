// The private WebSocket (order, execution, position, wallet) over the bybit-api SDK: authenticated with the sealed credentials, frames parsed into domain events, connection changes reported.
import { WebsocketClient } from 'bybit-api';
import { parseFrame } from '../parse/frame.js';
import type { StreamEvent } from '../parse/events.js';
import type { ApiCredentials } from '../sign.js';

export const PRIVATE_TOPICS = ['order', 'execution', 'position', 'wallet'] as const;

export type StreamStatus =
  | { readonly type: 'connected' }
  /** The connection came back after a drop: state must be reconciled (fills may have been missed). */
  | { readonly type: 'reconnected' }
  | { readonly type: 'disconnected'; readonly reason: string }
  | { readonly type: 'malformed'; readonly message: string };

export interface PrivateStreamOptions {
  readonly url: string;
  readonly credentials: ApiCredentials;
  /** Heartbeat, ms (Bybit recommends 20 s). */
  readonly pingIntervalMs?: number;
  /** No pong within this → the connection is dead and is replaced. */
  readonly pongTimeoutMs?: number;
  /** Wait before reconnecting, ms. */
  readonly reconnectMs?: number;
}

/** The SDK logs through this; we surface what matters as status events instead. */
const SILENT_LOGGER = { trace: () => undefined, info: () => undefined, error: () => undefined };

export class PrivateStream {
  private readonly client: WebsocketClient;
  private readonly eventHandlers: ((event: StreamEvent) => void)[] = [];
  private readonly statusHandlers: ((status: StreamStatus) => void)[] = [];

  constructor(options: PrivateStreamOptions) {
    const credentials = options.credentials;
    this.client = new WebsocketClient(
      {
        wsUrl: options.url,
        key: credentials.apiKey,
        // The SDK never holds the secret: a placeholder, and signing through the sealed credentials.
        secret: 'sealed',
        customSignMessageFn: async (message: string) => credentials.sign(message),
        pingInterval: options.pingIntervalMs ?? 20_000,
        pongTimeout: options.pongTimeoutMs ?? 5_000,
        reconnectTimeout: options.reconnectMs ?? 500,
        promiseSubscribeRequests: true,
      },
      SILENT_LOGGER,
    );
    this.client.on('update', (message: unknown) => this.onMessage(message));
    this.client.on('reconnected', () => this.emitStatus({ type: 'reconnected' }));
    this.client.on('close', () => this.emitStatus({ type: 'disconnected', reason: 'socket closed' }));
    this.client.on('reconnect', () => this.emitStatus({ type: 'disconnected', reason: 'reconnecting' }));
    this.client.on('exception', (error: unknown) => this.emitStatus({ type: 'disconnected', reason: describeSdkError(error) }));
  }

  onEvent(handler: (event: StreamEvent) => void): void {
    this.eventHandlers.push(handler);
  }

  onStatus(handler: (status: StreamStatus) => void): void {
    this.statusHandlers.push(handler);
  }

  /** Connects, authenticates and subscribes; resolves once Bybit confirmed the subscription. */
  async connect(): Promise<void> {
    await Promise.all(this.client.subscribeV5([...PRIVATE_TOPICS], 'linear', true));
    this.emitStatus({ type: 'connected' });
  }

  close(): void {
    this.client.closeAll(true);
  }

  private onMessage(message: unknown): void {
    let events: StreamEvent[];
    try {
      events = parseFrame(message);
    } catch (error) {
      this.emitStatus({ type: 'malformed', message: (error as Error).message });
      return;
    }
    for (const event of events) for (const handler of this.eventHandlers) handler(event);
  }

  private emitStatus(status: StreamStatus): void {
    for (const handler of this.statusHandlers) handler(status);
  }
}

/** The SDK's exception events carry request options; only a message is kept. */
function describeSdkError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : 'connection error';
}
