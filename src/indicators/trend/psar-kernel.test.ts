// PSAR's batch kernel against the stream, bit for bit: in chunks, with its two runs meeting or not, on every acceleration ladder.
import { describe, expect, it } from 'vitest';
import type { Bar } from '../contract.js';
import { columnsOf, realBars, syntheticBars } from '../test-support/bars.js';
import { PSAR } from './psar.js';
import { psarKernel, type PsarTuning } from './psar-kernel.js';

/** The stream's SAR and direction on every bar (NaN on the first, as the kernel). */
function stream(input: readonly Bar[], step: number, max: number): [Float64Array, Float64Array] {
  const psar = new PSAR(step, max);
  const sar = new Float64Array(input.length).fill(NaN);
  const dir = new Float64Array(input.length).fill(NaN);
  input.forEach((bar, i) => {
    psar.add(bar);
    if (psar.isStable) [sar[i], dir[i]] = [psar.sar, psar.direction];
  });
  return [sar, dir];
}

function expectStream(input: readonly Bar[], step: number, max: number, tuning: PsarTuning): void {
  const expected = stream(input, step, max);
  const got = psarKernel(columnsOf(input), step, max, tuning);
  got.forEach((column, k) => {
    const i = column.findIndex((v, i) => !Object.is(v, expected[k]![i]));
    expect(i, `psar(${step}, ${max}) ${JSON.stringify(tuning)} output ${k} at ${i}: ${column[i]} vs ${expected[k]![i]}`).toBe(-1);
  });
}

// Fast parameters reverse every few bars; a step of 0.001 up to 1 climbs a ladder of 1,000 rungs; max = step has one rung.
const PARAMS = [[0.02, 0.2], [0.2, 0.2], [0.5, 1], [0.001, 1]] as const;

describe('psar kernel', () => {
  it.each([1, 2, 7, 4096])('equals the stream bit for bit with %i bar(s) per chunk, a NaN bar included', (chunk) => {
    // Small chunks put a boundary on (nearly) every bar, for the single run and for the pair.
    const input = syntheticBars(6000, 5).map((b, i) => (i === 4500 ? { ...b, high: NaN } : b));
    for (const [step, max] of PARAMS) {
      expectStream(input, step, max, { chunk });
      expectStream(input, step, max, { chunk, overlap: 300 });
    }
  });

  it('equals the stream when the second run has not forgotten its start by the middle (the first goes on alone)', () => {
    // One bar of overlap: the second run stands on the middle in its starting state, which the first's is not.
    const input = syntheticBars(3000, 9);
    const met: boolean[] = [];
    for (const [step, max] of PARAMS) for (const overlap of [1, 2, 3]) expectStream(input, step, max, { overlap, met: (m) => met.push(m) });
    expect(met).toContain(false);
  });

  it('equals the stream at every overlap from 1 to 40, met or not, and at every length around the switch to two runs', () => {
    const input = syntheticBars(400, 4);
    for (let overlap = 1; overlap <= 40; overlap++) expectStream(input, 0.1, 0.4, { overlap, chunk: 16 });
    for (let n = 0; n <= 60; n++) expectStream(input.slice(0, n), 0.02, 0.2, { overlap: 20, chunk: 8 });
  });

  it('keeps a bad bar in the overlap exactly as the stream does', () => {
    const input = syntheticBars(5000, 6).map((b, i) => (i >= 2300 && i < 2305 ? { ...b, low: NaN } : b));
    expectStream(input, 0.02, 0.2, { overlap: 500 });
    expectStream(input, 0.02, 0.2, {});
  });

  const real = realBars(40_000);
  it.skipIf(!real)('on real SOLUSDT 5m bars, the two runs meet within the default overlap and equal the stream', () => {
    const met: boolean[] = [];
    for (const [step, max] of PARAMS) expectStream(real!, step, max, { met: (m) => met.push(m) });
    expect(met).toEqual(PARAMS.map(() => true));
  });
});
