import { describe, expect, it } from 'vitest';
import { fundingPayment, initialMargin, isLiquidated, liquidationPrice, maintenanceMargin } from './margin.js';

describe('isolated margin', () => {
  const terms = { leverage: 10, maintenanceRate: 0.005 };
  it('computes IM, MM and the liquidation price of a long and a short (hand-worked)', () => {
    const long = { size: 2, entryPrice: 100 };
    expect(initialMargin(long, terms)).toBe(20);
    expect(maintenanceMargin(long, terms)).toBe(1);
    // 100 − (20 − 1) / 2 = 90.5
    expect(liquidationPrice(long, terms)).toBe(90.5);
    // Adding 5 USDT of margin moves it 2.5 lower.
    expect(liquidationPrice(long, terms, 5)).toBe(88);
    expect(liquidationPrice({ size: -2, entryPrice: 100 }, terms)).toBe(109.5);
    expect(liquidationPrice({ size: 1, entryPrice: 100 }, { leverage: 1, maintenanceRate: 0.005 })).toBeCloseTo(0.5, 12);
    expect(liquidationPrice({ size: 0, entryPrice: NaN }, terms)).toBeNaN();
  });
  it('liquidates when the adverse extreme reaches the price', () => {
    const long = { size: 2, entryPrice: 100 };
    expect(isLiquidated(long, 90.5, 101, 90.5)).toBe(true);
    expect(isLiquidated(long, 90.5, 101, 90.6)).toBe(false);
    expect(isLiquidated({ size: -1, entryPrice: 100 }, 109.5, 109.5, 99)).toBe(true);
  });
  it('charges funding to longs and pays shorts when the rate is positive', () => {
    expect(fundingPayment({ size: 2, entryPrice: 100 }, 110, 0.0001)).toBeCloseTo(0.022, 12);
    expect(fundingPayment({ size: -2, entryPrice: 100 }, 110, 0.0001)).toBeCloseTo(-0.022, 12);
    expect(fundingPayment({ size: 2, entryPrice: 100 }, 110, -0.0002)).toBeCloseTo(-0.044, 12);
  });
});
