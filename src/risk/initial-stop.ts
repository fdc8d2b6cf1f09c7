// The stop an entry starts with: the strategy's own, kept between 1.0 and 1.5 ATR from the entry, or 1.5 ATR when it gave none.
import type { PositionSide } from '../domain/position.js';
import { deny, type Denial } from './decision.js';
import type { RiskConfig } from './risk-config.js';
import { favourable, offset } from './side.js';

/** The unrounded initial stop, or a denial when the requested stop is on the wrong side (or missing with the rule off). */
export function initialStop(
  side: PositionSide,
  entry: number,
  atr: number,
  requested: number | undefined,
  config: RiskConfig['exits']['initialStop'],
): number | Denial {
  if (requested !== undefined && !(Number.isFinite(requested) && favourable(side, requested, entry) > 0)) {
    return deny('stop', `stop ${requested} is not on the losing side of the ${side} entry ${entry}`);
  }
  if (!config.enabled) return requested ?? deny('stop', 'an entry needs a stop-loss to be sized (initialStop rule is off)');
  if (!(Number.isFinite(atr) && atr > 0)) return deny('invalidInput', `ATR must be a positive number to place the initial stop, got ${atr}`);
  const wanted = requested === undefined ? config.maxAtr * atr : favourable(side, requested, entry);
  const distance = Math.min(config.maxAtr * atr, Math.max(config.minAtr * atr, wanted));
  return offset(side, entry, -distance);
}
