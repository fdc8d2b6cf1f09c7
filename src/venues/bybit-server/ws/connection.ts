// One WebSocket client of the local exchange: its kind and id, its subscriptions, its key once authenticated, and the idle clock that hangs up on it.
import { WebSocket } from 'ws';
import type { ApiKey } from '../auth/api-keys.js';
import type { FaultSwitches, Outlet } from './faults.js';
import type { StreamKind, Topic } from './topics.js';

export class Connection implements Outlet {
  /** Subscribed topics by name. */
  readonly topics = new Map<string, Topic>();
  /** The key that authenticated a private connection. */
  key: ApiKey | undefined;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: WebSocket,
    readonly kind: StreamKind,
    readonly connId: string,
    private readonly faults: FaultSwitches,
    /** A connection that sends nothing for this long is closed (Bybit: 10 minutes). */
    private readonly idleMs: number,
  ) {
    this.touch();
  }

  write(text: string): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
  }

  /** A data frame: through the fault switches. */
  push(topic: string, text: string): void {
    this.faults.deliver(this, topic, text);
  }

  /**
   * An answer to a request, straight to the socket. Public answers always carry req_id ("" when none
   * was given), private ones only when it was, as in Bybit's examples.
   */
  reply(op: string, success: boolean, message: string, reqId: string | undefined): void {
    const answer =
      this.kind === 'public'
        ? { success, ret_msg: message, conn_id: this.connId, req_id: reqId ?? '', op }
        : { success, ret_msg: message, op, conn_id: this.connId, ...(reqId === undefined ? {} : { req_id: reqId }) };
    this.write(JSON.stringify(answer));
  }

  /** The client said something: the idle clock starts again. */
  touch(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.socket.close(1000, `idle: no message for ${this.idleMs} ms`), this.idleMs).unref();
  }

  /** Hangs up at once, without a closing handshake. */
  terminate(): void {
    this.stop();
    this.socket.terminate();
  }

  /** The socket has closed: nothing more runs for it. */
  stop(): void {
    clearTimeout(this.idle);
    this.faults.forget(this);
  }
}
