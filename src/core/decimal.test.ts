// Exact step math: the float traps by example, then the rounding laws as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDecimals,
  decimalFromNumber,
  formatDecimal,
  normalizeDecimal,
  parseDecimal,
  ROUNDINGS,
  StepGrid,
} from './decimal.js';
import type { Rounding } from './decimal.js';
import { InputError } from './errors.js';

describe('parseDecimal', () => {
  it.each([
    ['126.64', 12664n, 2],
    ['-0.001', -1n, 3],
    ['25', 25n, 0],
    ['1e-7', 1n, 7],
    ['1.5E+3', 1500n, 0],
    ['.5', 5n, 1],
    ['-.5', -5n, 1],
    ['+2.50', 250n, 2],
    ['5.', 5n, 0],
    ['0', 0n, 0],
    ['-0', 0n, 0],
    ['1.25e1', 125n, 1],
    ['12e-1', 12n, 1],
    ['007.10', 710n, 2],
  ])('%s → %s / 10^%s', (text, mantissa, scale) => {
    expect(parseDecimal(text)).toEqual({ mantissa, scale });
  });

  it.each(['', 'abc', '1.2.3', 'NaN', 'Infinity', '-Infinity', '.', '-', 'e5', '1e', ' 1', '1 ', '0x10', '1,5', '1e99999'])(
    'rejects %j naming the text',
    (text) => {
      expect(() => parseDecimal(text)).toThrow(InputError);
      expect(() => parseDecimal(text)).toThrow(JSON.stringify(text));
    },
  );

  it('rejects non-strings from untyped callers', () => {
    expect(() => parseDecimal(undefined as unknown as string)).toThrow(InputError);
    expect(() => parseDecimal(12 as unknown as string)).toThrow(InputError);
  });
});

describe('decimalFromNumber', () => {
  it('takes the shortest round-trip representation', () => {
    expect(decimalFromNumber(126.64)).toEqual({ mantissa: 12664n, scale: 2 });
    expect(decimalFromNumber(0.1 + 0.2)).toEqual({ mantissa: 30000000000000004n, scale: 17 });
    expect(decimalFromNumber(1e-7)).toEqual({ mantissa: 1n, scale: 7 });
    expect(decimalFromNumber(1.5e21)).toEqual({ mantissa: 1500000000000000000000n, scale: 0 });
    expect(decimalFromNumber(-0)).toEqual({ mantissa: 0n, scale: 0 });
    expect(decimalFromNumber(-2.5)).toEqual({ mantissa: -25n, scale: 1 });
  });

  it.each([NaN, Infinity, -Infinity])('rejects %s', (x) => {
    expect(() => decimalFromNumber(x)).toThrow(InputError);
    expect(() => decimalFromNumber(x)).toThrow(String(x));
  });
});

describe('formatDecimal, compareDecimals, normalizeDecimal', () => {
  it('formats with exactly scale digits', () => {
    expect(formatDecimal({ mantissa: 5n, scale: 2 })).toBe('0.05');
    expect(formatDecimal({ mantissa: -3n, scale: 2 })).toBe('-0.03');
    expect(formatDecimal({ mantissa: 12660n, scale: 2 })).toBe('126.60');
    expect(formatDecimal({ mantissa: 0n, scale: 3 })).toBe('0.000');
    expect(formatDecimal({ mantissa: 42n, scale: 0 })).toBe('42');
  });

  it('compares across scales', () => {
    expect(compareDecimals(parseDecimal('0.10'), parseDecimal('0.1'))).toBe(0);
    expect(compareDecimals(parseDecimal('-0.2'), parseDecimal('-0.19'))).toBe(-1);
    expect(compareDecimals(parseDecimal('1e3'), parseDecimal('999.999'))).toBe(1);
  });

  it('drops trailing zeros', () => {
    expect(normalizeDecimal(parseDecimal('0.100'))).toEqual({ mantissa: 1n, scale: 1 });
    expect(normalizeDecimal(parseDecimal('100'))).toEqual({ mantissa: 100n, scale: 0 });
    expect(normalizeDecimal(parseDecimal('0.000'))).toEqual({ mantissa: 0n, scale: 0 });
  });
});

describe('StepGrid construction', () => {
  it.each([
    ['0.01', '0.01', 2],
    ['0.5', '0.5', 1],
    ['0.0001', '0.0001', 4],
    ['0.001', '0.001', 3],
    ['1', '1', 0],
    ['25', '25', 0],
    ['0.10', '0.1', 1],
    ['1e-7', '0.0000001', 7],
    ['1E2', '100', 0],
  ])('step %s → %s with %s decimals', (text, step, decimals) => {
    const grid = new StepGrid(text);
    expect(grid.step).toBe(step);
    expect(grid.decimals).toBe(decimals);
  });

  it.each(['0', '0.000', '-0.01', '-1', 'abc', '', '1.2.3', 'NaN'])('rejects step %j naming it', (text) => {
    expect(() => new StepGrid(text)).toThrow(InputError);
    expect(() => new StepGrid(text)).toThrow(JSON.stringify(text));
  });
});

describe('StepGrid conversions', () => {
  const cents = new StepGrid('0.01');

  it('values on the grid are exact in every direction, where float division is not', () => {
    // The float traps being avoided: 0.29 / 0.01 and 0.3 / 0.1 fall just short of the whole step.
    expect(Math.floor(0.29 / 0.01)).toBe(28);
    expect(Math.floor(0.3 / 0.1)).toBe(2);
    for (const rounding of ROUNDINGS) {
      expect(cents.toSteps(0.29, rounding)).toBe(29);
      expect(cents.toSteps(1.13, rounding)).toBe(113);
      expect(cents.toSteps(4.35, rounding)).toBe(435);
      expect(new StepGrid('0.1').toSteps(0.3, rounding)).toBe(3);
    }
    for (const rounding of ROUNDINGS) {
      expect(cents.toSteps(126.64, rounding)).toBe(12664);
      expect(cents.toSteps('126.64', rounding)).toBe(12664);
    }
    expect(cents.isOnGrid(126.64)).toBe(true);
  });

  it('0.1 + 0.2 is taken at face value: just above 0.30', () => {
    const x = 0.1 + 0.2;
    expect(cents.isOnGrid(x)).toBe(false);
    expect(cents.round(x, 'down')).toBe(0.3);
    expect(cents.round(x, 'halfUp')).toBe(0.3);
    expect(cents.round(x, 'up')).toBe(0.31);
    expect(new StepGrid('0.1').toSteps(0.1 + 0.2, 'halfEven')).toBe(3);
  });

  it('1.005 is a tie at the shortest decimal, whatever its double is', () => {
    expect(cents.toSteps(1.005, 'halfUp')).toBe(101);
    expect(cents.toSteps(1.005, 'halfEven')).toBe(100);
    expect(cents.toSteps(-1.005, 'halfUp')).toBe(-101);
    expect(cents.toSteps(-1.005, 'halfEven')).toBe(-100);
    expect(cents.toSteps(1.015, 'halfEven')).toBe(102);
    expect(cents.toSteps('1.0050000001', 'halfEven')).toBe(101);
  });

  it('every direction on a value between ticks, positive and negative', () => {
    const expected: Record<Rounding, [number, number]> = {
      down: [1234, -1235],
      up: [1235, -1234],
      towardZero: [1234, -1234],
      awayFromZero: [1235, -1235],
      halfUp: [1235, -1235],
      halfEven: [1234, -1234],
    };
    for (const rounding of ROUNDINGS) {
      expect([cents.toSteps('12.345', rounding), cents.toSteps('-12.345', rounding)]).toEqual(expected[rounding]);
    }
    expect(cents.toSteps('12.3451', 'halfEven')).toBe(1235);
    expect(cents.toSteps('-12.3451', 'halfEven')).toBe(-1235);
    expect(cents.toSteps('12.344', 'halfUp')).toBe(1234);
    expect(cents.toSteps('12.346', 'halfEven')).toBe(1235);
  });

  it('large BTC prices on a 0.1 tick', () => {
    const tick = new StepGrid('0.1');
    expect(tick.toSteps(111937.5, 'down')).toBe(1119375);
    expect(tick.toSteps(111937.55, 'down')).toBe(1119375);
    expect(tick.toSteps(111937.55, 'up')).toBe(1119376);
    expect(tick.toSteps(111937.55, 'halfEven')).toBe(1119376);
    expect(tick.toString(1119375)).toBe('111937.5');
    expect(tick.round(111937.49, 'halfUp')).toBe(111937.5);
    expect(new StepGrid('0.10').toString(1119375)).toBe('111937.5');
  });

  it('tiny steps and exponent inputs', () => {
    const tiny = new StepGrid('0.0001');
    expect(tiny.toSteps(0.0003, 'down')).toBe(3);
    expect(tiny.toSteps('3e-4', 'up')).toBe(3);
    expect(tiny.toSteps(1e-7, 'down')).toBe(0);
    expect(tiny.toSteps(1e-7, 'up')).toBe(1);
    expect(tiny.toSteps(-1e-7, 'down')).toBe(-1);
    expect(tiny.toSteps(-1e-7, 'up')).toBe(0);
    expect(tiny.toSteps('1.5E+3', 'down')).toBe(15_000_000);
    expect(tiny.toString(1)).toBe('0.0001');
    expect(tiny.toString(123456789)).toBe('12345.6789');
    expect(new StepGrid('1e-7').toString(3)).toBe('0.0000003');
  });

  it('toString writes exactly the step decimals', () => {
    expect(cents.toString(12664)).toBe('126.64');
    expect(cents.toString(5)).toBe('0.05');
    expect(cents.toString(-3)).toBe('-0.03');
    expect(cents.toString(0)).toBe('0.00');
    expect(cents.toString(-0)).toBe('0.00');
    expect(cents.toString(12660)).toBe('126.60');
    expect(new StepGrid('0.5').toString(3)).toBe('1.5');
    expect(new StepGrid('0.5').toString(4)).toBe('2.0');
    expect(new StepGrid('25').toString(4)).toBe('100');
    expect(new StepGrid('1').toString(-7)).toBe('-7');
  });

  it('toString and toNumber reject non-integer steps', () => {
    for (const bad of [1.5, NaN, Infinity, -0.1]) {
      expect(() => cents.toString(bad)).toThrow(InputError);
      expect(() => cents.toNumber(bad)).toThrow(InputError);
    }
  });

  it('steps off grids that are not powers of ten', () => {
    const half = new StepGrid('0.5');
    expect(half.toSteps(1.74, 'halfUp')).toBe(3);
    expect(half.toSteps(1.75, 'halfUp')).toBe(4);
    expect(half.toSteps(1.75, 'halfEven')).toBe(4);
    expect(half.toSteps(1.25, 'halfEven')).toBe(2);
    expect(half.isOnGrid('2.5')).toBe(true);
    expect(half.isOnGrid(2.25)).toBe(false);
    const lot = new StepGrid('25');
    expect(lot.toSteps(110, 'down')).toBe(4);
    expect(lot.toSteps(110, 'up')).toBe(5);
    expect(lot.toSteps(-110, 'towardZero')).toBe(-4);
    expect(lot.toSteps(-110, 'awayFromZero')).toBe(-5);
    expect(lot.round(137.5, 'halfUp')).toBe(150);
    expect(lot.round(137.5, 'halfEven')).toBe(150);
    expect(lot.round(112.5, 'halfEven')).toBe(100);
  });

  it('toNumber is the nearest double; round combines both', () => {
    expect(cents.toNumber(12664)).toBe(126.64);
    expect(new StepGrid('0.1').toNumber(3)).toBe(0.3);
    expect(cents.round('126.649', 'down')).toBe(126.64);
    expect(cents.round(-126.641, 'down')).toBe(-126.65);
  });

  it('refuses step counts beyond Number.MAX_SAFE_INTEGER and garbage values', () => {
    expect(() => cents.toSteps(1e300, 'down')).toThrow(/MAX_SAFE_INTEGER/);
    expect(() => cents.toSteps('-1e20', 'down')).toThrow(InputError);
    expect(cents.toSteps('90071992547409.91', 'down')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => cents.toSteps('90071992547409.911', 'up')).toThrow(InputError);
    expect(() => new StepGrid('1').toSteps(String(2 ** 53), 'down')).toThrow(InputError);
    expect(() => cents.toSteps(NaN, 'down')).toThrow(InputError);
    expect(() => cents.toSteps('abc', 'down')).toThrow('"abc"');
    expect(() => cents.isOnGrid(Infinity)).toThrow(InputError);
  });

  it('rejects an unknown rounding from untyped callers', () => {
    expect(() => cents.toSteps('1.234', 'nearest' as Rounding)).toThrow(InputError);
  });
});

// ---- properties -------------------------------------------------------------------------------

const STEPS = ['0.01', '0.1', '0.5', '0.0001', '0.001', '0.00001', '1', '5', '25', '0.025', '0.05', '1e-7'];
const grids = fc.constantFrom(...STEPS).map((step) => new StepGrid(step));
const roundings = fc.constantFrom(...ROUNDINGS);
const stepCounts = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(Number);
/** A decimal of magnitude up to 1e8 (at most 1e15 steps of 1e-7) with 0–12 fraction digits, as mantissa/scale. */
const decimals = fc
  .integer({ min: 0, max: 12 })
  .chain((scale) =>
    fc.bigInt({ min: -(10n ** BigInt(scale + 8)), max: 10n ** BigInt(scale + 8) }).map((mantissa) => ({ mantissa, scale })),
  );

/** Exact (k·step − v) scaled to an integer, computed without the module's helpers. */
function scaledGap(grid: StepGrid, k: number, v: { mantissa: bigint; scale: number }): { gap: bigint; unit: bigint } {
  const scale = Math.max(grid.decimals, v.scale);
  const stepScaled = BigInt(grid.step.replace('.', '')) * 10n ** BigInt(scale - grid.decimals);
  const valueScaled = v.mantissa * 10n ** BigInt(scale - v.scale);
  return { gap: BigInt(k) * stepScaled - valueScaled, unit: stepScaled };
}

describe('StepGrid properties', () => {
  it('(a) steps → toString → toSteps is the identity, from strings and from doubles', () => {
    fc.assert(
      fc.property(grids, stepCounts, roundings, (grid, k, rounding) => {
        expect(grid.toSteps(grid.toString(k), rounding)).toBe(k);
        expect(grid.toSteps(grid.toNumber(k), rounding)).toBe(k);
        expect(grid.isOnGrid(grid.toString(k))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('(b) down(v) ≤ v ≤ up(v), and up − down is 0 on the grid, one step off it', () => {
    fc.assert(
      fc.property(grids, decimals, (grid, v) => {
        const text = formatDecimal(v);
        const down = grid.toSteps(text, 'down');
        const up = grid.toSteps(text, 'up');
        expect(scaledGap(grid, down, v).gap <= 0n).toBe(true);
        expect(scaledGap(grid, up, v).gap >= 0n).toBe(true);
        const onGrid = scaledGap(grid, down, v).gap === 0n;
        expect(grid.isOnGrid(text)).toBe(onGrid);
        expect(up - down).toBe(onGrid ? 0 : 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('(c) halfUp and halfEven lie within half a step, ties broken as named', () => {
    fc.assert(
      fc.property(grids, decimals, (grid, v) => {
        const text = formatDecimal(v);
        for (const rounding of ['halfUp', 'halfEven'] as const) {
          const k = grid.toSteps(text, rounding);
          const { gap, unit } = scaledGap(grid, k, v);
          const twice = 2n * (gap < 0n ? -gap : gap);
          expect(twice <= unit).toBe(true);
          if (twice === unit) {
            if (rounding === 'halfEven') expect(Math.abs(k % 2)).toBe(0);
            else expect(Math.abs(k)).toBeGreaterThan(Math.abs(k - Math.sign(k)));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('(d) rounding is idempotent', () => {
    fc.assert(
      fc.property(grids, decimals, roundings, roundings, (grid, v, first, second) => {
        const k = grid.toSteps(formatDecimal(v), first);
        expect(grid.toSteps(grid.toString(k), second)).toBe(k);
        expect(grid.round(grid.round(formatDecimal(v), first), second)).toBe(grid.toNumber(k));
      }),
      { numRuns: 2000 },
    );
  });

  it('(e) negation mirrors: towardZero, awayFromZero, halves are odd functions; down(−v) = −up(v)', () => {
    fc.assert(
      fc.property(grids, decimals, (grid, v) => {
        const text = formatDecimal(v);
        const negated = formatDecimal({ mantissa: -v.mantissa, scale: v.scale });
        for (const rounding of ['towardZero', 'awayFromZero', 'halfUp', 'halfEven'] as const) {
          expect(grid.toSteps(negated, rounding)).toBe(-grid.toSteps(text, rounding) || 0);
        }
        expect(grid.toSteps(negated, 'down')).toBe(-grid.toSteps(text, 'up') || 0);
        expect(grid.toSteps(negated, 'up')).toBe(-grid.toSteps(text, 'down') || 0);
        const zero = grid.toSteps(text, 'towardZero');
        const away = grid.toSteps(text, 'awayFromZero');
        if (v.mantissa >= 0n) {
          expect([zero, away]).toEqual([grid.toSteps(text, 'down'), grid.toSteps(text, 'up')]);
        } else {
          expect([zero, away]).toEqual([grid.toSteps(text, 'up'), grid.toSteps(text, 'down')]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('(f) toNumber(toSteps(x)) is parseFloat of the exact decimal, and the correctly rounded k·unit / 10^d', () => {
    fc.assert(
      fc.property(grids, decimals, roundings, (grid, v, rounding) => {
        const k = grid.toSteps(formatDecimal(v), rounding);
        const exact = grid.toString(k);
        expect(grid.toNumber(k)).toBe(parseFloat(exact));
        // IEEE division is correctly rounded, so for exact integer operands it is an independent oracle.
        const scaled = k * Number(grid.step.replace('.', ''));
        if (Number.isSafeInteger(scaled) && grid.decimals <= 22) {
          expect(grid.toNumber(k)).toBe(scaled / 10 ** grid.decimals || 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a double and its String() form give the same steps', () => {
    fc.assert(
      fc.property(grids, fc.double({ min: -1e8, max: 1e8, noNaN: true }), roundings, (grid, x, rounding) => {
        expect(grid.toSteps(x, rounding)).toBe(grid.toSteps(String(x), rounding));
      }),
      { numRuns: 1000 },
    );
  });

  it('the fast double path agrees with the exact one next to grid points and midpoints, ulp by ulp', () => {
    // Doubles a few ulps either side of k steps and of k + ½ steps: where a float shortcut would slip.
    const nudged = (x: number, ulps: number): number => {
      if (x === 0) return ulps * Number.MIN_VALUE;
      const bits = new Float64Array([x]);
      const view = new BigInt64Array(bits.buffer);
      view[0] = view[0]! + BigInt(x >= 0 ? ulps : -ulps);
      return bits[0]!;
    };
    fc.assert(
      fc.property(grids, fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }).map(Number), fc.boolean(), fc.integer({ min: -3, max: 3 }), roundings, (grid, k, half, ulps, rounding) => {
        const base = half ? (grid.toNumber(k) + grid.toNumber(k + 1)) / 2 : grid.toNumber(k);
        const x = nudged(base, ulps);
        expect(grid.toSteps(x, rounding)).toBe(grid.toSteps(String(x), rounding));
        expect(grid.isOnGrid(x)).toBe(grid.isOnGrid(String(x)));
        expect(grid.round(x, rounding)).toBe(parseFloat(grid.toString(grid.toSteps(String(x), rounding))));
      }),
      { numRuns: 5000 },
    );
  });

  it('parseDecimal ∘ formatDecimal is the identity', () => {
    fc.assert(
      fc.property(decimals, (v) => {
        expect(parseDecimal(formatDecimal(v))).toEqual(v);
        expect(compareDecimals(parseDecimal(formatDecimal(v)), v)).toBe(0);
      }),
    );
  });
});
