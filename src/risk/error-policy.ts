// Errors handled by what they put at risk: a strategy error skips its candle, repeated ones pause the strategy, a system error stops entries.
import { CircuitBreaker } from './circuit-breaker.js';
import type { RiskConfig } from './risk-config.js';

export type ErrorReport =
  | { readonly level: 'strategy'; readonly strategy: string; readonly symbol: string; readonly message: string }
  | { readonly level: 'system'; readonly message: string };

export type ErrorResponse =
  /** Drop this candle's output for the strategy and carry on. */
  | { readonly action: 'skipCandle' }
  /** The strategy is paused (everywhere, or on `symbol` only) until `until`, then tried again. */
  | { readonly action: 'pauseStrategy'; readonly strategy: string; readonly symbol?: string; readonly until: number; readonly reason: string }
  /** No new entries until a person resumes. */
  | { readonly action: 'stopEntries'; readonly reason: string };

/** One breaker per strategy and one per strategy on each symbol. */
export class ErrorPolicy {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(private readonly config: RiskConfig['errors']) {}

  report(report: ErrorReport, time: number): ErrorResponse {
    if (report.level === 'system') return { action: 'stopEntries', reason: `system error: ${report.message}` };
    const { strategy, symbol } = report;
    const everywhere = this.breaker(strategy, undefined);
    const here = this.breaker(strategy, symbol);
    const pausedEverywhere = everywhere.recordError(time);
    const pausedHere = here.recordError(time);
    if (pausedEverywhere) return this.paused(strategy, undefined, everywhere, `${this.config.strategyBreaker.errors} errors in a row`);
    if (pausedHere) return this.paused(strategy, symbol, here, `${this.config.symbolBreaker.errors} errors in a row on ${symbol}`);
    return { action: 'skipCandle' };
  }

  /** A clean run closes both breakers again. */
  success(strategy: string, symbol: string): void {
    this.breakers.get(keyOf(strategy, undefined))?.recordSuccess();
    this.breakers.get(keyOf(strategy, symbol))?.recordSuccess();
  }

  /** Why the strategy may not run on `symbol` now, or undefined when it may. */
  pausedReason(strategy: string, symbol: string, time: number): string | undefined {
    if (this.breakers.get(keyOf(strategy, undefined))?.allows(time) === false) return `strategy ${strategy} is paused after repeated errors`;
    if (this.breakers.get(keyOf(strategy, symbol))?.allows(time) === false) return `strategy ${strategy} is paused on ${symbol} after repeated errors`;
    return undefined;
  }

  private paused(strategy: string, symbol: string | undefined, breaker: CircuitBreaker, why: string): ErrorResponse {
    const until = breaker.reopensAt ?? 0;
    return { action: 'pauseStrategy', strategy, ...(symbol !== undefined && { symbol }), until, reason: `${why}: paused until ${new Date(until).toISOString()}` };
  }

  private breaker(strategy: string, symbol: string | undefined): CircuitBreaker {
    const key = keyOf(strategy, symbol);
    let breaker = this.breakers.get(key);
    if (!breaker) {
      const { errors, cooldownMs } = symbol === undefined ? this.config.strategyBreaker : this.config.symbolBreaker;
      breaker = new CircuitBreaker(errors, cooldownMs);
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}

function keyOf(strategy: string, symbol: string | undefined): string {
  return symbol === undefined ? strategy : `${strategy}@${symbol}`;
}
