import { describe, expect, it } from 'vitest';
import { PairScale } from './pair-scale.js';

describe('PairScale', () => {
  it('gives the seed settings at once and scales SOL dollars by them', () => {
    const eth = new PairScale().resolve('ETHUSDT', Number.NaN)!;
    expect(eth.minMove).toBe(30);
    expect(PairScale.usd(eth, 2)).toBe(30);
  });

  it('calibrates another pair from its first positive ATR and keeps those settings', () => {
    const scale = new PairScale();
    expect(scale.resolve('DOGEUSDT', Number.NaN)).toBeUndefined();
    const first = scale.resolve('DOGEUSDT', 0.001)!;
    // SOL's $2 is four of its 5m ATRs: the same four ATRs on DOGE.
    expect(first.minMove).toBe(0.004);
    expect(scale.resolve('DOGEUSDT', 0.5)).toBe(first);
  });
});
