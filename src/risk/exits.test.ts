import { describe, expect, it } from 'vitest';
import type { ExitMarket, ManagedPosition } from './exit-inputs.js';
import { adviseExit, exitIntent } from './exits.js';
import { parseRiskConfig, type RiskConfigInput } from './risk-config.js';
import { HOUR, MINUTE, SOL, T0 } from './test-support/fixtures.js';

/** Long at 100 with ATR 1: initial stop 98.5 (1.5 ATR), opened at 10:00. */
const long: ManagedPosition = { side: 'long', entryPrice: 100, openedAt: T0, stopLoss: 98.5, initialStop: 98.5, peakPrice: 100 };
const short: ManagedPosition = { side: 'short', entryPrice: 100, openedAt: T0, stopLoss: 101.5, initialStop: 101.5, peakPrice: 100 };
const at = (price: number, more: Partial<ExitMarket> = {}): ExitMarket => ({ time: T0 + 30 * MINUTE, price, atr: 1, baseAtr: 1, ...more });

const allOff = { breakeven: { enabled: false }, psarTrail: { enabled: false }, givebackTrail: { enabled: false }, structureTrail: { enabled: false }, timeStop: { enabled: false }, volatilityStop: { enabled: false } };
/** Only the named exit rules on, so each scenario shows one rule. */
function only(exits: RiskConfigInput['exits'] = {}) {
  return parseRiskConfig({ exits: { ...allOff, ...exits } }).exits;
}
const advise = (position: ManagedPosition, market: ExitMarket, exits = parseRiskConfig().exits) => adviseExit(position, market, exits, SOL);

describe('breakeven', () => {
  const rule = only({ breakeven: { enabled: true } });

  it('moves the stop to the entry once the price has been +0.5 %', () => {
    expect(advise(long, at(100.4), rule)).toBeUndefined();
    expect(advise(long, at(100.5), rule)).toEqual({ kind: 'moveStop', stopLoss: 100, rule: 'breakeven', reason: 'breakeven after +0.5 %' });
    expect(advise(short, at(99.5), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 100 });
  });

  it('remembers the best price: +0.6 % earlier and +0.2 % now still moves to breakeven', () => {
    expect(advise({ ...long, peakPrice: 100.6 }, at(100.2), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 100 });
  });

  it('after a set R multiple instead: 1 R = 1.5, so +1.5 triggers and +1.4 does not', () => {
    const byR = only({ breakeven: { enabled: true, afterMovePct: null, afterR: 1 } });
    expect(advise(long, at(101.4), byR)).toBeUndefined();
    expect(advise(long, at(101.5), byR)).toMatchObject({ kind: 'moveStop', stopLoss: 100, reason: 'breakeven after 1 R' });
  });

  it('does nothing once the stop is already at breakeven, and closes when the price fell back through it', () => {
    expect(advise({ ...long, stopLoss: 100 }, at(100.6), rule)).toBeUndefined();
    expect(advise({ ...long, peakPrice: 100.7 }, at(99.9), rule)).toMatchObject({ kind: 'exit', rule: 'breakeven' });
  });
});

describe('trailing by Parabolic SAR', () => {
  const rule = only({ psarTrail: { enabled: true } });

  it('follows the SAR once the trade is 1 ATR in profit', () => {
    expect(advise(long, at(100.8, { psar: 100.2 }), rule)).toBeUndefined();
    expect(advise(long, at(101.2, { psar: 100.6 }), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 100.6, rule: 'psarTrail' });
  });

  it('never loosens: a SAR below the current stop is ignored', () => {
    expect(advise({ ...long, stopLoss: 100.7 }, at(101.2, { psar: 100.6 }), rule)).toBeUndefined();
  });

  it('closes when the SAR flips to the other side of the price', () => {
    expect(advise({ ...long, peakPrice: 101.5 }, at(101.2, { psar: 101.6 }), rule)).toMatchObject({ kind: 'exit', rule: 'psarTrail' });
  });

  it('ignores a missing or non-finite SAR', () => {
    expect(advise(long, at(101.2, { psar: Number.NaN }), rule)).toBeUndefined();
  });
});

describe('trailing by giving back at most 30 % of the peak profit', () => {
  const rule = only({ givebackTrail: { enabled: true } });

  it('peak 104 on a long from 100 → stop at 100 + 4 × 0.7 = 102.8', () => {
    expect(advise({ ...long, peakPrice: 104 }, at(103.5), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 102.8, rule: 'givebackTrail' });
  });

  it('short from 100, peak 96 → stop at 97.2', () => {
    expect(advise({ ...short, peakPrice: 96 }, at(96.5), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 97.2 });
  });

  it('closes when more than 30 % was given back before the stop could move', () => {
    expect(advise({ ...long, peakPrice: 104 }, at(102.7), rule)).toEqual({
      kind: 'exit',
      rule: 'givebackTrail',
      reason: 'trailing: give back at most 30 % of the peak profit: stop 102.8 crossed at 102.7',
    });
  });

  it('rounds the stop away from the entry: 100 + 1.207 × 0.7 = 100.8449 → 100.84 (long)', () => {
    expect(advise({ ...long, peakPrice: 101.207 }, at(101), rule)).toMatchObject({ stopLoss: 100.84 });
    expect(advise({ ...short, peakPrice: 98.793 }, at(99), rule)).toMatchObject({ stopLoss: 99.16 });
  });
});

describe('trailing by structure (the last swing)', () => {
  const rule = only({ structureTrail: { enabled: true } });

  it('sits 0.1 ATR behind the last swing low', () => {
    expect(advise({ ...long, peakPrice: 102 }, at(101.8, { lastSwing: 101.5 }), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 101.4, rule: 'structureTrail' });
  });

  it('closes when the price broke the swing', () => {
    expect(advise({ ...long, peakPrice: 102 }, at(101.3, { lastSwing: 101.5 }), rule)).toMatchObject({ kind: 'exit', rule: 'structureTrail' });
  });
});

describe('several rules at once', () => {
  it('takes the tightest stop: giveback 102.8 over SAR 102.0, structure 101.4 and breakeven 100', () => {
    const advice = advise({ ...long, peakPrice: 104 }, at(103.5, { psar: 102, lastSwing: 101.5 }));
    expect(advice).toMatchObject({ kind: 'moveStop', stopLoss: 102.8, rule: 'givebackTrail' });
  });

  it('turns an advice into the intent that carries it out', () => {
    expect(exitIntent({ kind: 'moveStop', stopLoss: 102.8, rule: 'givebackTrail', reason: 'r' })).toEqual({ kind: 'moveStop', stopLoss: 102.8 });
    expect(exitIntent({ kind: 'exit', rule: 'timeStop', reason: 'time' })).toEqual({ kind: 'exit', reason: 'time' });
  });

  it('gives no advice on non-finite market values', () => {
    expect(advise(long, at(Number.NaN))).toBeUndefined();
    expect(advise(long, at(101, { atr: Number.POSITIVE_INFINITY }))).toBeUndefined();
  });
});

describe('time stop: no progress in 2 h', () => {
  const rule = only({ timeStop: { enabled: true } });

  it('closes a trade still under +0.5 % after 2 h', () => {
    expect(advise(long, at(100.3, { time: T0 + 2 * HOUR - 1 }), rule)).toBeUndefined();
    expect(advise(long, at(100.3, { time: T0 + 2 * HOUR }), rule)).toMatchObject({ kind: 'exit', rule: 'timeStop' });
    expect(advise(short, at(99.9, { time: T0 + 3 * HOUR }), rule)).toMatchObject({ kind: 'exit', rule: 'timeStop' });
  });

  it('keeps a trade that made progress', () => {
    expect(advise(long, at(100.6, { time: T0 + 2 * HOUR }), rule)).toBeUndefined();
  });
});

describe('volatility stop', () => {
  const rule = only({ volatilityStop: { enabled: true } });

  it('widens the initial stop on a spike: ATR 2.2× usual → distance 1.5 × 1.5 (capped) → 97.75', () => {
    expect(advise(long, at(99.5, { atr: 2.2 }), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 97.75, rule: 'volatilityStop' });
    expect(advise(short, at(100.5, { atr: 2.2 }), rule)).toMatchObject({ kind: 'moveStop', stopLoss: 102.25 });
  });

  it('ATR 1.9× usual is no spike; with maxWidening 3, ATR 2× widens the 1.5 distance to 3 → 97', () => {
    expect(advise(long, at(99.5, { atr: 1.9 }), rule)).toBeUndefined();
    expect(advise(long, at(99.5, { atr: 2, baseAtr: 1 }), only({ volatilityStop: { enabled: true, maxWidening: 3 } }))).toMatchObject({ stopLoss: 97 });
  });

  it('does not widen a stop that already locks in the entry, nor one already widened', () => {
    expect(advise({ ...long, stopLoss: 100 }, at(100.2, { atr: 2.2 }), rule)).toBeUndefined();
    expect(advise({ ...long, stopLoss: 97.75 }, at(99.5, { atr: 2.2 }), rule)).toBeUndefined();
  });

  it('while a spike lasts, only breakeven may tighten the stop again', () => {
    const both = only({ volatilityStop: { enabled: true }, breakeven: { enabled: true }, givebackTrail: { enabled: true } });
    expect(advise({ ...long, stopLoss: 97.75, peakPrice: 100.4 }, at(100.3, { atr: 2.2 }), both)).toBeUndefined();
    expect(advise({ ...long, stopLoss: 97.75 }, at(100.6, { atr: 2.2 }), both)).toMatchObject({ kind: 'moveStop', stopLoss: 100, rule: 'breakeven' });
  });
});
