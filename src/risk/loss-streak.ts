// Pauses new entries for a while after a run of losing trades; a winning trade (or the pause) starts the count again.
import type { RoundTrip } from '../domain/round-trip.js';
import type { RiskConfig } from './risk-config.js';
import type { Restriction } from './trading-state.js';

export class LossStreakGuard {
  private losses = 0;
  private pausedUntil: number | undefined;

  constructor(private readonly config: RiskConfig['protections']['lossStreak']) {}

  record(trade: RoundTrip): void {
    if (!this.config.enabled || !Number.isFinite(trade.pnl) || !Number.isFinite(trade.exitTime)) return;
    if (trade.pnl >= 0) {
      this.losses = 0;
      return;
    }
    this.losses += 1;
    if (this.losses >= this.config.losses) {
      this.pausedUntil = trade.exitTime + this.config.pauseMs;
      this.losses = 0;
    }
  }

  restriction(time: number): Restriction | undefined {
    if (this.pausedUntil === undefined || time >= this.pausedUntil) return undefined;
    const reason = `${this.config.losses} losses in a row: no entries for ${this.config.pauseMs / 60_000} min`;
    return { rule: 'lossStreak', effect: 'block', reason, until: this.pausedUntil };
  }
}
