// Volume indicators as the registry, the CLI and the contract tests see them.
import type { IndicatorSpec } from '../contract.js';

export const VOLUME_SPECS: IndicatorSpec[] = [];
