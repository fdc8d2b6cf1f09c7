import { describe, expect, it } from 'vitest';
import { BYBIT_DEFAULT_FEES, parseSlippage, slip, tradingFee } from './costs.js';

const context = { price: 100, high: 102, low: 98, volume: 1000 };

describe('fees', () => {
  it('charges Bybit defaults: 0.055 % taker, 0.02 % maker of notional', () => {
    expect(tradingFee(BYBIT_DEFAULT_FEES, 150, 10, false)).toBeCloseTo(0.825, 12);
    expect(tradingFee(BYBIT_DEFAULT_FEES, 150, 10, true)).toBeCloseTo(0.3, 12);
  });
});

describe('slippage models', () => {
  it('fixed bps moves the price against the taker', () => {
    expect(slip({ kind: 'fixed', bps: 5 }, 'buy', 1, context)).toEqual({ price: 100.05, qty: 1 });
    expect(slip({ kind: 'fixed', bps: 5 }, 'sell', 1, context).price).toBeCloseTo(99.95, 12);
  });
  it('volatility-scaled costs a share of the candle range', () => {
    expect(slip({ kind: 'volatility', rangeFraction: 0.1 }, 'buy', 1, context).price).toBeCloseTo(100.4, 12);
  });
  it('participation caps the filled quantity and grows impact with its square root', () => {
    const model = { kind: 'participation', coefficient: 0.01, maxParticipation: 0.1 } as const;
    expect(slip(model, 'buy', 10, context)).toEqual({ price: 100 * (1 + 0.01 * Math.sqrt(0.01)), qty: 10 });
    const capped = slip(model, 'sell', 500, context);
    expect(capped.qty).toBe(100);
    expect(capped.price).toBeCloseTo(100 * (1 - 0.01 * Math.sqrt(0.1)), 12);
    expect(slip(model, 'buy', 5, { ...context, volume: 0 }).qty).toBe(0);
  });
  it('parses --slippage and names a bad value', () => {
    expect(parseSlippage('0')).toEqual({ kind: 'fixed', bps: 0 });
    expect(parseSlippage('5bps')).toEqual({ kind: 'fixed', bps: 5 });
    expect(parseSlippage('vol:0.05')).toEqual({ kind: 'volatility', rangeFraction: 0.05 });
    expect(parseSlippage('impact:0.1:0.05')).toEqual({ kind: 'participation', coefficient: 0.1, maxParticipation: 0.05 });
    expect(() => parseSlippage('fixed:-1')).toThrow('--slippage "fixed:-1": bps must be a number from 0 to 1000, got "-1"');
    expect(() => parseSlippage('lots')).toThrow(/expected 0, <n>bps/);
  });
});
