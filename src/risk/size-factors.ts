// Multipliers on the risk of a new entry: calmer or wilder than usual (ATR), and how much the signal's factors agree.
import type { RiskConfig } from './risk-config.js';

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Base ATR / current ATR within [minFactor, maxFactor]: a market twice as wild gets half the size. */
export function atrFactor(atr: number, baseAtr: number, config: RiskConfig['sizing']['atrNormalisation']): number {
  if (!config.enabled) return 1;
  return clamp(baseAtr / atr, config.minFactor, config.maxFactor);
}

/** Signal strength within [minScale, maxScale]; an entry without a signal gets maxScale. */
export function confluenceFactor(strength: number | undefined, config: RiskConfig['sizing']['confluence']): number {
  if (!config.enabled) return 1;
  if (strength === undefined) return config.maxScale;
  return clamp(Number.isFinite(strength) ? strength : 0, config.minScale, config.maxScale);
}
