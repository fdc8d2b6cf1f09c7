// The one place that reads the system clock; everything else asks a Clock so replays stay deterministic.

export interface Clock {
  /** Milliseconds since the Unix epoch, UTC. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for replays and tests. */
export class ManualClock implements Clock {
  // Initialised with a number, not declared bare: a bare field starts as undefined, V8 then keeps it as a
  // generic value, and every set of a replay (one per candle) would box a new number.
  private time = Number.NaN;

  constructor(time: number) {
    this.time = time;
  }

  now(): number {
    return this.time;
  }
  set(time: number): void {
    this.time = time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** Milliseconds from an arbitrary origin that never go backwards: for measuring how long something took. */
export function monotonicNow(): number {
  return performance.now();
}
