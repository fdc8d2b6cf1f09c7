// Stops new entries for the rest of the UTC day once equity has fallen the configured share since the day began.
import type { RiskConfig } from './risk-config.js';
import type { Restriction } from './trading-state.js';

export const DAY_MS = 86_400_000;

export function nextUtcMidnight(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS + DAY_MS;
}

export class DailyLossGuard {
  private day = Number.NaN;
  /** The first equity seen in the current UTC day. */
  private dayStartEquity = Number.NaN;
  private pausedUntil: number | undefined;

  constructor(private readonly config: RiskConfig['protections']['dailyLoss']) {}

  observe(time: number, equity: number): void {
    if (!this.config.enabled || !Number.isFinite(time) || !Number.isFinite(equity)) return;
    const day = Math.floor(time / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayStartEquity = equity;
    }
    const loss = (this.dayStartEquity - equity) / this.dayStartEquity;
    if (this.dayStartEquity > 0 && loss >= this.config.maxLossPct) this.pausedUntil = nextUtcMidnight(time);
  }

  restriction(time: number): Restriction | undefined {
    if (this.pausedUntil === undefined || time >= this.pausedUntil) return undefined;
    const percent = (this.config.maxLossPct * 100).toFixed(1);
    return { rule: 'dailyLoss', effect: 'block', reason: `daily loss reached ${percent} %: no entries until the next UTC day`, until: this.pausedUntil };
  }
}
