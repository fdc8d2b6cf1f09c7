// Batch kernels at parameters other than the defaults the contract suite uses, and on degenerate bars
// (flat, zero, NaN, infinite, no volume): equal to the stream, bit for bit.
import { describe, expect, it } from 'vitest';
import { batch, resolveParams, type Bar, type BarColumns, type IndicatorSpec } from '../contract.js';
import { columnsOf, realBars, syntheticBars } from '../test-support/bars.js';
import { VOLUME_SPECS } from '../volume/specs.js';
import { MOMENTUM_SPECS } from './specs.js';

// Periods above 64 take the deque path of the window extremes (below it, the rescanning one).
const CASES: Array<[string, number[][]]> = [
  ['rsi', [[1], [2], [14], [30]]],
  ['stoch', [[1, 1, 1], [5, 1, 4], [3, 2, 1], [64, 2, 2], [70, 3, 3]]],
  ['stochrsi', [[1, 1, 1, 1], [3, 5, 2, 2], [2, 1, 3, 1], [5, 70, 3, 3]]],
  ['mfi', [[1], [3], [14]]],
  ['roc', [[1], [9], [12]]],
  ['willr', [[1], [4], [64], [65], [100]]],
  ['cci', [[1], [2], [7], [20]]],
  ['cmf', [[1], [3], [20]]],
  ['obv', [[]]],
  ['vwap', [[1], [24], [168]]],
];

/** Synthetic bars with the stretches that exercise every special case of the streaming classes. */
function degenerate(): Bar[] {
  const bars = syntheticBars(600, 11);
  const set = (from: number, to: number, patch: (bar: Bar, i: number) => Partial<Bar>) => {
    for (let i = from; i < to; i++) bars[i] = { ...bars[i]!, ...patch(bars[i]!, i) };
  };
  set(40, 80, (_, i) => ({ open: 5, high: 5, low: 5, close: i % 9 === 0 ? NaN : 5, volume: i % 4 }));
  set(100, 140, () => ({ open: 0, high: 0, low: 0, close: 0 }));
  set(160, 190, () => ({ volume: 0 }));
  set(200, 230, () => ({ close: NaN, high: NaN }));
  set(260, 300, (_, i) => ({ high: Infinity, low: i % 2 ? Infinity : -0, close: i % 3 ? Infinity : 0 }));
  for (let i = 320; i < 600; i += 41) bars[i] = { ...bars[i]!, close: NaN, low: NaN, volume: NaN };
  set(400, 420, (b, i) => ({ time: i % 5 === 0 ? NaN : b.time + 86_400_000 * (i % 3) }));
  return bars;
}

const specs = [...MOMENTUM_SPECS, ...VOLUME_SPECS];
const inputs: Array<[string, Bar[]]> = [
  ['synthetic', syntheticBars(700, 3)],
  ['degenerate', degenerate()],
  ...[realBars(700)].filter((b): b is Bar[] => b !== undefined).map((b): [string, Bar[]] => ['SOLUSDT', b]),
];

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

function expectSame(label: string, got: Float64Array[], expected: Float64Array[]): void {
  expect(got.length).toBe(expected.length);
  got.forEach((column, k) => {
    expect(column.length).toBe(expected[k]!.length);
    const at = column.findIndex((v, i) => !Object.is(v, expected[k]![i]));
    expect(at, `${label} output ${k} at ${at}: ${column[at]} vs ${expected[k]![at]}`).toBe(-1);
  });
}

describe.each(CASES)('%s kernel', (name, paramSets) => {
  const spec = specs.find((s) => s.name === name)!;

  it('exists', () => expect(spec.kernel).toBeDefined());

  it.each(paramSets)('equals the stream bit for bit with parameters %j', (...given) => {
    const params = resolveParams(spec, given);
    for (const [label, bars] of inputs) expectSame(`${name}${JSON.stringify(params)} on ${label}`, batch(spec, params, columnsOf(bars)), stream(spec, params, bars));
  });

  it('reads missing volume and time columns as batch() does (zero volume, bar index as time)', () => {
    const params = resolveParams(spec, []);
    const bars = syntheticBars(300, 5).map((b, i) => ({ ...b, time: i, volume: 0 }));
    const { high, low, close } = columnsOf(bars);
    const columns: BarColumns = { high, low, close };
    expectSame(name, batch(spec, params, columns), stream(spec, params, bars));
  });
});
