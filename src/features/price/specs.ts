// Price-structure features (market structure, levels, patterns, volume profile) as the CLI and contract tests see them.
import type { IndicatorSpec } from '../../indicators/contract.js';

export const PRICE_SPECS: IndicatorSpec[] = [];
