import { describe, expect, it } from 'vitest';
import { parseRiskConfig, SIGNAL_CHECKS } from './risk-config.js';
import { validateSignal, type SignalCheckInput } from './signal-validator.js';
import { position, signal, T0 } from './test-support/fixtures.js';

const config = parseRiskConfig({ signals: { enabledSymbols: ['SOLUSDT', 'BTCUSDT'] } }).signals;

/** A 1-minute signal closed 30 s ago; everything in order. */
const ok: SignalCheckInput = {
  time: T0 + 90_000,
  symbol: 'SOLUSDT',
  side: 'long',
  signal: signal({ time: T0, level: 99 }),
  signalBarMs: 60_000,
  alreadyProcessed: false,
  symbolActive: true,
  levelPresent: true,
  positions: [position()],
  entryPrice: 100,
  stopPrice: 98,
  marketPrice: 100,
  balance: 100,
  minimumMargin: 1,
};
const check = (changes: Partial<SignalCheckInput>) => validateSignal({ ...ok, ...changes }, config);

describe('the ten-point signal validator', () => {
  it('passes an entry that meets every check', () => {
    expect(validateSignal(ok, config)).toBeUndefined();
  });

  it.each([
    ['symbolEnabled', { symbol: 'DOGEUSDT' }, 'DOGEUSDT is not enabled'],
    ['symbolActive', { symbolActive: false }, 'not trading on the venue'],
    ['signalAge', { time: T0 + 120_000 }, 'signal is 60 s old, the limit is 60 s'],
    ['alreadyProcessed', { alreadyProcessed: true }, 'already processed'],
    ['positionLimit', { positions: [1, 2, 3, 4, 5].map((i) => position({ symbol: `C${i}USDT` })) }, '5 positions open, the limit is 5'],
    ['duplicatePosition', { positions: [position({ symbol: 'SOLUSDT' })] }, 'a position on SOLUSDT is already open'],
    ['stopDistance', { stopPrice: 99.95 }, 'stop is 0.05 % from the entry, it must be above 0.05 %'],
    ['entryDeviation', { entryPrice: 101.01, stopPrice: 99 }, 'entry 101.01 is 1.01 % from the market 100'],
    ['levelPresent', { levelPresent: false }, 'the level 99 the signal relies on is gone'],
    ['enoughBalance', { balance: 0.5 }, 'balance 0.5 cannot pay the margin 1.00'],
  ] as const)('%s: denies %j', (rule, changes, reason) => {
    const denial = check(changes);
    expect(denial).toMatchObject({ approved: false, rule });
    expect(denial?.reason).toContain(reason);
  });

  it('measures a signal just under 60 s old as fresh, from its candle close', () => {
    expect(check({ time: T0 + 119_999 })).toBeUndefined();
    expect(check({ time: T0 + 59_999, signalBarMs: 0 })).toBeUndefined();
  });

  it('passes the signal-bound checks when an entry carries no signal, or the level cannot be told', () => {
    expect(check({ signal: undefined, time: T0 + 10 * 60_000, alreadyProcessed: false })).toBeUndefined();
    expect(check({ levelPresent: undefined })).toBeUndefined();
  });

  it('runs in order and reports the first failure', () => {
    expect(check({ symbolActive: false, balance: 0 })).toMatchObject({ rule: 'symbolActive' });
  });

  it('skips checks switched off by name; all symbols are enabled when no list is given', () => {
    const relaxed = parseRiskConfig({ signals: { disabledChecks: ['duplicatePosition', 'signalAge'] } }).signals;
    expect(validateSignal({ ...ok, symbol: 'DOGEUSDT', positions: [position({ symbol: 'DOGEUSDT' })], time: T0 + 3_600_000 }, relaxed)).toBeUndefined();
    expect(SIGNAL_CHECKS).toHaveLength(10);
  });
});
