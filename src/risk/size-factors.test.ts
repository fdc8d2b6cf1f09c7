import { describe, expect, it } from 'vitest';
import { correlatedPositions, correlationFactor } from './correlation.js';
import { parseRiskConfig } from './risk-config.js';
import { atrFactor, confluenceFactor } from './size-factors.js';
import { position } from './test-support/fixtures.js';

const { sizing } = parseRiskConfig();

describe('ATR normalisation (base ATR / current ATR)', () => {
  it('twice the usual ATR → half the size; calmer than usual never sizes up (max 1)', () => {
    expect(atrFactor(2, 1, sizing.atrNormalisation)).toBe(0.5);
    expect(atrFactor(0.5, 1, sizing.atrNormalisation)).toBe(1);
  });

  it('is bounded below by minFactor (0.25) and may size up when maxFactor allows', () => {
    expect(atrFactor(10, 1, sizing.atrNormalisation)).toBe(0.25);
    expect(atrFactor(0.5, 1, { ...sizing.atrNormalisation, maxFactor: 1.5 })).toBe(1.5);
    expect(atrFactor(2, 1, { ...sizing.atrNormalisation, enabled: false })).toBe(1);
  });
});

describe('confluence scaling (0.1–1.0)', () => {
  it('scales with signal strength, never below 0.1', () => {
    expect(confluenceFactor(0.6, sizing.confluence)).toBe(0.6);
    expect(confluenceFactor(0.02, sizing.confluence)).toBe(0.1);
    expect(confluenceFactor(1.4, sizing.confluence)).toBe(1);
    expect(confluenceFactor(Number.NaN, sizing.confluence)).toBe(0.1);
  });

  it('an entry without a signal gets full size; switched off, 1', () => {
    expect(confluenceFactor(undefined, sizing.confluence)).toBe(1);
    expect(confluenceFactor(0.3, { ...sizing.confluence, enabled: false })).toBe(1);
  });
});

describe('correlation adjustment', () => {
  const open = [position({ symbol: 'BTCUSDT', side: 'long' }), position({ symbol: 'ETHUSDT', side: 'short' }), position({ symbol: 'XRPUSDT', side: 'long' })];
  const rho = { BTCUSDT: 0.8, ETHUSDT: -0.9, XRPUSDT: 0.3 };

  it('counts positions that move with the entry: same side and ρ ≥ 0.7, or the other side and ρ ≤ −0.7', () => {
    const found = correlatedPositions('SOLUSDT', 'long', open, rho, 0.7);
    expect(found).toEqual([
      { symbol: 'BTCUSDT', effective: 0.8 },
      { symbol: 'ETHUSDT', effective: 0.9 },
    ]);
    expect(correlatedPositions('SOLUSDT', 'short', open, rho, 0.7)).toEqual([]);
  });

  it('shrinks the size to 1 / (1 + Σρ): 1 / (1 + 0.8 + 0.9)', () => {
    const found = correlatedPositions('SOLUSDT', 'long', open, rho, 0.7);
    expect(correlationFactor(found, sizing.correlation)).toBeCloseTo(1 / 2.7);
    expect(correlationFactor([], sizing.correlation)).toBe(1);
  });

  it('treats a position on the same symbol as fully correlated and a missing correlation as none', () => {
    expect(correlatedPositions('BTCUSDT', 'long', open, {}, 0.7)).toEqual([{ symbol: 'BTCUSDT', effective: 1 }]);
  });
});
