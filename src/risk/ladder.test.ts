import { describe, expect, it } from 'vitest';
import { initialStop } from './initial-stop.js';
import { ladderTargets, runnerFraction } from './ladder.js';
import { parseRiskConfig } from './risk-config.js';
import { SOL } from './test-support/fixtures.js';

describe('take-profit ladder', () => {
  it('long at 100, ATR 2: 40 % at 102, 30 % at 103, 20 % at 105; the 10 % runner has no target', () => {
    expect(ladderTargets(100, 2, 'long')).toEqual([
      { price: 102, fraction: 0.4 },
      { price: 103, fraction: 0.3 },
      { price: 105, fraction: 0.2 },
    ]);
    expect(runnerFraction()).toBeCloseTo(0.1);
  });

  it('short at 100, ATR 2: 98, 97, 95', () => {
    expect(ladderTargets(100, 2, 'short').map((t) => t.price)).toEqual([98, 97, 95]);
  });

  it('rounds each target toward the entry on the tick grid', () => {
    expect(ladderTargets(100.003, 1.0007, 'long', undefined, SOL).map((t) => t.price)).toEqual([101, 101.5, 102.5]);
    expect(ladderTargets(100.003, 1.0007, 'short', undefined, SOL).map((t) => t.price)).toEqual([99.01, 98.51, 97.51]);
  });
});

describe('initial stop at 1.0–1.5 ATR', () => {
  const rule = parseRiskConfig().exits.initialStop;

  it('places a missing stop at 1.5 ATR', () => {
    expect(initialStop('long', 100, 2, undefined, rule)).toBe(97);
    expect(initialStop('short', 100, 2, undefined, rule)).toBe(103);
  });

  it('keeps a stop between 1.0 and 1.5 ATR, widens a closer one to 1.0 and tightens a farther one to 1.5', () => {
    expect(initialStop('long', 100, 2, 97.5, rule)).toBe(97.5);
    expect(initialStop('long', 100, 2, 99, rule)).toBe(98);
    expect(initialStop('long', 100, 2, 90, rule)).toBe(97);
    expect(initialStop('short', 100, 2, 100.5, rule)).toBe(102);
  });

  it('denies a stop on the wrong side; with the rule off, uses the stop as given and denies a missing one', () => {
    expect(initialStop('long', 100, 2, 101, rule)).toMatchObject({ approved: false, rule: 'stop' });
    expect(initialStop('long', 100, 2, Number.NaN, rule)).toMatchObject({ approved: false, rule: 'stop' });
    const off = { ...rule, enabled: false };
    expect(initialStop('long', 100, 2, 90, off)).toBe(90);
    expect(initialStop('long', 100, 2, undefined, off)).toMatchObject({ approved: false, rule: 'stop' });
  });
});
