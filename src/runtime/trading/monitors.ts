// The loops around the engines, as in a desk's bot: a position monitor (exit rules between candles) every 5 s and a safety monitor (stale data, unprotected positions) every 30 s, each isolated so one failing loop alerts without stopping the other.
import type { Clock } from '../../core/clock.js';
import { timeframeMs, type Timeframe } from '../../domain/timeframe.js';
import type { LiveEngine } from '../../engine/live-engine.js';
import type { Alert } from './alert.js';

export interface MonitorSettings {
  /** Position monitor period, ms (default 5000). */
  readonly positionMs: number;
  /** Safety monitor period, ms (default 30 000). */
  readonly safetyMs: number;
  /** A symbol with no closed candle for its interval plus this long is stale: entries blocked until one arrives (default 30 000). */
  readonly staleGraceMs: number;
  /** Open positions worth more than this many times the equity raise an alert (default 3). */
  readonly maxExposure: number;
}

const DEFAULTS: MonitorSettings = { positionMs: 5000, safetyMs: 30_000, staleGraceMs: 30_000, maxExposure: 3 };

/** What the monitors read of a session. */
export interface Monitored {
  readonly engines: ReadonlyMap<string, LiveEngine>;
  readonly lastCandleAt: ReadonlyMap<string, number>;
  timeframeOf(symbol: string): Timeframe;
  readonly unprotected: readonly string[];
  /** The public feed's connection state; anything but 'live' is reported. */
  readonly feedState?: string;
  /** The market's time, which exit rules act at (a replay runs in its own past); the monitors' clock when absent. */
  marketTime?(): number;
  /** Equity and the notional of the open positions at their last marks. */
  exposure?(): { readonly equity: number; readonly notional: number };
  /** The venue's own checks (live: the wallet read by REST); what they find is alerted. */
  venueChecks?(): Promise<readonly Alert[]>;
}

const STALE = 'stale market data';

export class Monitors {
  private readonly settings: MonitorSettings;
  private timers: NodeJS.Timeout[] = [];
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly session: Monitored,
    settings: Partial<MonitorSettings>,
    private readonly clock: Clock,
    private readonly alert: (alert: Alert) => void,
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  start(): void {
    this.timers.push(setInterval(() => this.run('position', () => this.positions()), this.settings.positionMs));
    this.timers.push(setInterval(() => this.run('safety', () => this.safety()), this.settings.safetyMs));
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Exit rules between candles: breakeven moves, trailing, time stops, targets. */
  positions(): void {
    const now = this.session.marketTime?.() ?? this.clock.now();
    for (const engine of this.session.engines.values()) engine.manage(now);
  }

  /** Stale data blocks entries (and fresh data lifts the block); a position without a stop is an alert every round. */
  safety(): void {
    const now = this.clock.now();
    for (const [symbol, engine] of this.session.engines) {
      const timeframe = this.session.timeframeOf(symbol);
      const limit = timeframeMs(timeframe) + this.settings.staleGraceMs;
      const last = this.session.lastCandleAt.get(symbol) ?? now;
      const blocked = engine.entriesBlocked;
      if (now - last > limit) {
        if (blocked === undefined) {
          engine.blockEntries(STALE, now);
          this.alert({ level: 'warn', code: 'staleData', symbol, time: now, message: `${symbol}: no closed ${timeframe} candle for ${Math.round((now - last) / 1000)} s; new entries blocked, open positions still protected` });
        }
      } else if (blocked?.reason === STALE) {
        engine.allowEntries();
        this.alert({ level: 'info', code: 'dataFresh', symbol, time: now, message: `${symbol}: fresh candles again; entries allowed` });
      }
    }
    const feed = this.session.feedState;
    if (feed !== undefined && feed !== 'live') {
      this.alert({ level: 'warn', code: 'feedUnhealthy', time: now, message: `public market data is ${feed}; entries wait for fresh candles, stops stay on the exchange` });
    }
    const exposure = this.session.exposure?.();
    if (exposure && exposure.notional > this.settings.maxExposure * Math.max(exposure.equity, 0)) {
      this.alert({ level: 'error', code: 'exposureHigh', time: now, message: `open positions are worth ${exposure.notional.toFixed(2)} USDT, more than ${this.settings.maxExposure}× the equity of ${exposure.equity.toFixed(2)} USDT` });
    }
    for (const symbol of this.session.unprotected) {
      this.alert({ level: 'error', code: 'unprotectedPosition', symbol, time: now, message: `${symbol}: position without a confirmed stop-loss; the stop guard is acting` });
    }
    const checks = this.session.venueChecks;
    if (checks) {
      void checks.call(this.session).then(
        (alerts) => alerts.forEach((a) => this.alert(a)),
        (error: Error) => this.alert({ level: 'error', code: 'venueUnreachable', time: this.clock.now(), message: `the venue's balance check failed: ${error.message}` }),
      );
    }
  }

  /** One loop's turn: a failure is an alert (once per run of failures), never the end of the other loop. */
  private run(name: string, turn: () => void): void {
    try {
      turn();
      this.failures.delete(name);
    } catch (error) {
      const count = (this.failures.get(name) ?? 0) + 1;
      this.failures.set(name, count);
      if (count === 1 || count % 10 === 0) this.alert({ level: 'error', code: 'loopFailed', time: this.clock.now(), message: `${name} monitor failed (${count} in a row): ${(error as Error).message}` });
    }
  }
}
