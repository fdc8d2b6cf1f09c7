// How long a fault stays armed and which requests it hits: a count or "until cleared", an endpoint, a seeded chance.
import { describeValue, InputError } from '../../../core/errors.js';
import type { Random } from '../../../core/random.js';

/** How a test arms a fault. Every field is optional; bad values throw InputError naming the field. */
export interface Arming {
  /** How many requests the fault hits: a positive count (default 1) or 'untilCleared'. */
  readonly times?: number | 'untilCleared';
  /** Only requests to this endpoint path, e.g. '/v5/order/create' (default: any endpoint the fault applies to). */
  readonly path?: string;
  /**
   * The chance (0 < p <= 1, default 1) that a matching request is hit; drawn from a stream seeded by the
   * exchange seed, so the same requests are hit in every run. `times` counts hits, not matching requests.
   */
  readonly probability?: number;
}

/** What a test holds after arming a fault: its count so far, and a way to take it back alone. */
export interface ArmedFault {
  readonly kind: string;
  /** Requests it has hit so far. */
  readonly hits: number;
  /** Hits left before it disarms itself, or 'untilCleared'. */
  readonly remaining: number | 'untilCleared';
  /** False once its count is used up, or it was disarmed or cleared. */
  readonly active: boolean;
  disarm(): void;
}

/** An armed fault of `kind` carrying `options` (the status, the delay, the retCode...) to the request it hits. */
export class Armed<T> implements ArmedFault {
  hits = 0;
  private left: number | 'untilCleared';
  private disarmed = false;

  constructor(
    readonly kind: string,
    readonly options: T,
    private readonly arming: { times: number | 'untilCleared'; path: string | undefined; probability: number },
    private readonly random: Random,
  ) {
    this.left = arming.times;
  }

  get remaining(): number | 'untilCleared' {
    return this.disarmed ? 0 : this.left;
  }

  get active(): boolean {
    return !this.disarmed && this.left !== 0;
  }

  disarm(): void {
    this.disarmed = true;
  }

  /** True when it hits this request to `path` (and counts the hit). */
  tryHit(path: string): boolean {
    if (!this.active) return false;
    if (this.arming.path !== undefined && this.arming.path !== path) return false;
    // A draw only when there is a chance to take: a certain fault leaves its stream untouched.
    if (this.arming.probability < 1 && this.random.next() >= this.arming.probability) return false;
    this.hits += 1;
    if (this.left !== 'untilCleared') this.left -= 1;
    return true;
  }
}

/** The largest count a fault takes: beyond that, 'untilCleared' says what is meant. */
const MAX_TIMES = 1_000_000;

/**
 * `arming` checked and with its defaults. `paths` are the endpoints a path may name (any path starting
 * with '/' when the server has not said which it serves); `kind` names the fault in error messages.
 */
export function checkArming(kind: string, arming: Arming | undefined, paths: readonly string[] | undefined) {
  const { times = 1, path, probability = 1 } = arming ?? {};
  if (times !== 'untilCleared' && !(Number.isSafeInteger(times) && times >= 1 && times <= MAX_TIMES)) {
    throw new InputError(`${kind}: times must be a whole number from 1 to ${MAX_TIMES} or 'untilCleared', got ${describeValue(times)}`);
  }
  if (path !== undefined) {
    if (typeof path !== 'string' || !path.startsWith('/')) throw new InputError(`${kind}: path must be an endpoint path such as "/v5/order/create", got ${describeValue(path)}`);
    if (paths !== undefined && !paths.includes(path)) throw new InputError(`${kind}: path ${describeValue(path)} is not served by the local exchange (it serves ${paths.join(', ')})`);
  }
  if (typeof probability !== 'number' || !(probability > 0 && probability <= 1)) {
    throw new InputError(`${kind}: probability must be a number with 0 < p <= 1, got ${describeValue(probability)}`);
  }
  return { times, path, probability };
}

/** A whole number of milliseconds from `min` to `max`, or InputError naming `field`. */
export function checkMs(kind: string, field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(`${kind}: ${field} must be a whole number of milliseconds from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}
