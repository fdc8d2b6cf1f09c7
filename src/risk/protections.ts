// The account-wide protections together: what they restrict now, and which of them just demanded closing everything.
import type { RoundTrip } from '../domain/round-trip.js';
import { DailyLossGuard } from './daily-loss.js';
import { DrawdownGuard } from './drawdown.js';
import { FlashCrashGuard } from './flash-crash.js';
import { LossStreakGuard } from './loss-streak.js';
import type { RiskConfig } from './risk-config.js';
import type { MarketUpdate } from './risk-view.js';
import type { Restriction } from './trading-state.js';

export class Protections {
  private readonly dailyLoss: DailyLossGuard;
  private readonly lossStreak: LossStreakGuard;
  private readonly drawdown: DrawdownGuard;
  private readonly flashCrash: FlashCrashGuard;
  private systemError: Restriction | undefined;

  constructor(config: RiskConfig['protections']) {
    this.dailyLoss = new DailyLossGuard(config.dailyLoss);
    this.lossStreak = new LossStreakGuard(config.lossStreak);
    this.drawdown = new DrawdownGuard(config.drawdown);
    this.flashCrash = new FlashCrashGuard(config.flashCrash);
  }

  /** Feeds one snapshot to every guard; returns true when one of them now demands closing everything. */
  observe(update: MarketUpdate): boolean {
    this.dailyLoss.observe(update.time, update.equity);
    const drawdownHalt = this.drawdown.observe(update.equity, update.peakEquity);
    const flashCrash = this.flashCrash.observe(update.time, update.symbol, update.oneMinuteMove);
    return drawdownHalt || flashCrash;
  }

  recordTrade(trade: RoundTrip): void {
    this.lossStreak.record(trade);
  }

  /** A system error: no new entries until resume(). */
  stopEntries(message: string): void {
    this.systemError = { rule: 'systemError', effect: 'block', reason: `system error: ${message}; no new entries until resumed` };
  }

  /** Lifts what only a person may lift: a drawdown halt (the drawdown restarts from `equity`) and a system-error stop. */
  resume(equity: number): void {
    this.drawdown.rebase(equity);
    this.systemError = undefined;
  }

  restrictions(time: number): Restriction[] {
    const all = [
      this.flashCrash.restriction(time),
      this.drawdown.restriction(),
      this.systemError,
      this.dailyLoss.restriction(time),
      this.lossStreak.restriction(time),
    ];
    return all.filter((r): r is Restriction => r !== undefined);
  }
}
