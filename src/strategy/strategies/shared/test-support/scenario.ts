// Hand-made candle scenarios for the strategies here: rows become 5m candles, and a fresh strategy is driven over them while flat.
import type { z } from 'zod';
import type { Candle } from '../../../../domain/candle.js';
import type { Intent } from '../../../../domain/intent.js';
import { MIN, T0, type Row } from '../../../../engine/test-support/scripted.js';
import type { StrategyDefinition } from '../../../api.js';
import { testContext } from '../../../test-support/context.js';

export type { Row };
export type EnterIntent = Extract<Intent, { kind: 'enter' }>;

/** 5m candles from [open, high, low, close, volume?] rows (volume 1000 unless given), from `start`. */
export function toCandles(rows: readonly Row[], start = T0): Candle[] {
  return rows.map(([open, high, low, close, volume], i) => ({ time: start + i * 5 * MIN, open, high, low, close, volume: volume ?? 1000, turnover: Number.NaN, closed: true }));
}

export interface ScenarioOptions {
  /** Open time of the first row (T0, 2025-01-01 00:00 UTC, by default). */
  readonly start?: number;
  readonly symbol?: string;
}

/**
 * A fresh strategy with `raw` parameters (defaults for the rest) over `rows` on a flat 10,000 USDT
 * account: the intents it returned on each candle.
 */
export function driveFlat<S extends z.ZodObject>(definition: StrategyDefinition<S>, raw: z.input<S>, rows: readonly Row[], options: ScenarioOptions = {}): (readonly Intent[])[] {
  const strategy = definition.create(definition.params.parse(raw));
  const candles = toCandles(rows, options.start);
  const symbol = options.symbol ?? 'SOLUSDT';
  return candles.map((_, i) => strategy.onCandle(testContext({ candles: candles.slice(0, i + 1), equity: 10_000, symbol })) ?? []);
}

/** The intents on the last candle of `rows` (see driveFlat); they must be the only ones in the scenario. */
export function lastIntents<S extends z.ZodObject>(definition: StrategyDefinition<S>, raw: z.input<S>, rows: readonly Row[], options: ScenarioOptions = {}): readonly Intent[] {
  const all = driveFlat(definition, raw, rows, options);
  const earlier = all.slice(0, -1).findIndex((intents) => intents.length > 0);
  if (earlier >= 0) throw new Error(`the scenario already acted on candle ${earlier}: ${JSON.stringify(all[earlier])}`);
  return all.at(-1) ?? [];
}

/** `count` copies of one row. */
export function repeat(row: Row, count: number): Row[] {
  return Array.from({ length: count }, () => row);
}

/** Rows reflected about `axis` (high and low swap): a long scenario becomes the same short one. */
export function mirror(rows: readonly Row[], axis: number): Row[] {
  return rows.map(([open, high, low, close, volume]) => [2 * axis - open, 2 * axis - low, 2 * axis - high, 2 * axis - close, volume]);
}
