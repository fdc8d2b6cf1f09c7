import { describe, expect, it } from 'vitest';
import { riskSizedQty } from './sizing.js';

describe('riskSizedQty', () => {
  it('loses riskPct of equity at the stop, capped by exposure, and sizes nothing it cannot', () => {
    expect(riskSizedQty(10_000, { riskPct: 1, maxExposurePct: 100 }, 100, 2)).toBe(50);
    expect(riskSizedQty(10_000, { riskPct: 1, maxExposurePct: 100 }, 100, 0.5)).toBe(100);
    expect(riskSizedQty(10_000, { riskPct: 1, maxExposurePct: 100 }, 100, 0)).toBe(0);
    expect(riskSizedQty(0, { riskPct: 1, maxExposurePct: 100 }, 100, 1)).toBe(0);
  });
});
