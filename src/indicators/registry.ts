// Every indicator by its command-line name: the CLI, feature sets and the contract test suite start here.
import type { IndicatorSpec } from './contract.js';
import { MOMENTUM_SPECS } from './momentum/specs.js';
import { TREND_SPECS } from './trend/specs.js';
import { VOLATILITY_SPECS } from './volatility/specs.js';
import { VOLUME_SPECS } from './volume/specs.js';

export const INDICATOR_SPECS: readonly IndicatorSpec[] = [...TREND_SPECS, ...MOMENTUM_SPECS, ...VOLATILITY_SPECS, ...VOLUME_SPECS];

export function findIndicator(name: string): IndicatorSpec | undefined {
  return INDICATOR_SPECS.find((spec) => spec.name === name);
}
