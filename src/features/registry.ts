// Every bar-driven feature by its command-line name, beside the indicators (same contract, same CLI).
import type { IndicatorSpec } from '../indicators/contract.js';
import { CONTEXT_SPECS } from './context/specs.js';
import { PRICE_SPECS } from './price/specs.js';

export const FEATURE_SPECS: readonly IndicatorSpec[] = [...PRICE_SPECS, ...CONTEXT_SPECS];
