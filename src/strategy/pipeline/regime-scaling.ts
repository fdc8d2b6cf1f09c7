// Dynamic parameters by volatility regime: wider stops, farther targets and smaller size when volatility is high, the reverse when low.
import type { Intent } from '../../domain/intent.js';

export interface RegimeScale {
  readonly label: 'high volatility' | 'normal' | 'low volatility';
  /** Multiplies the distance from the entry to the stop. */
  readonly stop: number;
  /** Multiplies the distance from the entry to each target. */
  readonly target: number;
  /** Multiplies the quantity. */
  readonly size: number;
}

const HIGH: RegimeScale = { label: 'high volatility', stop: 1.5, target: 2.0, size: 0.7 };
const LOW: RegimeScale = { label: 'low volatility', stop: 0.8, target: 1.5, size: 1.2 };
const NORMAL: RegimeScale = { label: 'normal', stop: 1, target: 1, size: 1 };

/** High above the 80th ATR percentile, low below the 20th (seed spec §5); normal in between or before warm-up. */
export function regimeScale(atrPercentile: number): RegimeScale {
  if (atrPercentile > 80) return HIGH;
  if (atrPercentile < 20) return LOW;
  return NORMAL;
}

/** An entry with its stop and targets moved away from `reference` (the expected entry price) and its size scaled. */
export function scaleEntry(intent: Extract<Intent, { kind: 'enter' }>, scale: RegimeScale, reference: number): Extract<Intent, { kind: 'enter' }> {
  if (scale === NORMAL) return intent;
  const away = (price: number, factor: number): number => reference + (price - reference) * factor;
  return {
    ...intent,
    qty: intent.qty * scale.size,
    ...(intent.stopLoss === undefined ? {} : { stopLoss: away(intent.stopLoss, scale.stop) }),
    ...(intent.takeProfit === undefined ? {} : { takeProfit: away(intent.takeProfit, scale.target) }),
    ...(intent.targets === undefined ? {} : { targets: intent.targets.map((t) => ({ price: away(t.price, scale.target), fraction: t.fraction })) }),
  };
}
