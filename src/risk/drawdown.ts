// The drawdown ladder: half size, then strong signals only, then no entries, then close everything and halt.
import type { RiskConfig } from './risk-config.js';
import type { Restriction } from './trading-state.js';

export class DrawdownGuard {
  private peak = 0;
  private drawdown = 0;
  private halted = false;
  /** After a resume the drawdown runs from the equity at that moment, so the caller's older peak is ignored. */
  private useCallerPeak = true;

  constructor(private readonly config: RiskConfig['protections']['drawdown']) {}

  /** Returns true when this observation crosses the halt step. */
  observe(equity: number, peakEquity: number): boolean {
    if (!this.config.enabled || !Number.isFinite(equity)) return false;
    this.peak = Math.max(this.peak, equity, this.useCallerPeak && Number.isFinite(peakEquity) ? peakEquity : 0);
    this.drawdown = this.peak > 0 ? Math.max(0, (this.peak - equity) / this.peak) : 0;
    if (this.halted || this.drawdown < this.config.haltAt) return false;
    this.halted = true;
    return true;
  }

  /** A person's decision to trade on: the halt lifts and the current equity becomes the new peak. */
  rebase(equity: number): void {
    this.halted = false;
    this.useCallerPeak = false;
    this.peak = Number.isFinite(equity) ? equity : this.peak;
    this.drawdown = 0;
  }

  restriction(): Restriction | undefined {
    const c = this.config;
    const at = (share: number) => `drawdown ≥ ${+(share * 100).toFixed(2)} %`;
    if (this.halted) return { rule: 'drawdown', effect: 'halt', reason: `${at(c.haltAt)}: everything closed, halted until resumed` };
    if (this.drawdown >= c.noEntriesAt) return { rule: 'drawdown', effect: 'block', reason: `${at(c.noEntriesAt)}: no new entries` };
    if (this.drawdown >= c.highConfidenceAt) {
      const reason = `${at(c.highConfidenceAt)}: signals of strength ≥ ${c.minStrength} only, size × ${c.sizeFactor}`;
      return { rule: 'drawdown', effect: 'reduce', reason, sizeFactor: c.sizeFactor, minStrength: c.minStrength };
    }
    if (this.drawdown >= c.halfSizeAt) return { rule: 'drawdown', effect: 'reduce', reason: `${at(c.halfSizeAt)}: size × ${c.sizeFactor}`, sizeFactor: c.sizeFactor };
    return undefined;
  }
}
