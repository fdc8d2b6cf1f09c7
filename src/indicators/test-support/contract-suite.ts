// The contract suite every bar-driven indicator and feature must pass: warm-up, batch = stream, exact replace, no lookahead.
import { describe, expect, it } from 'vitest';
import { batch, NotStableError, OutputPool, resolveParams, type Bar, type IndicatorSpec } from '../contract.js';
import { columnsOf, realBars, syntheticBars } from './bars.js';

const N = 1200;
const datasets: Array<[string, Bar[]]> = [['synthetic', syntheticBars(N)]];
const real = realBars(N);
if (real) datasets.push(['SOLUSDT 5m', real]);

/** A different bar at the same time: what a forming candle looks like before it settles. */
const perturb = (bar: Bar, k: number): Bar => ({ ...bar, high: bar.high + k, low: bar.low - k / 2, close: bar.close + k / 3, volume: bar.volume * (1 + k) });

function stream(spec: IndicatorSpec, bars: readonly Bar[]): Float64Array[] {
  const reader = spec.create(resolveParams(spec, []));
  const rows = bars.map(() => new Float64Array(spec.outputs.length));
  bars.forEach((bar, i) => {
    reader.addBar(bar);
    reader.read(rows[i]!);
  });
  return rows;
}

const same = (a: Float64Array, b: Float64Array) => a.every((v, i) => Object.is(v, b[i]));

export function runContractSuite(title: string, specs: readonly IndicatorSpec[]): void {
describe.each(specs.map((spec) => [spec.name, spec] as const))(`${title}: %s`, (_name, spec) => {
  it('declares sane parameters and outputs', () => {
    expect(spec.outputs.length).toBeGreaterThan(0);
    for (const p of spec.params) expect(p.default >= p.min && p.default <= p.max).toBe(true);
    if (spec.params.length > 0) expect(() => resolveParams(spec, spec.params.map((p) => p.min - 1))).toThrow(/parameter .* is invalid/);
    expect(() => resolveParams(spec, [...spec.params.map((p) => p.default), 1])).toThrow(/takes \d+ parameter/);
  });

  it('throws NotStableError before warm-up and reads NaN', () => {
    const reader = spec.create(resolveParams(spec, []));
    expect(reader.isStable).toBe(false);
    expect(() => reader.indicator.getResultOrThrow()).toThrow(NotStableError);
    expect(reader.indicator.getResult()).toBeUndefined();
    const out = new Float64Array(spec.outputs.length);
    reader.read(out);
    expect([...out].every(Number.isNaN)).toBe(true);
  });

  for (const [label, bars] of datasets) {
    describe(label, () => {
      const expected = stream(spec, bars);

      it('becomes stable, and then gives finite values that stay defined', () => {
        const first = expected.findIndex((row) => row.every((v) => !Number.isNaN(v)));
        expect(first).toBeGreaterThanOrEqual(0);
        for (const row of expected.slice(first)) expect([...row].every(Number.isFinite)).toBe(true);
      });

      it('batch over typed arrays equals the stream, bit for bit, also into reused (dirty) output arrays', () => {
        const columns = batch(spec, resolveParams(spec, []), columnsOf(bars));
        for (let i = 0; i < bars.length; i++) expect(same(Float64Array.from(columns, (c) => c[i]!), expected[i]!)).toBe(true);
        // A kernel must overwrite every element of an output it takes from a pool.
        const pool = new OutputPool();
        pool.release(Array.from({ length: 8 }, () => new Float64Array(bars.length).fill(-12345.678)));
        const reused = batch(spec, resolveParams(spec, []), columnsOf(bars), pool);
        for (let i = 0; i < bars.length; i++) expect(same(Float64Array.from(reused, (c) => c[i]!), expected[i]!), `${spec.name} bar ${i} into a reused array`).toBe(true);
      });

      it('replace() of the forming bar gives exactly what add() of the final bar gives, and later values too', () => {
        for (let at = 1; at < bars.length; at += 53) {
          const reader = spec.create(resolveParams(spec, []));
          for (let i = 0; i < at; i++) reader.addBar(bars[i]!);
          reader.addBar(perturb(bars[at]!, 0.7));
          reader.replaceBar(perturb(bars[at]!, 1.9));
          reader.replaceBar(bars[at]!);
          const row = new Float64Array(spec.outputs.length);
          reader.read(row);
          expect(same(row, expected[at]!), `${spec.name} after replace at ${at}`).toBe(true);
          for (let i = at + 1; i < Math.min(bars.length, at + 30); i++) {
            reader.addBar(bars[i]!);
            reader.read(row);
            expect(same(row, expected[i]!), `${spec.name} at ${i} after a replace at ${at}`).toBe(true);
          }
        }
      });

      it('never looks ahead: values over every truncation equal the full run (stream and batch)', () => {
        // A stream cannot see the future, but a batch kernel could; and a feature could revise past outputs.
        const all = columnsOf(bars);
        for (let length = 1; length < bars.length; length += length < 64 ? 1 : 61) {
          const cut = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, (v as Float64Array).subarray(0, length)])) as unknown as typeof all;
          const columns = batch(spec, resolveParams(spec, []), cut);
          for (let i = 0; i < length; i++) expect(same(Float64Array.from(columns, (c) => c[i]!), expected[i]!), `${spec.name}: bar ${i} of a ${length}-bar truncation`).toBe(true);
        }
        for (const length of [1, 2, 17, 100, 333, bars.length - 1]) {
          const truncated = stream(spec, bars.slice(0, length));
          for (let i = 0; i < length; i++) expect(same(truncated[i]!, expected[i]!)).toBe(true);
        }
      });
    });
  }
});
}
