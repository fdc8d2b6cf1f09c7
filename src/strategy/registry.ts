// Strategies by name, created with validated parameters: `--params fast=10,slow=30` becomes a checked object or a clear error.
import { InputError, describeValue } from '../core/errors.js';
import type { StrategyDefinition } from './api.js';
import { withPipeline } from './pipeline/with-pipeline.js';
import { donchianBreakout } from './strategies/donchian-breakout/index.js';
import { liquiditySweep } from './strategies/liquidity-sweep/index.js';
import { meanReversion } from './strategies/mean-reversion/index.js';
import { momentumBurst } from './strategies/momentum-burst/index.js';
import { multiTfVolume } from './strategies/multitf-volume/index.js';
import { rangeBreakout } from './strategies/range-breakout/index.js';
import { smaCross } from './strategies/sma-cross/index.js';
import { trendPullback } from './strategies/trend-pullback/index.js';
import { volumeVwap } from './strategies/volume-vwap/index.js';

const plain = (definition: unknown): StrategyDefinition => definition as StrategyDefinition;

/** The reference strategies run bare; the seed strategies run through the signal pipeline (market context, model, regime). */
const STRATEGIES: readonly StrategyDefinition[] = [
  plain(smaCross),
  plain(donchianBreakout),
  withPipeline(plain(volumeVwap)),
  withPipeline(plain(multiTfVolume)),
  withPipeline(plain(momentumBurst)),
  withPipeline(plain(rangeBreakout)),
  withPipeline(plain(liquiditySweep)),
  withPipeline(plain(meanReversion)),
  withPipeline(plain(trendPullback)),
];

export function strategyNames(): string[] {
  return STRATEGIES.map((s) => s.name);
}

export function findStrategy(name: string): StrategyDefinition {
  const found = STRATEGIES.find((s) => s.name === name);
  if (!found) throw new InputError(`--strategy: unknown strategy ${describeValue(name)}; known: ${strategyNames().join(', ')}`);
  return found;
}

/** `k=v,k=v` into raw values: numbers where they parse, true/false, strings otherwise. */
export function parseParamText(text: string | undefined): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  if (!text) return raw;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new InputError(`--params: ${describeValue(part)} is not key=value`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    raw[key] = value === 'true' ? true : value === 'false' ? false : value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return raw;
}

/** Validates parameters against the strategy's schema; the error names each parameter, its value and what was expected. */
export function resolveStrategyParams(definition: StrategyDefinition, raw: Record<string, unknown>): Record<string, unknown> {
  const result = definition.params.safeParse(raw);
  if (result.success) return result.data as Record<string, unknown>;
  const lines = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown parameter(s) ${issue.keys.join(', ')} (known: ${Object.keys(definition.params.shape).join(', ')})`;
    const key = issue.path.join('.');
    return `${key} = ${describeValue(raw[key as string])}: ${issue.message}`;
  });
  throw new InputError(`--params for ${definition.name}: ${lines.join('; ')}`);
}
