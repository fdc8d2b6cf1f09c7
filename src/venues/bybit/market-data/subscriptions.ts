// The topics the caller wants, by symbol: what to resubscribe after a resync and what unsubscribe(symbol) means.

export class Subscriptions {
  private readonly bySymbol = new Map<string, Set<string>>();

  /** Adds topics of a symbol; returns those that were not held yet. */
  add(symbol: string, topics: readonly string[]): string[] {
    let held = this.bySymbol.get(symbol);
    if (held === undefined) this.bySymbol.set(symbol, (held = new Set()));
    const added = topics.filter((topic) => !held.has(topic));
    for (const topic of added) held.add(topic);
    return added;
  }

  /** Removes the given topics of a symbol (all of them when absent); returns those that were held. */
  remove(symbol: string, topics?: readonly string[]): string[] {
    const held = this.bySymbol.get(symbol);
    if (held === undefined) return [];
    const removed = topics === undefined ? [...held] : topics.filter((topic) => held.has(topic));
    for (const topic of removed) held.delete(topic);
    if (held.size === 0) this.bySymbol.delete(symbol);
    return removed;
  }

  has(topic: string): boolean {
    // Every public topic ends in ".{symbol}", and symbols hold no dots.
    const symbol = topic.slice(topic.lastIndexOf('.') + 1);
    return this.bySymbol.get(symbol)?.has(topic) ?? false;
  }

  /** True when no topic is held (symbols with none are removed). */
  get empty(): boolean {
    return this.bySymbol.size === 0;
  }

  /** Every topic held, symbol by symbol. */
  all(): string[] {
    return [...this.bySymbol.values()].flatMap((held) => [...held]);
  }
}
