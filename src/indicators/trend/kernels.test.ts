// Batch kernels at parameters other than the defaults the contract suite uses: equal to the stream, bit for bit.
import { describe, expect, it } from 'vitest';
import { batch, resolveParams, type Bar, type IndicatorSpec } from '../contract.js';
import { columnsOf, realBars, syntheticBars } from '../test-support/bars.js';
import { VOLATILITY_SPECS } from '../volatility/specs.js';
import { TREND_SPECS } from './specs.js';

const CASES: Array<[string, number[][]]> = [
  ['sma', [[1], [2], [7]]],
  ['ema', [[1], [2], [7]]],
  ['rma', [[1], [3]]],
  ['wma', [[1], [2], [7], [50]]],
  ['dema', [[1], [2], [9]]],
  ['tema', [[1], [2], [9]]],
  ['hma', [[2], [3], [16], [30]]],
  ['vwma', [[1], [2], [7]]],
  ['macd', [[1, 1, 1], [26, 12, 9], [5, 35, 1], [3, 10, 16]]],
  ['adx', [[1], [2], [5], [30]]],
  ['psar', [[0.01, 0.1], [0.05, 0.05], [0.1, 1]]],
  ['supertrend', [[1, 1], [2, 0.5], [21, 4.5]]],
  ['tr', [[]]],
  ['atr', [[1], [2], [30]]],
  ['natr', [[1], [5]]],
  ['bb', [[1, 2], [2, 1], [7, 0], [50, 2.5]]],
  ['keltner', [[1, 1, 1], [5, 20, 1.5], [30, 3, 0]]],
  ['donchian', [[1], [2], [13]]],
];

const specs = [...TREND_SPECS, ...VOLATILITY_SPECS];
/** Bad data the kernels must treat exactly as the streams do: a NaN close (true range falls back to the bar's range) and a NaN high. */
const withGaps = syntheticBars(400, 11).map((b, i) => (i === 150 ? { ...b, close: NaN } : i === 260 ? { ...b, high: NaN } : b));
const bars = [syntheticBars(700, 3), withGaps, ...[realBars(700)].filter((b): b is Bar[] => b !== undefined)];

function stream(spec: IndicatorSpec, params: number[], input: readonly Bar[]): Float64Array[] {
  const reader = spec.create(params);
  const outputs = spec.outputs.map(() => new Float64Array(input.length));
  const row = new Float64Array(spec.outputs.length);
  input.forEach((bar, i) => {
    reader.addBar(bar);
    reader.read(row);
    row.forEach((v, k) => (outputs[k]![i] = v));
  });
  return outputs;
}

describe.each(CASES)('%s kernel', (name, paramSets) => {
  const spec = specs.find((s) => s.name === name)!;

  it('exists', () => expect(spec.kernel).toBeDefined());

  it.each(paramSets)('equals the stream bit for bit with parameters %j', (...given) => {
    const params = resolveParams(spec, given);
    for (const input of bars) {
      const expected = stream(spec, params, input);
      const got = batch(spec, params, columnsOf(input));
      expect(got.length).toBe(expected.length);
      got.forEach((column, k) => column.forEach((v, i) => expect(Object.is(v, expected[k]![i]), `${name}${JSON.stringify(params)} output ${k} at ${i}: ${v} vs ${expected[k]![i]}`).toBe(true)));
    }
  });
});
