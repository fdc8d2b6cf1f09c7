// Deterministic stand-ins for what replayed candles do not contain (ids, book sizes, trade prints): the same seed always gives the same answer.
import { seededRandom, type Random } from '../../core/random.js';

/** FNV-1a over the text of `parts`: a 32-bit seed for one question ("the book of SOLUSDT at t"). */
function hashParts(seed: number, parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A random stream for one question, reproducible from the exchange seed and the question's parts. */
export function randomFor(seed: number, ...parts: (string | number)[]): Random {
  return seededRandom(hashParts(seed, parts));
}

/** A UUID-shaped id (Bybit's orderId / execId form) that depends only on the seed and `parts`. */
export function syntheticUuid(seed: number, ...parts: (string | number)[]): string {
  const random = randomFor(seed, ...parts);
  let hex = '';
  while (hex.length < 32) hex += Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Ids in order for one kind of thing (orders, executions): the n-th is the same in every run with the same seed. */
export class IdSource {
  private count = 0;
  constructor(
    private readonly seed: number,
    private readonly kind: string,
  ) {}

  next(): string {
    this.count += 1;
    return syntheticUuid(this.seed, this.kind, this.count);
  }
}
