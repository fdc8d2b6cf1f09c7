// What a client sends on a stream (§9): ping, subscribe, unsubscribe and, on the private path, auth, each answered in the shape Bybit uses there.
import { describeValue } from '../../../core/errors.js';
import type { ApiKey } from '../auth/api-keys.js';
import type { Market } from '../replay/market.js';
import { authenticateStream } from './auth.js';
import type { Connection } from './connection.js';
import type { Hub } from './hub.js';
import { readTopic, topicError, type PublicTopic, type Topic } from './topics.js';

export interface ControlContext {
  readonly keys: ReadonlyMap<string, ApiKey>;
  readonly markets: ReadonlyMap<string, Market>;
  readonly hub: Hub;
  /** Server time: the replay clock. */
  now(): number;
  /** Sends what a new subscriber of `topic` gets at once (book and ticker snapshots). */
  subscribed(connection: Connection, topic: PublicTopic): void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Answers one text message of `connection`; a request it cannot read is answered with success:false saying why. */
export function handleMessage(connection: Connection, text: string, context: ControlContext): void {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return connection.reply('unknown', false, `error:a request must be JSON, got ${describeValue(text.slice(0, 80))}`, undefined);
  }
  if (!isObject(message)) return connection.reply('unknown', false, `error:a request must be a JSON object with an op, got ${describeValue(message)}`, undefined);
  const { op, args } = message;
  const reqId = typeof message['req_id'] === 'string' || typeof message['req_id'] === 'number' ? String(message['req_id']) : undefined;
  switch (op) {
    case 'ping':
      return pong(connection, reqId, context.now());
    case 'subscribe':
      return subscribe(connection, args, reqId, context);
    case 'unsubscribe':
      return unsubscribe(connection, args, reqId, context.hub);
    case 'auth':
      return auth(connection, args, reqId, context);
    default: {
      const name = typeof op === 'string' && op !== '' ? op : 'unknown';
      return connection.reply(name, false, `error:op ${describeValue(op)} is not served (ping, subscribe, unsubscribe${connection.kind === 'private' ? ', auth' : ''})`, reqId);
    }
  }
}

/** Public linear: op "ping" with ret_msg "pong"; private: op "pong" with the server time in args (§9.2). */
function pong(connection: Connection, reqId: string | undefined, now: number): void {
  if (connection.kind === 'public') return connection.reply('ping', true, 'pong', reqId);
  connection.write(JSON.stringify({ req_id: reqId ?? '', op: 'pong', args: [String(now)], conn_id: connection.connId }));
}

/** All or nothing: one bad topic refuses the whole request, naming the topic. */
function subscribe(connection: Connection, args: unknown, reqId: string | undefined, context: ControlContext): void {
  const fail = (message: string): void => connection.reply('subscribe', false, message, reqId);
  if (!Array.isArray(args) || args.length === 0) return fail(`error:args must be a non-empty list of topics, got ${describeValue(args)}`);
  const topics: Topic[] = [];
  for (const name of args as unknown[]) {
    const topic = readTopic(name, connection.kind, context.markets);
    if (typeof topic === 'string') return fail(topic);
    if (topic.kind === 'private' && connection.key === undefined) return fail(topicError(topic.name, 'private topics need auth first'));
    if (connection.topics.has(topic.name) || topics.some((t) => t.name === topic.name)) return fail(topicError(topic.name, 'already subscribed'));
    topics.push(topic);
  }
  const mixed = topics.find((t) => t.kind === 'private' && topics.some((o) => o.kind === 'private' && o.stream === t.stream && o.categorised !== t.categorised));
  if (mixed) return fail(topicError(mixed.name, 'All-In-One topic and Categorised topic cannot be in the same subscription request'));
  for (const topic of topics) context.hub.subscribe(connection, topic);
  connection.reply('subscribe', true, '', reqId);
  for (const topic of topics) if (topic.kind !== 'private') context.subscribed(connection, topic);
}

function unsubscribe(connection: Connection, args: unknown, reqId: string | undefined, hub: Hub): void {
  const fail = (message: string): void => connection.reply('unsubscribe', false, message, reqId);
  if (!Array.isArray(args) || args.length === 0) return fail(`error:args must be a non-empty list of topics, got ${describeValue(args)}`);
  const names = args as unknown[];
  const missing = names.find((name) => typeof name !== 'string' || !connection.topics.has(name));
  if (missing !== undefined) return fail(typeof missing === 'string' ? topicError(missing, 'not subscribed') : `error:every topic must be a string, got ${describeValue(missing)}`);
  for (const name of names as string[]) hub.unsubscribe(connection, name);
  connection.reply('unsubscribe', true, '', reqId);
}

function auth(connection: Connection, args: unknown, reqId: string | undefined, context: ControlContext): void {
  if (connection.kind === 'public') return connection.reply('auth', false, 'error:auth is for the private path /v5/private', reqId);
  if (connection.key !== undefined) return connection.reply('auth', false, 'error:already authorized', reqId);
  const key = authenticateStream(context.keys, args, context.now());
  if (typeof key === 'string') return connection.reply('auth', false, key, reqId);
  connection.key = key;
  connection.reply('auth', true, '', reqId);
}
