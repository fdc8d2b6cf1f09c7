// The price specs under their CLI names, read through the generic reader on a hand-worked table.
import { describe, expect, it } from 'vitest';
import { batch, resolveParams } from '../../indicators/contract.js';
import { columnsOf } from '../../indicators/test-support/bars.js';
import { PRICE_SPECS } from './specs.js';
import { table } from './test-support/candles.js';

const spec = (name: string) => {
  const found = PRICE_SPECS.find((s) => s.name === name);
  if (!found) throw new Error(`no spec ${name}`);
  return found;
};

describe('PRICE_SPECS', () => {
  it('registers every price feature under its command-line name', () => {
    expect(PRICE_SPECS.map((s) => s.name)).toEqual(['vprofile', 'swings', 'structure', 'orderblocks', 'fvg', 'levels', 'pivots', 'roundnum', 'patterns']);
    expect(PRICE_SPECS.every((s) => s.input === 'bar')).toBe(true);
  });

  it('reads the outputs in the declared order (swings with n = 1, left = 1)', () => {
    const bars = table([
      [9.5, 10, 8, 9],
      [9.2, 12, 9, 11],
      [11, 11, 9.5, 10],
      [10, 10.5, 8.5, 9],
      [9, 11, 9, 10.5],
    ]);
    const [high, low, label] = batch(spec('swings'), resolveParams(spec('swings'), [1, 1]), columnsOf(bars));
    expect([...high!]).toEqual([NaN, NaN, NaN, NaN, 12]);
    expect([...low!]).toEqual([NaN, NaN, NaN, NaN, 8.5]);
    expect([...label!]).toEqual([NaN, NaN, NaN, NaN, 0]);
  });

  it('checks parameters by name', () => {
    expect(() => resolveParams(spec('pivots'), [3])).toThrow(/pivots: parameter type = 3 is invalid/);
    expect(() => resolveParams(spec('vprofile'), [288, 10, 0])).toThrow(/parameter tick = 0 is invalid/);
    expect(resolveParams(spec('roundnum'), [])).toEqual([1, 14]);
  });
});
