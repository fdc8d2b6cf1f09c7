import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInstrument, InstrumentRules, SOLUSDT_DEFAULT } from '../domain/instrument.js';
import { isDenial } from './decision.js';
import { openRisk, totalExposure } from './exposure.js';
import { parseRiskConfig } from './risk-config.js';
import type { OpenPosition } from './risk-view.js';
import { sizePosition, type SizingRequest } from './sizing.js';
import { position, SOL } from './test-support/fixtures.js';

const defaults = parseRiskConfig();
const noExposureCaps = parseRiskConfig({ protections: { exposure: { enabled: false } } });

function request(overrides: Partial<SizingRequest> = {}): SizingRequest {
  return { symbol: 'SOLUSDT', side: 'long', entryPrice: 100, stopPrice: 98, equity: 10_000, balance: 10_000, riskFraction: 0.01, scale: 1, positions: [], market: true, ...overrides };
}

describe('fixed-fractional sizing', () => {
  it('equity 10,000, stop 2 % away, risk 1 % → qty = 10,000 × 1 % / (100 × 2 %) = 50', () => {
    expect(sizePosition(request(), defaults, SOL)).toMatchObject({ qty: 50, risk: 100 });
  });

  it('rounds down to the lot grid: a 3 % stop gives 100 / 3 = 33.33 → 33.3', () => {
    expect(sizePosition(request({ stopPrice: 97 }), defaults, SOL)).toMatchObject({ qty: 33.3, limitedBy: 'risk' });
  });

  it('sizes a short the same way, with the stop above the entry', () => {
    expect(sizePosition(request({ side: 'short', stopPrice: 102 }), defaults, SOL)).toMatchObject({ qty: 50 });
  });

  it('multiplies the risk by the scale: half scale → 25', () => {
    expect(sizePosition(request({ scale: 0.5 }), defaults, SOL)).toMatchObject({ qty: 25, risk: 50 });
  });

  it('never risks more than maxRiskPerTrade (2 %), whatever fraction is asked for', () => {
    expect(sizePosition(request({ riskFraction: 0.05 }), noExposureCaps, SOL)).toMatchObject({ qty: 100, risk: 200, limitedBy: 'risk' });
  });

  it('denies a stop on the wrong side of the entry', () => {
    expect(sizePosition(request({ stopPrice: 101 }), defaults, SOL)).toMatchObject({ approved: false, rule: 'stop' });
    expect(sizePosition(request({ stopPrice: 100 }), defaults, SOL)).toMatchObject({ approved: false, rule: 'stop' });
  });

  it('denies non-finite numbers instead of sizing them', () => {
    expect(sizePosition(request({ equity: Number.NaN }), defaults, SOL)).toMatchObject({ approved: false, rule: 'invalidInput' });
    expect(sizePosition(request({ entryPrice: Number.POSITIVE_INFINITY }), defaults, SOL)).toMatchObject({ approved: false, rule: 'invalidInput' });
  });
});

describe('limits that cut the size', () => {
  it('at most 10 % of equity at risk at once: 950 already at risk leaves 50 → 25 at a 2-wide stop', () => {
    const atRisk = [position({ size: 0.95, entryPrice: 50_000, stopLoss: 49_000, notional: 47_500 })];
    expect(openRisk(atRisk)).toBeCloseTo(950);
    const sized = sizePosition(request({ positions: atRisk }), parseRiskConfig({ protections: { exposure: { maxTotal: 1 } } }), SOL);
    expect(sized).toMatchObject({ qty: 25, limitedBy: 'openRisk' });
  });

  it('at most 5 % of equity per position (as margin at 10×): a tight stop is capped at 500 / 10 = 50', () => {
    expect(sizePosition(request({ stopPrice: 99.5 }), defaults, SOL)).toMatchObject({ qty: 50, limitedBy: 'positionExposure' });
  });

  it('at most 50 % total exposure: 4,700 of margin open leaves 300 → 30', () => {
    const open = [position({ notional: 47_000, stopLoss: 50_000 })];
    expect(totalExposure(open, defaults.sizing)).toBe(4_700);
    expect(sizePosition(request({ positions: open }), defaults, SOL)).toMatchObject({ qty: 30, limitedBy: 'totalExposure' });
  });

  it('measures exposure as notional when configured: 5 % of 10,000 is 500 of notional → 5', () => {
    const byNotional = parseRiskConfig({ sizing: { exposureBasis: 'notional' } });
    expect(sizePosition(request(), byNotional, SOL)).toMatchObject({ qty: 5, limitedBy: 'positionExposure' });
  });

  it('margin check: a balance of 200 at 10× buys at most 2,000 of notional → 20', () => {
    expect(sizePosition(request({ balance: 200 }), defaults, SOL)).toMatchObject({ qty: 20, limitedBy: 'margin' });
  });

  it("the instrument's order limit: market 15,954, limit 79,770.1", () => {
    const huge = request({ equity: 1e6, balance: 1e9, stopPrice: 99.99 });
    expect(sizePosition(huge, noExposureCaps, SOL)).toMatchObject({ qty: 15_954, limitedBy: 'maxOrderQty' });
    expect(sizePosition({ ...huge, market: false }, noExposureCaps, SOL)).toMatchObject({ qty: 79_770.1, limitedBy: 'maxOrderQty' });
  });

  it('leverage check: 150× is denied where the instrument allows 100×', () => {
    expect(sizePosition(request(), parseRiskConfig({ sizing: { leverage: 150 } }), SOL)).toMatchObject({ approved: false, rule: 'leverage' });
  });

  it('denies, naming the limit, when what is left is below the minimum order', () => {
    const atRisk = [position({ size: 0.9999, stopLoss: 49_000, notional: 1 })];
    const sized = sizePosition(request({ positions: atRisk }), defaults, SOL);
    expect(sized).toMatchObject({ approved: false, rule: 'openRisk' });
    expect(isDenial(sized) && sized.reason).toContain('openRisk limits SOLUSDT to 0.05, not a valid order');
  });

  it('denies an order below the minimum notional (5 USDT)', () => {
    const sized = sizePosition(request({ entryPrice: 10, stopPrice: 9, equity: 20, balance: 20 }), noExposureCaps, SOL);
    expect(sized).toMatchObject({ approved: false, rule: 'risk' });
    expect(isDenial(sized) && sized.reason).toContain('minNotional');
  });
});

describe('sizing laws (property)', () => {
  const BTC = new InstrumentRules(createInstrument({ ...SOLUSDT_DEFAULT, symbol: 'BTCUSDT', baseCoin: 'BTC', tickSize: '0.1', qtyStep: '0.001', minOrderQty: '0.001', maxOrderQty: '1190', maxMarketOrderQty: '119' }));
  const config = defaults;
  const positionArb: fc.Arbitrary<OpenPosition> = fc
    .record({ notional: fc.integer({ min: 0, max: 20_000 }), stopShare: fc.integer({ min: 0, max: 500 }).map((bp) => bp / 10_000) })
    .map(({ notional, stopShare }) => position({ size: notional / 50_000, notional, stopLoss: 50_000 * (1 - stopShare) }));
  /** Evenly spread over [min, max] in `steps` steps (fc.double favours the ends, where almost everything is denied). */
  const spread = (min: number, max: number, steps = 10_000) => fc.integer({ min: 0, max: steps }).map((i) => min + ((max - min) * i) / steps);
  const requestArb = fc.record({
    rules: fc.constantFrom(SOL, BTC),
    side: fc.constantFrom<'long' | 'short'>('long', 'short'),
    entryPrice: fc.oneof(spread(0.5, 200), spread(200, 100_000), fc.double({ min: 0.5, max: 100_000, noNaN: true })),
    stopShare: spread(0.0005, 0.3),
    equity: fc.oneof(spread(50, 20_000), spread(20_000, 5_000_000)),
    balanceShare: spread(0, 1),
    riskFraction: spread(0, 0.5),
    scale: spread(0, 2),
    positions: fc.array(positionArb, { maxLength: 4 }),
  });

  it('a sized quantity is on the lot grid, risks at most maxRiskPerTrade and stays inside every exposure cap', () => {
    fc.assert(
      fc.property(requestArb, ({ rules, side, entryPrice, stopShare, equity, balanceShare, riskFraction, scale, positions }) => {
        const stopPrice = side === 'long' ? entryPrice * (1 - stopShare) : entryPrice * (1 + stopShare);
        const balance = equity * balanceShare;
        const sized = sizePosition({ symbol: 'X', side, entryPrice, stopPrice, equity, balance, riskFraction, scale, positions, market: true }, config, rules);
        if (isDenial(sized)) return;
        const slack = 1 + 1e-9;
        const margin = (sized.qty * entryPrice) / config.sizing.leverage;
        expect(rules.qty.isOnGrid(sized.qty)).toBe(true);
        expect(sized.qty).toBeGreaterThan(0);
        expect(sized.risk).toBeLessThanOrEqual(equity * config.sizing.maxRiskPerTrade * slack);
        expect(sized.risk + openRisk(positions)).toBeLessThanOrEqual(Math.max(openRisk(positions), equity * 0.1) * slack);
        expect(margin).toBeLessThanOrEqual(equity * 0.05 * slack);
        expect(margin + totalExposure(positions, config.sizing)).toBeLessThanOrEqual(Math.max(totalExposure(positions, config.sizing), equity * 0.5) * slack);
        expect(margin).toBeLessThanOrEqual(balance * slack);
      }),
      { numRuns: 2_000 },
    );
  });
});
