// The JSON of a result: schema version 2, typed-array columns written as plain arrays, infinities as null.
import { describe, expect, it } from 'vitest';
import { buildFixture } from './report/test-support/fixture.js';
import { RESULT_SCHEMA_VERSION, resultToJson } from './result.js';

describe('resultToJson', () => {
  const result = buildFixture({ candles: 'synthetic', syntheticCount: 300, trades: 4 }).result;

  it('writes the equity curve and the prices as columns of plain numbers', () => {
    const parsed = JSON.parse(resultToJson(result)) as Record<string, unknown> & { equity: { time: unknown; equity: unknown }; prices: Record<string, unknown> };
    expect(parsed['schemaVersion']).toBe(2);
    expect(RESULT_SCHEMA_VERSION).toBe(2);
    expect(Object.keys(parsed.equity)).toEqual(['time', 'equity']);
    expect(parsed.equity.time).toEqual(Array.from(result.equity.time));
    expect(parsed.equity.equity).toEqual(Array.from(result.equity.equity));
    for (const name of ['time', 'open', 'high', 'low', 'close'] as const) {
      expect(Array.isArray(parsed.prices[name]), name).toBe(true);
      expect(parsed.prices[name], name).toEqual(Array.from(result.prices[name]));
    }
  });

  it('writes infinities, in the metrics and in the columns, as null', () => {
    const equity = Float64Array.from(result.equity.equity);
    equity[1] = Number.POSITIVE_INFINITY;
    const json = resultToJson({ ...result, metrics: { ...result.metrics, profitFactor: Infinity, calmar: -Infinity }, equity: { time: result.equity.time, equity } });
    const parsed = JSON.parse(json) as { metrics: { profitFactor: unknown; calmar: unknown }; equity: { equity: unknown[] } };
    expect([parsed.metrics.profitFactor, parsed.metrics.calmar]).toEqual([null, null]);
    expect(parsed.equity.equity[1]).toBeNull();
    expect(parsed.equity.equity[0]).toBe(equity[0]);
  });
});
