// The rule that no position stays without a stop-loss: a position without a confirmed stop gets one through trading-stop in time, or is reduced or closed.
import type { Timers } from '../client/rate-gate.js';
import type { StopFailurePolicy, VenueNotice } from './options.js';

export interface GuardActions {
  /** Sets the position's stop-loss; throws when the exchange refuses or cannot be reached. */
  setStop(symbol: string, stopLoss: number): Promise<void>;
  /** Closes `fraction` of the position at market (reduce-only); resolves once sent. */
  close(symbol: string, fraction: number): Promise<void>;
  notice(notice: VenueNotice): void;
}

export interface StopGuardSettings {
  readonly confirmMs: number;
  readonly policy: StopFailurePolicy;
  readonly retries: number;
}

interface Watch {
  size: number;
  stopped: boolean;
  timer: unknown;
  busy: boolean;
}

export class StopGuard {
  private readonly watches = new Map<string, Watch>();
  private readonly wanted = new Map<string, number>();
  private disposed = false;

  constructor(
    private readonly settings: StopGuardSettings,
    private readonly actions: GuardActions,
    private readonly timers: Timers,
  ) {}

  /** The stop-loss the strategy wants on `symbol` (from its entry or a stop move); undefined forgets it. */
  want(symbol: string, stopLoss: number | undefined): void {
    if (stopLoss === undefined || stopLoss === 0) this.wanted.delete(symbol);
    else this.wanted.set(symbol, stopLoss);
  }

  stopWanted(symbol: string): number | undefined {
    return this.wanted.get(symbol);
  }

  /** The position as last heard: its size, and whether the exchange shows a stop-loss (or trailing stop) on it. */
  observe(symbol: string, size: number, stopped: boolean): void {
    const watch = this.watch(symbol);
    watch.size = size;
    watch.stopped = stopped;
    if (size === 0 || stopped) {
      this.clear(watch);
      return;
    }
    if (watch.timer === undefined && !watch.busy && !this.disposed) {
      watch.timer = this.timers.set(() => {
        watch.timer = undefined;
        void this.protect(symbol, watch);
      }, this.settings.confirmMs);
    }
  }

  /** The position's size changed by a fill: a position opened or flipped has no stop until the exchange shows one. */
  resized(symbol: string, size: number): void {
    const watch = this.watch(symbol);
    const fresh = watch.size === 0 || Math.sign(watch.size) !== Math.sign(size);
    this.observe(symbol, size, fresh ? false : watch.stopped);
  }

  /** Symbols whose position is open without a confirmed stop right now. */
  unprotected(): string[] {
    return [...this.watches.entries()].filter(([, w]) => w.size !== 0 && !w.stopped).map(([symbol]) => symbol);
  }

  dispose(): void {
    this.disposed = true;
    for (const watch of this.watches.values()) this.clear(watch);
  }

  private async protect(symbol: string, watch: Watch): Promise<void> {
    if (this.disposed || watch.size === 0 || watch.stopped) return;
    watch.busy = true;
    try {
      const stop = this.wanted.get(symbol);
      if (stop === undefined) {
        this.actions.notice({ level: 'error', code: 'stopUnknown', symbol, message: `${symbol}: position of ${watch.size} has no stop-loss and none is known to set; closing it` });
        await this.actions.close(symbol, 1);
        return;
      }
      this.actions.notice({ level: 'warn', code: 'stopMissing', symbol, message: `${symbol}: no stop-loss confirmed within ${this.settings.confirmMs} ms; setting ${stop} through trading-stop` });
      const attempts = this.settings.policy === 'close' ? 1 : this.settings.policy === 'reduce' ? 2 : Math.max(1, this.settings.retries);
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (watch.size === 0 || watch.stopped || this.disposed) return;
        try {
          await this.actions.setStop(symbol, stop);
          watch.stopped = true;
          this.actions.notice({ level: 'info', code: 'stopSet', symbol, message: `${symbol}: stop-loss ${stop} set through trading-stop (attempt ${attempt})` });
          return;
        } catch (error) {
          this.actions.notice({ level: 'warn', code: 'stopFailed', symbol, message: `${symbol}: trading-stop ${stop} failed (attempt ${attempt} of ${attempts}): ${(error as Error).message}` });
          if (this.settings.policy === 'reduce' && attempt === 1) {
            this.actions.notice({ level: 'warn', code: 'positionReduced', symbol, message: `${symbol}: halving the unprotected position` });
            await this.actions.close(symbol, 0.5);
          }
        }
      }
      if (watch.size === 0 || watch.stopped || this.disposed) return;
      this.actions.notice({ level: 'error', code: 'positionClosed', symbol, message: `${symbol}: the stop-loss could not be set; closing the position (policy ${this.settings.policy})` });
      await this.actions.close(symbol, 1);
    } finally {
      watch.busy = false;
      // Still open and unprotected (the close failed too): try again after another period.
      if (!this.disposed && watch.size !== 0 && !watch.stopped) this.observe(symbol, watch.size, false);
    }
  }

  private watch(symbol: string): Watch {
    let watch = this.watches.get(symbol);
    if (watch === undefined) {
      watch = { size: 0, stopped: false, timer: undefined, busy: false };
      this.watches.set(symbol, watch);
    }
    return watch;
  }

  private clear(watch: Watch): void {
    if (watch.timer !== undefined) this.timers.clear(watch.timer);
    watch.timer = undefined;
  }
}
