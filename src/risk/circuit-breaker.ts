// Stops calling something that keeps failing: after N errors in a row it opens for a cooldown, then allows one more try.
export type BreakerState = 'closed' | 'open' | 'halfOpen';

export class CircuitBreaker {
  private consecutive = 0;
  private openUntil: number | undefined;

  constructor(
    private readonly maxErrors: number,
    private readonly cooldownMs: number,
  ) {}

  state(time: number): BreakerState {
    if (this.openUntil === undefined) return 'closed';
    return time < this.openUntil ? 'open' : 'halfOpen';
  }

  allows(time: number): boolean {
    return this.state(time) !== 'open';
  }

  /** When it opens: the time it will allow a try again. */
  get reopensAt(): number | undefined {
    return this.openUntil;
  }

  /** Returns true when this error opens the breaker; an error on the trial after a cooldown opens it at once. */
  recordError(time: number): boolean {
    if (this.state(time) === 'open') return false;
    this.consecutive += 1;
    if (this.state(time) === 'closed' && this.consecutive < this.maxErrors) return false;
    this.openUntil = time + this.cooldownMs;
    this.consecutive = 0;
    return true;
  }

  recordSuccess(): void {
    this.consecutive = 0;
    this.openUntil = undefined;
  }
}
