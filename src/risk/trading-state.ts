// ACTIVE / REDUCING / HALTED as the worst active restriction makes it, with its reason, and an event on every change.
import type { ProtectionRule, TradingState } from './decision.js';
import type { RiskEventHub } from './events.js';

export type { TradingState } from './decision.js';

/**
 * What one protection currently asks for: `reduce` shrinks or filters new entries, `block` stops
 * them, `halt` stops them after everything was closed.
 */
export interface Restriction {
  readonly rule: ProtectionRule;
  readonly effect: 'reduce' | 'block' | 'halt';
  readonly reason: string;
  /** When it lifts by itself. */
  readonly until?: number;
  /** Multiplies the size of new entries (reduce). */
  readonly sizeFactor?: number;
  /** New entries need a signal at least this strong (reduce). */
  readonly minStrength?: number;
}

export interface TradingStatus {
  readonly state: TradingState;
  readonly reason: string;
  /** The restriction that sets the state (the first of the most severe), if any. */
  readonly cause?: Restriction;
  /** The restriction that stops new entries, if any (the same as `cause` when one does). */
  readonly blockedBy?: Restriction;
  readonly sizeFactor: number;
  readonly minStrength: number;
}

const SEVERITY = { reduce: 1, block: 2, halt: 3 } as const;
const STATE_OF = { reduce: 'REDUCING', block: 'REDUCING', halt: 'HALTED' } as const;

export const ACTIVE_STATUS: TradingStatus = { state: 'ACTIVE', reason: 'no protection active', sizeFactor: 1, minStrength: 0 };

export function statusOf(restrictions: readonly Restriction[]): TradingStatus {
  let cause: Restriction | undefined;
  for (const r of restrictions) if (cause === undefined || SEVERITY[r.effect] > SEVERITY[cause.effect]) cause = r;
  if (cause === undefined) return ACTIVE_STATUS;
  return {
    state: STATE_OF[cause.effect],
    reason: cause.reason,
    cause,
    blockedBy: cause.effect === 'reduce' ? undefined : cause,
    sizeFactor: Math.min(1, ...restrictions.map((r) => r.sizeFactor ?? 1)),
    minStrength: Math.max(0, ...restrictions.map((r) => r.minStrength ?? 0)),
  };
}

/** Holds the current status and emits tradingStateChanged whenever the state or its reason changes. */
export class TradingStateTracker {
  private current: TradingStatus = ACTIVE_STATUS;

  constructor(private readonly events: RiskEventHub) {}

  get status(): TradingStatus {
    return this.current;
  }

  update(restrictions: readonly Restriction[], time: number): TradingStatus {
    const next = statusOf(restrictions);
    const previous = this.current;
    this.current = next;
    if (next.state !== previous.state || next.reason !== previous.reason) {
      const { cause } = next;
      this.events.emit({
        type: 'tradingStateChanged',
        from: previous.state,
        to: next.state,
        reason: next.reason,
        ...(cause && { rule: cause.rule }),
        ...(cause?.until !== undefined && { until: cause.until }),
        time,
      });
    }
    return next;
  }
}
