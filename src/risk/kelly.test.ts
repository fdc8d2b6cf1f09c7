import { describe, expect, it } from 'vitest';
import { kellyEstimate, riskFraction } from './kelly.js';
import { parseRiskConfig } from './risk-config.js';
import { trade, trades } from './test-support/fixtures.js';

const sizing = parseRiskConfig().sizing;

describe('Kelly fraction', () => {
  it('win rate 60 %, payoff 2 → f* = 0.6 − 0.4 / 2 = 0.4', () => {
    const estimate = kellyEstimate(trades(6, 200, 4, 100));
    expect(estimate.winRate).toBeCloseTo(0.6);
    expect(estimate.payoff).toBeCloseTo(2);
    expect(estimate.kelly).toBeCloseTo(0.4);
  });

  it('no losses: f* = win rate; no wins: 0 (no edge); breakeven trades count but are not wins', () => {
    expect(kellyEstimate(trades(5, 10, 0, 0)).kelly).toBe(1);
    expect(kellyEstimate(trades(0, 0, 5, 10)).kelly).toBe(0);
    expect(kellyEstimate([trade(100), trade(-100), trade(0), trade(0)]).kelly).toBeCloseTo(0.25 - 0.75 / 1);
  });

  it('leaves out trades with a non-finite PnL', () => {
    expect(kellyEstimate([trade(100), trade(-50), trade(Number.NaN)]).trades).toBe(2);
  });
});

describe('risk fraction from Kelly', () => {
  it('uses the fixed 1 % until there are 20 trades', () => {
    expect(riskFraction(trades(10, 200, 9, 100), sizing)).toBe(0.01);
  });

  it('a quarter of Kelly: 50 % wins, payoff 1.1 → f* = 0.04545, a quarter = 1.136 %', () => {
    expect(riskFraction(trades(10, 110, 10, 100), sizing)).toBeCloseTo((0.5 - 0.5 / 1.1) / 4, 10);
  });

  it('never above 2 % of equity: f* = 0.4 → a quarter is 10 % → 2 %', () => {
    expect(riskFraction(trades(12, 200, 8, 100), sizing)).toBe(0.02);
  });

  it('no edge (f* < 0) → the floor, 0.25 %; a floor of 0 means no entry', () => {
    expect(riskFraction(trades(6, 100, 14, 100), sizing)).toBe(0.0025);
    expect(riskFraction(trades(6, 100, 14, 100), { ...sizing, kelly: { ...sizing.kelly, floor: 0 } })).toBe(0);
  });

  it('reads only the latest 50 trades', () => {
    const history = [...trades(0, 0, 30, 100), ...trades(25, 110, 25, 100)];
    expect(riskFraction(history, sizing)).toBeCloseTo((0.5 - 0.5 / 1.1) / 4, 10);
  });

  it('switched off: the fixed fraction', () => {
    expect(riskFraction(trades(12, 200, 8, 100), { ...sizing, kelly: { ...sizing.kelly, enabled: false } })).toBe(0.01);
  });
});
