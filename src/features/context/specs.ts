// Context features (time of day and sessions, regime) as the CLI and contract tests see them.
import type { IndicatorSpec } from '../../indicators/contract.js';

export const CONTEXT_SPECS: IndicatorSpec[] = [];
