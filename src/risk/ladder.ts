// The take-profit ladder: partial exits at ATR multiples from the entry; what the rungs leave is the runner, which only trails.
import type { InstrumentRules } from '../domain/instrument.js';
import type { TakeProfitRung } from '../domain/intent.js';
import type { PositionSide } from '../domain/position.js';
import { offset } from './side.js';

export interface LadderRung {
  /** Distance from the entry in ATR. */
  readonly atr: number;
  /** Share of the entry quantity closed there. */
  readonly fraction: number;
}

/** 40 % at 1.0 ATR, 30 % at 1.5, 20 % at 2.5; the remaining 10 % runs on the trail. */
export const DEFAULT_LADDER: readonly LadderRung[] = [
  { atr: 1, fraction: 0.4 },
  { atr: 1.5, fraction: 0.3 },
  { atr: 2.5, fraction: 0.2 },
];

/** The rungs as take-profit targets (none for a non-finite entry or ATR); with `rules` each price is rounded toward the entry. */
export function ladderTargets(
  entry: number,
  atr: number,
  side: PositionSide,
  rungs: readonly LadderRung[] = DEFAULT_LADDER,
  rules?: InstrumentRules,
): TakeProfitRung[] {
  if (!(Number.isFinite(entry) && Number.isFinite(atr) && atr > 0)) return [];
  return rungs.map((rung) => {
    const price = offset(side, entry, rung.atr * atr);
    return { price: rules ? rules.takeProfitPrice(price, side) : price, fraction: rung.fraction };
  });
}

/** The share no rung closes: the runner. */
export function runnerFraction(rungs: readonly LadderRung[] = DEFAULT_LADDER): number {
  return Math.max(0, 1 - rungs.reduce((sum, rung) => sum + rung.fraction, 0));
}
