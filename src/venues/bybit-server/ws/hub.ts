// Who is connected and who listens to what: the feeds ask it where a frame goes, and build nothing nobody listens to.
import type { Connection } from './connection.js';
import type { PrivateStream, PublicTopic, Topic } from './topics.js';

/** A public topic and the connections subscribed to it. */
export interface Audience {
  readonly topic: PublicTopic;
  readonly connections: Set<Connection>;
}

export class Hub {
  readonly connections = new Set<Connection>();
  /** Public topics with at least one subscriber, by name, in the order they were first asked for. */
  private readonly audiences = new Map<string, Audience>();

  add(connection: Connection): void {
    this.connections.add(connection);
  }

  remove(connection: Connection): void {
    this.connections.delete(connection);
    for (const name of [...connection.topics.keys()]) this.unsubscribe(connection, name);
  }

  subscribe(connection: Connection, topic: Topic): void {
    connection.topics.set(topic.name, topic);
    if (topic.kind === 'private') return;
    let audience = this.audiences.get(topic.name);
    if (audience === undefined) {
      audience = { topic, connections: new Set() };
      this.audiences.set(topic.name, audience);
    }
    audience.connections.add(connection);
  }

  unsubscribe(connection: Connection, name: string): void {
    connection.topics.delete(name);
    const audience = this.audiences.get(name);
    if (audience === undefined) return;
    audience.connections.delete(connection);
    if (audience.connections.size === 0) this.audiences.delete(name);
  }

  /** True when anyone listens to any public topic. */
  get anyPublic(): boolean {
    return this.audiences.size > 0;
  }

  /** Public topics someone listens to. */
  publicAudiences(): IterableIterator<Audience> {
    return this.audiences.values();
  }

  /** The subscribers of the public topic `name`, if it has any. */
  audience(name: string): Audience | undefined {
    return this.audiences.get(name);
  }

  /** True when some connection listens to a public topic of `kind` on `symbol`. */
  listens(kind: PublicTopic['kind'], symbol: string, where: (topic: PublicTopic) => boolean = () => true): boolean {
    for (const { topic } of this.audiences.values()) if (topic.kind === kind && topic.symbol === symbol && where(topic)) return true;
    return false;
  }

  /** The connections subscribed to a private stream, each with the topic name it used (`order` or `order.linear`). */
  privateAudience(stream: PrivateStream): [Connection, string][] {
    const found: [Connection, string][] = [];
    for (const connection of this.connections) {
      if (connection.kind !== 'private') continue;
      for (const topic of connection.topics.values()) if (topic.kind === 'private' && topic.stream === stream) found.push([connection, topic.name]);
    }
    return found;
  }

  /** True when anyone listens to any private stream. */
  anyPrivate(): boolean {
    for (const connection of this.connections) if (connection.kind === 'private' && connection.topics.size > 0) return true;
    return false;
  }
}
