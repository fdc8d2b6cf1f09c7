// Reconnect delays that grow exponentially and are spread by full jitter, so many clients dropped at once do not return at once.
import { describeValue, InputError } from '../../../core/errors.js';
import type { Random } from '../../../core/random.js';

export interface BackoffOptions {
  /** Ceiling of the first delay, ms. */
  readonly baseMs?: number;
  readonly factor?: number;
  /** No ceiling grows past this, ms. */
  readonly capMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { baseMs: 500, factor: 2, capMs: 30_000 };

/**
 * Attempt n (from 0) waits a uniformly random time in [0, min(cap, base·factorⁿ)) — "full jitter"
 * (AWS Architecture Blog, "Exponential Backoff And Jitter"). reset() after a connection proves itself.
 */
export class Backoff {
  private readonly baseMs: number;
  private readonly factor: number;
  private readonly capMs: number;
  private attempt = 0;

  constructor(
    private readonly random: Random,
    options: BackoffOptions = {},
  ) {
    const { baseMs, factor, capMs } = { ...DEFAULT_BACKOFF, ...options };
    if (!(Number.isFinite(baseMs) && baseMs > 0)) throw new InputError(`backoff baseMs must be a positive number, got ${describeValue(baseMs)}`);
    if (!(Number.isFinite(factor) && factor >= 1)) throw new InputError(`backoff factor must be a number >= 1, got ${describeValue(factor)}`);
    if (!(Number.isFinite(capMs) && capMs >= baseMs)) throw new InputError(`backoff capMs must be a number >= baseMs (${baseMs}), got ${describeValue(capMs)}`);
    this.baseMs = baseMs;
    this.factor = factor;
    this.capMs = capMs;
  }

  /** Attempts taken since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  /** The ceiling of attempt `n`: min(cap, base·factorⁿ). */
  ceiling(n: number): number {
    return Math.min(this.capMs, this.baseMs * this.factor ** n);
  }

  /** The delay before the next attempt, whole ms; counts the attempt. */
  next(): number {
    const ceiling = this.ceiling(this.attempt);
    this.attempt += 1;
    return Math.floor(this.random.next() * ceiling);
  }

  reset(): void {
    this.attempt = 0;
  }
}
