// Remembers which signals were acted on, so a repeated signal is not entered twice; old ones are forgotten.
import type { Signal } from '../domain/signal.js';

/** A signal is remembered this long after its candle time; far longer than any signal stays fresh. */
const MEMORY_MS = 86_400_000;

export class ProcessedSignals {
  private readonly seen = new Map<string, number>();

  has(signal: Signal): boolean {
    return this.seen.has(keyOf(signal));
  }

  add(signal: Signal, time: number): void {
    this.seen.set(keyOf(signal), signal.time);
    for (const [key, signalTime] of this.seen) if (time - signalTime > MEMORY_MS) this.seen.delete(key);
  }
}

function keyOf(signal: Signal): string {
  return `${signal.strategy}|${signal.symbol}|${signal.side}|${signal.time}`;
}
