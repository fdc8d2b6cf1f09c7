// Whatever numbers arrive (NaN, infinities, negatives), the risk engine answers instead of throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseExit } from './exits.js';
import { ladderTargets } from './ladder.js';
import { parseRiskConfig } from './risk-config.js';
import { RiskEngine } from './risk-engine.js';
import { enter, position, SOL, T0, view } from './test-support/fixtures.js';

const anyNumber = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 100, 1.6));
const exits = parseRiskConfig().exits;

describe('robustness on bad numbers', () => {
  it('review() and onMarket() never throw, and deny any entry whose market values are not usable', () => {
    fc.assert(
      fc.property(
        fc.record({ equity: anyNumber, balance: anyNumber, peakEquity: anyNumber, price: anyNumber, atr: anyNumber, baseAtr: anyNumber, oneMinuteMove: anyNumber, time: anyNumber }),
        fc.record({ stopLoss: anyNumber, limitPrice: fc.option(anyNumber, { nil: undefined }), notional: anyNumber }),
        (numbers, { stopLoss, limitPrice, notional }) => {
          const engine = new RiskEngine();
          const snapshot = view({ ...numbers, positions: [position({ notional })] });
          expect(() => engine.onMarket(snapshot)).not.toThrow();
          const decision = engine.review(enter({ stopLoss, limitPrice }), snapshot, SOL);
          const usable = [numbers.equity, numbers.price, numbers.atr, numbers.baseAtr].every((x) => Number.isFinite(x) && x > 0);
          if (!usable) expect(decision).toMatchObject({ approved: false, rule: 'invalidInput' });
          if (decision.approved && decision.intent.kind === 'enter') expect(SOL.qty.isOnGrid(decision.intent.qty)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adviseExit() never throws and never advises a non-finite stop', () => {
    fc.assert(
      fc.property(
        fc.record({ entryPrice: anyNumber, openedAt: anyNumber, stopLoss: anyNumber, initialStop: anyNumber, peakPrice: anyNumber }),
        fc.record({ time: anyNumber, price: anyNumber, atr: anyNumber, baseAtr: anyNumber, psar: anyNumber, lastSwing: anyNumber }),
        fc.constantFrom<'long' | 'short'>('long', 'short'),
        (p, market, side) => {
          const advice = adviseExit({ ...p, side }, market, exits, SOL);
          if (advice?.kind === 'moveStop') expect(Number.isFinite(advice.stopLoss)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('a time stop needs a real opening time, and a ladder a real entry and ATR', () => {
    const longAt100 = { side: 'long', entryPrice: 100, openedAt: Number.NaN, peakPrice: 100 } as const;
    expect(adviseExit(longAt100, { time: T0, price: 100, atr: 1 }, exits, SOL)).toBeUndefined();
    expect(ladderTargets(Number.NaN, 1, 'long')).toEqual([]);
    expect(ladderTargets(100, 0, 'long')).toEqual([]);
  });
});
