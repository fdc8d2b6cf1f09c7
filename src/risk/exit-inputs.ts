// What the exit rules look at (an open position and the market now) and what they answer (a stop to move to, or an exit).
import type { PositionSide } from '../domain/position.js';

export interface ManagedPosition {
  readonly side: PositionSide;
  readonly entryPrice: number;
  /** When it was opened, ms UTC. */
  readonly openedAt: number;
  /** The stop now resting, if any. */
  readonly stopLoss?: number;
  /** The stop set at entry: the unit of R, and what a volatility spike widens. */
  readonly initialStop?: number;
  /** Best price since entry: the highest for a long, the lowest for a short. */
  readonly peakPrice: number;
}

/** Market values for one symbol; indicator values come from the caller (risk may not import indicators). */
export interface ExitMarket {
  readonly time: number;
  readonly price: number;
  readonly atr: number;
  /** The usual ATR, to tell a volatility spike. */
  readonly baseAtr?: number;
  /** Parabolic SAR now. */
  readonly psar?: number;
  /** The last swing low (for a long) or swing high (for a short). */
  readonly lastSwing?: number;
}

export type ExitRule = 'timeStop' | 'breakeven' | 'psarTrail' | 'givebackTrail' | 'structureTrail' | 'volatilityStop';

/** A stop a rule would like; the combiner picks one and rounds it. */
export interface StopCandidate {
  readonly rule: ExitRule;
  readonly stop: number;
  readonly reason: string;
}

export type ExitAdvice =
  | { readonly kind: 'moveStop'; readonly stopLoss: number; readonly rule: ExitRule; readonly reason: string }
  | { readonly kind: 'exit'; readonly rule: ExitRule; readonly reason: string };
