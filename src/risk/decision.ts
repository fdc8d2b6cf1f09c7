// What the risk engine answers: an approved (sized) intent or a denial naming the rule, and the intents it forces itself.
import type { Intent } from '../domain/intent.js';
import type { SignalCheck } from './risk-config.js';

/** ACTIVE: entries at full size; REDUCING: entries smaller, filtered or stopped; HALTED: everything closed, no trading. */
export type TradingState = 'ACTIVE' | 'REDUCING' | 'HALTED';

/** Protections that change the trading state. */
export type ProtectionRule = 'dailyLoss' | 'lossStreak' | 'drawdown' | 'flashCrash' | 'systemError';

/** Limits met while sizing one entry; the one that bound the size is reported. */
export type SizingRule = 'risk' | 'openRisk' | 'positionExposure' | 'totalExposure' | 'margin' | 'maxOrderQty' | 'leverage' | 'stop';

export type RiskRule =
  | ProtectionRule
  | SizingRule
  | SignalCheck
  | 'invalidInput'
  | 'minBalance'
  | 'correlatedPositions'
  | 'circuitBreaker';

export interface Denial {
  readonly approved: false;
  readonly rule: RiskRule;
  readonly reason: string;
}

/** How an entry was sized, for logs and analytics. */
export interface SizingReport {
  /** Share of equity risked before scaling (fixed or from Kelly). */
  readonly riskFraction: number;
  readonly atrFactor: number;
  readonly confluenceFactor: number;
  readonly correlationFactor: number;
  /** Drawdown step: 1, or the reduced size factor. */
  readonly protectionFactor: number;
  /** USDT lost if the stop is hit at the sized quantity. */
  readonly risk: number;
  /** The limit that set the quantity. */
  readonly limitedBy: SizingRule;
}

export type RiskDecision =
  | { readonly approved: true; readonly intent: Intent; readonly sizing?: SizingReport }
  | Denial;

/** An intent the engine issues on its own (close all, cancel all), bound to the symbol it is for. */
export interface ForcedIntent {
  readonly symbol: string;
  readonly intent: Intent;
}

export function deny(rule: RiskRule, reason: string): Denial {
  return { approved: false, rule, reason };
}

export function isDenial(value: unknown): value is Denial {
  return typeof value === 'object' && value !== null && (value as Partial<Denial>).approved === false;
}
