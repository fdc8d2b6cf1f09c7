// A WebSocket client for the stream tests: waits on messages with a timeout, and runs every frame through bybot's own parser as it arrives.
import { WebSocket } from 'ws';
import type { StreamEvent } from '../../../bybit/parse/events.js';
import { parseFrameText } from '../../../bybit/parse/frame.js';
import type { Key } from '../../test-support/client.js';
import { realtimeSignature } from '../auth.js';

/** A parsed message as the tests read it (fields asserted one by one). */
export type Message = Record<string, any>;

interface Waiter {
  readonly match: (message: Message) => boolean;
  readonly resolve: (message: Message) => void;
}

/** How long a test waits for a message before failing. */
export const WAIT_MS = 2000;

export class StreamClient {
  /** Every message received, in order. */
  readonly received: Message[] = [];
  /** What the client parser made of them. */
  readonly events: StreamEvent[] = [];
  /** Frames the client parser threw on or could not place ('unhandled'): must stay empty. */
  readonly problems: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly queue: Message[] = [];
  private readonly waiters = new Set<Waiter>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  static open(url: string): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new StreamClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message not yet taken that matches (any message when no test is given); fails after `ms`. */
  next(match: (message: Message) => boolean = () => true, ms = WAIT_MS): Promise<Message> {
    const index = this.queue.findIndex(match);
    if (index >= 0) return Promise.resolve(this.queue.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching message within ${ms} ms; waiting were ${JSON.stringify(this.queue).slice(0, 600)}`));
      }, ms);
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** The next data message of `topic`. */
  frame(topic: string, ms = WAIT_MS): Promise<Message> {
    return this.next((m) => m.topic === topic, ms);
  }

  /** Sends `message` and waits for the answer with `op` (default: the request's own op). */
  request(message: Message, op: string = message.op): Promise<Message> {
    this.send(message);
    return this.next((m) => m.op === op && m.topic === undefined);
  }

  /** Authenticates a private connection with `key`, signing an expiry `ahead` ms past `now`. */
  auth(key: Key, now: number, ahead = 10_000): Promise<Message> {
    const expires = now + ahead;
    return this.request({ op: 'auth', args: [key.key, expires, realtimeSignature(key.secret, expires)] });
  }

  subscribe(...topics: string[]): Promise<Message> {
    return this.request({ op: 'subscribe', args: topics });
  }

  /**
   * Every message sent before a ping's answer, taken from the queue (those matching `match`): the
   * server answers in order, so once the pong is here everything sent before it is too. Not with
   * delayMs on: a delayed frame comes after the pong.
   */
  async drain(match: (message: Message) => boolean = (m) => m.topic !== undefined): Promise<Message[]> {
    const reqId = `drain-${this.received.length}`;
    this.send({ op: 'ping', req_id: reqId });
    await this.next((m) => m.req_id === reqId && (m.op === 'pong' || m.ret_msg === 'pong'));
    const found = this.queue.filter(match);
    for (const message of found) this.queue.splice(this.queue.indexOf(message), 1);
    return found;
  }

  close(): void {
    this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as Message;
    this.received.push(message);
    try {
      const events = parseFrameText(text);
      this.events.push(...events);
      for (const event of events) if (event.type === 'unhandled') this.problems.push(`${event.topic}: ${event.reason}`);
    } catch (error) {
      this.problems.push(`${message.topic ?? message.op}: ${(error as Error).message}`);
    }
    for (const waiter of this.waiters) {
      if (waiter.match(message)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
        return;
      }
    }
    this.queue.push(message);
  }
}
