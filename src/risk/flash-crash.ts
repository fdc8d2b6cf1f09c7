// A price move above the limit within one minute: close all, cancel all, and stay out for a while.
import type { RiskConfig } from './risk-config.js';
import type { Restriction } from './trading-state.js';

export class FlashCrashGuard {
  private pausedUntil: number | undefined;
  private reason = '';

  constructor(private readonly config: RiskConfig['protections']['flashCrash']) {}

  /** Returns true when this move starts a pause (a further spike during the pause only extends it). */
  observe(time: number, symbol: string, oneMinuteMove: number): boolean {
    if (!this.config.enabled || !Number.isFinite(oneMinuteMove) || Math.abs(oneMinuteMove) <= this.config.maxMove) return false;
    const starts = this.pausedUntil === undefined || time >= this.pausedUntil;
    this.pausedUntil = time + this.config.pauseMs;
    this.reason = `flash crash: ${symbol} moved ${(oneMinuteMove * 100).toFixed(1)} % in one minute; everything closed, paused ${this.config.pauseMs / 60_000} min`;
    return starts;
  }

  restriction(time: number): Restriction | undefined {
    if (this.pausedUntil === undefined || time >= this.pausedUntil) return undefined;
    return { rule: 'flashCrash', effect: 'halt', reason: this.reason, until: this.pausedUntil };
  }
}
