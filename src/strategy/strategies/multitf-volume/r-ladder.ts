// Targets in multiples of the stop distance, as MultiTF Volume and Trend Pullback set them, and the pair's minimum move the far one must reach.
import { z } from 'zod';
import type { TakeProfitRung } from '../../../domain/intent.js';
import type { SignalFactor } from '../../../domain/signal.js';
import type { PairSettings } from '../../pairs.js';
import { twoTargets } from '../shared/entry.js';
import { factor } from '../shared/signal.js';

/** The far target (or pool) must be at least this many of the pair's minimum moves away (SOL: $2). */
export const minTargetMoveParam = z.number().min(0).max(5).default(1);

/** Spread into a strategy's strictObject, with `targetsInOrder` as its refinement. */
export const rLadderParams = {
  /** Half the position at each target, in multiples of the stop distance from the signal close. */
  target1R: z.number().min(0.2).max(10).default(1),
  target2R: z.number().min(0.5).max(20).default(2),
  minTargetMove: minTargetMoveParam,
};

export interface RLadderSettings {
  readonly target1R: number;
  readonly target2R: number;
  readonly minTargetMove: number;
}

/** The refinement that keeps the near target nearer: `.refine(...targetsInOrder)`. */
export const targetsInOrder: [(p: RLadderSettings) => boolean, { message: string; path: string[] }] = [
  (p) => p.target1R <= p.target2R,
  { message: 'target1R must not exceed target2R', path: ['target1R'] },
];

/** Half at `target1R` and the rest at `target2R` stop distances from `close`, toward `sign`. */
export function rLadder(close: number, sign: 1 | -1, stopDistance: number, p: RLadderSettings): TakeProfitRung[] {
  return twoTargets(close + sign * p.target1R * stopDistance, close + sign * p.target2R * stopDistance);
}

/** The gate on the far target's distance (USDT): at least `minTargetMove` of the pair's minimum moves. */
export function targetMoveFactor(distance: number, found: boolean, settings: PairSettings, minTargetMove: number, weight: number): SignalFactor {
  const minMove = minTargetMove * settings.minMove;
  return factor('target move', distance, found && distance >= minMove, weight, minMove);
}
