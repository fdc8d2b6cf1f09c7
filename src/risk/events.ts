// What the risk engine tells the rest of the system on its own: state changes, paused strategies, alerts.
import type { ProtectionRule, TradingState } from './decision.js';

export type RiskEvent =
  | {
      readonly type: 'tradingStateChanged';
      readonly from: TradingState;
      /** Equal to `from` when only the reason changed (e.g. a drawdown step inside REDUCING). */
      readonly to: TradingState;
      readonly reason: string;
      readonly rule?: ProtectionRule;
      /** When the restriction lifts by itself; absent when it needs a resume or lasts while the condition does. */
      readonly until?: number;
      readonly time: number;
    }
  | { readonly type: 'strategyPaused'; readonly strategy: string; readonly symbol?: string; readonly until: number; readonly reason: string; readonly time: number }
  | { readonly type: 'riskAlert'; readonly message: string; readonly time: number };

export type RiskListener = (event: RiskEvent) => void;

/** Listeners in subscription order; each subscribe returns its own unsubscribe. */
export class RiskEventHub {
  private readonly listeners = new Set<RiskListener>();

  subscribe(listener: RiskListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: RiskEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
