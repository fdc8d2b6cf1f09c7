// A tiny stand-in for Bybit's public linear stream on 127.0.0.1: answers subscribe, unsubscribe and ping in the reference's shapes (§9), and lets a test push frames and drop sockets.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request a client sent, in arrival order. */
export interface Received {
  /** Which connection (1 = the first accepted). */
  readonly connection: number;
  readonly op: string;
  readonly args: readonly string[];
  readonly reqId: string | undefined;
}

interface Client {
  readonly id: number;
  readonly connId: string;
  readonly topics: Set<string>;
}

// Topics the real linear stream knows (§10); anything else is answered like Bybit answers an unknown topic.
const KNOWN_TOPIC = /^(orderbook\.(1|50|200|1000)|publicTrade|kline\.(1|3|5|15|30|60|120|240|360|720|D|W|M)|tickers|allLiquidation)\.[A-Z0-9-]+$/;

export class FakeStream {
  /** Frames to send right after a subscribe is answered, as Bybit sends a book snapshot. */
  onSubscribe: (topic: string, connection: number) => readonly unknown[] = () => [];
  /** False: ignore pings, so the client's pong timeout fires. */
  answerPings = true;
  /** Topics answered as unknown even though their shape is right (a delisted symbol). */
  readonly unknownTopics = new Set<string>();
  readonly received: Received[] = [];
  private readonly clients = new Map<WebSocket, Client>();
  private accepted = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1 at a free port. */
  static async start(): Promise<FakeStream> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v5/public/linear' });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    return new FakeStream(server, `ws://127.0.0.1:${port}/v5/public/linear`);
  }

  /** Connections accepted so far. */
  get connections(): number {
    return this.accepted;
  }

  /** Connections open now. */
  get openConnections(): number {
    return this.clients.size;
  }

  /** The topics the newest open connection is subscribed to. */
  topics(): string[] {
    const newest = [...this.clients.values()].at(-1);
    return newest === undefined ? [] : [...newest.topics].sort();
  }

  /** The requests with this op (of one connection, when given). */
  requests(op: string, connection?: number): Received[] {
    return this.received.filter((r) => r.op === op && (connection === undefined || r.connection === connection));
  }

  /** Sends a frame to every connection subscribed to its topic (to all when it has none); returns how many got it. */
  push(frame: unknown): number {
    const topic = typeof frame === 'object' && frame !== null ? (frame as { topic?: unknown }).topic : undefined;
    let sent = 0;
    for (const [socket, client] of this.clients) {
      if (typeof topic === 'string' && !client.topics.has(topic)) continue;
      socket.send(JSON.stringify(frame));
      sent += 1;
    }
    return sent;
  }

  /** Sends text as it is to every connection (for frames that are not JSON). */
  pushRaw(text: string): void {
    for (const socket of this.clients.keys()) socket.send(text);
  }

  /** Kills every connection without a close frame, as a network failure would. */
  dropAll(): void {
    for (const socket of this.clients.keys()) socket.terminate();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private accept(socket: WebSocket): void {
    this.accepted += 1;
    const client: Client = { id: this.accepted, connId: `fake-conn-${this.accepted}`, topics: new Set() };
    this.clients.set(socket, client);
    socket.on('close', () => this.clients.delete(socket));
    socket.on('message', (data) => this.answer(socket, client, String(data)));
  }

  private answer(socket: WebSocket, client: Client, text: string): void {
    let request: { op?: unknown; args?: unknown; req_id?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      return;
    }
    const op = typeof request.op === 'string' ? request.op : '';
    const args = Array.isArray(request.args) ? request.args.map(String) : [];
    const reqId = typeof request.req_id === 'string' ? request.req_id : undefined;
    this.received.push({ connection: client.id, op, args, reqId });
    const reply = (fields: Record<string, unknown>) => socket.send(JSON.stringify({ ...fields, conn_id: client.connId, req_id: reqId ?? '', op }));
    switch (op) {
      case 'ping':
        // The linear pong: op "ping" answered with ret_msg "pong" (§9.2).
        if (this.answerPings) reply({ success: true, ret_msg: 'pong' });
        return;
      case 'subscribe': {
        const unknown = args.find((topic) => !KNOWN_TOPIC.test(topic) || this.unknownTopics.has(topic));
        // One answer covers the whole request; one bad topic fails it all (§9.4).
        if (unknown !== undefined) return reply({ success: false, ret_msg: `error:handler not found,topic:${unknown}` });
        for (const topic of args) client.topics.add(topic);
        reply({ success: true, ret_msg: '' });
        for (const topic of args) for (const frame of this.onSubscribe(topic, client.id)) socket.send(JSON.stringify(frame));
        return;
      }
      case 'unsubscribe':
        for (const topic of args) client.topics.delete(topic);
        return reply({ success: true, ret_msg: '' });
    }
  }
}
