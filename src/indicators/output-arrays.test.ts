// Kernels write into pooled arrays that still hold an earlier run's values: every element must be written, or stale numbers leak into results.
import { describe, expect, it } from 'vitest';
import { batch, OutputPool, outputArrays, resolveParams } from './contract.js';
import { INDICATOR_SPECS } from './registry.js';
import { columnsOf, syntheticBars } from './test-support/bars.js';

const BARS = syntheticBars(500, 17);
/** A value no indicator computes from these bars: any element still holding it was never written. */
const LEFT_OVER = 7.25e300;

/** A pool whose arrays hold the left-over marker, as memory from an earlier run would hold its values. */
function poisonedPool(lengths: number, count: number): OutputPool {
  const pool = new OutputPool();
  pool.release(Array.from({ length: count }, () => new Float64Array(lengths).fill(LEFT_OVER)));
  return pool;
}

describe.each(INDICATOR_SPECS.filter((spec) => spec.kernel).map((spec) => [spec.name, spec] as const))('%s kernel', (_, spec) => {
  it('writes every element of its outputs, over the warm-up too', () => {
    const params = resolveParams(spec, []);
    const expected = batch(spec, params, columnsOf(BARS));
    const got = batch(spec, params, columnsOf(BARS), poisonedPool(BARS.length, spec.outputs.length));
    expect(got).toHaveLength(spec.outputs.length);
    got.forEach((column, k) => {
      expect(column.indexOf(LEFT_OVER), `${spec.name} output ${spec.outputs[k]}: element left unwritten`).toBe(-1);
      column.forEach((v, i) => expect(Object.is(v, expected[k]![i]), `${spec.name} output ${spec.outputs[k]} at ${i}: ${v} vs ${expected[k]![i]}`).toBe(true));
    });
  });
});

describe('outputs', () => {
  it('have the length of the series and are independent arrays', () => {
    const spec = INDICATOR_SPECS.find((s) => s.name === 'psar')!;
    const [sar, direction] = batch(spec, resolveParams(spec, []), columnsOf(BARS));
    expect(sar).toHaveLength(BARS.length);
    expect(direction).toHaveLength(BARS.length);
    sar![10] = 123;
    expect(direction![10]).not.toBe(123);
  });

  it('an empty series gives empty outputs', () => {
    const spec = INDICATOR_SPECS.find((s) => s.name === 'ema')!;
    const [out] = batch(spec, resolveParams(spec, []), columnsOf([]));
    expect(out).toHaveLength(0);
  });
});

describe('outputArrays', () => {
  it('gives a kernel fresh outputs as views of shared blocks (see float64Blocks)', () => {
    const spec = INDICATOR_SPECS.find((s) => s.name === 'psar')!;
    const [sar, direction] = batch(spec, resolveParams(spec, []), columnsOf(BARS));
    expect(sar!.buffer).toBe(direction!.buffer);
    expect(outputArrays(3, 10)).toHaveLength(3);
  });

  it('takes from the pool batch() was given instead', () => {
    const spec = INDICATOR_SPECS.find((s) => s.name === 'psar')!;
    const pool = new OutputPool();
    const first = batch(spec, resolveParams(spec, []), columnsOf(BARS), pool);
    pool.release(first);
    const second = batch(spec, resolveParams(spec, []), columnsOf(BARS), pool);
    expect(second.every((array) => first.includes(array)), 'outputs are the released arrays').toBe(true);
  });
});
