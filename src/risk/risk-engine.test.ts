import { describe, expect, it } from 'vitest';
import type { RiskEvent } from './events.js';
import { RiskEngine } from './risk-engine.js';
import { enter, HOUR, MINUTE, position, signal, SOL, T0, trade, view } from './test-support/fixtures.js';

describe('RiskEngine.review: entries', () => {
  it('sizes an entry, keeps its stop, rounds down to the lot grid and adds the take-profit ladder', () => {
    const decision = new RiskEngine().review(enter({ qty: 999 }), view(), SOL);
    expect(decision).toEqual({
      approved: true,
      intent: {
        kind: 'enter',
        side: 'long',
        qty: 50,
        stopLoss: 98,
        targets: [
          { price: 101.6, fraction: 0.4 },
          { price: 102.4, fraction: 0.3 },
          { price: 104, fraction: 0.2 },
        ],
      },
      sizing: { riskFraction: 0.01, atrFactor: 1, confluenceFactor: 1, correlationFactor: 1, protectionFactor: 1, risk: 100, limitedBy: 'risk' },
    });
  });

  it('keeps targets the strategy set itself', () => {
    const decision = new RiskEngine().review(enter({ takeProfit: 103 }), view(), SOL);
    expect(decision.approved && decision.intent).toMatchObject({ takeProfit: 103 });
    expect(decision.approved && decision.intent.kind === 'enter' && decision.intent.targets).toBe(undefined);
  });

  it('ATR twice the usual: stop widened to 1 ATR (96.8), risk halved; signal strength 0.6 → 100 × 0.5 × 0.6 / 3.2 = 9.375 → 9.3', () => {
    const decision = new RiskEngine().review(enter({ signal: signal({ strength: 0.6 }) }), view({ atr: 3.2 }), SOL);
    expect(decision).toMatchObject({ approved: true, intent: { qty: 9.3, stopLoss: 96.8 }, sizing: { atrFactor: 0.5, confluenceFactor: 0.6 } });
  });

  it('places a stop at 1.5 ATR when the strategy gave none: 100 − 2.4 = 97.6', () => {
    const decision = new RiskEngine().review(enter({ stopLoss: undefined }), view(), SOL);
    expect(decision).toMatchObject({ approved: true, intent: { stopLoss: 97.6, qty: 41.6 } });
  });

  it('a correlated open position (ρ 0.8, same side) shrinks the size to 1 / 1.8: 50 / 1.8 = 27.7', () => {
    const decision = new RiskEngine().review(enter(), view({ positions: [position()], correlations: { BTCUSDT: 0.8 } }), SOL);
    expect(decision).toMatchObject({ approved: true, intent: { qty: 27.7 } });
  });

  it('at most 3 correlated positions: a fourth is denied', () => {
    const open = ['BTCUSDT', 'ETHUSDT', 'XRPUSDT'].map((symbol) => position({ symbol }));
    const decision = new RiskEngine().review(enter(), view({ positions: open, correlations: { BTCUSDT: 0.9, ETHUSDT: 0.8, XRPUSDT: 0.75 } }), SOL);
    expect(decision).toMatchObject({ approved: false, rule: 'correlatedPositions' });
  });

  it('uses Kelly once there are 20 trades: 60 % wins at payoff 2 → 2 % risk (qty 100), then the 5 % exposure cap → 50', () => {
    const history = Array.from({ length: 20 }, (_, i) => trade(i % 5 < 3 ? 200 : -100, T0 - (20 - i) * MINUTE));
    const decision = new RiskEngine().review(enter(), view({ recentTrades: history }), SOL);
    expect(decision).toMatchObject({ approved: true, intent: { qty: 50 }, sizing: { riskFraction: 0.02, limitedBy: 'positionExposure' } });
  });

  it('minimum balance 10 USDT: 9.99 is denied, 10 buys 1 SOL at 10×', () => {
    const engine = new RiskEngine();
    expect(engine.review(enter(), view({ balance: 9.99 }), SOL)).toMatchObject({ approved: false, rule: 'minBalance' });
    expect(engine.review(enter(), view({ balance: 10 }), SOL)).toMatchObject({ approved: true, intent: { qty: 1 }, sizing: { limitedBy: 'margin' } });
  });

  it('does not enter the same signal twice', () => {
    const engine = new RiskEngine();
    const entry = enter({ signal: signal() });
    expect(engine.review(entry, view(), SOL)).toMatchObject({ approved: true });
    expect(engine.review(entry, view({ time: T0 + 1_000 }), SOL)).toMatchObject({ approved: false, rule: 'alreadyProcessed' });
  });

  it('denies, with a reason, when a market value is not finite', () => {
    const engine = new RiskEngine();
    expect(engine.review(enter(), view({ price: Number.NaN }), SOL)).toEqual({ approved: false, rule: 'invalidInput', reason: 'price must be a positive number, got NaN' });
    expect(engine.review(enter(), view({ atr: Number.POSITIVE_INFINITY }), SOL)).toMatchObject({ approved: false, rule: 'invalidInput' });
    expect(engine.review(enter(), view({ correlations: { BTCUSDT: Number.NaN } }), SOL)).toMatchObject({ approved: false, rule: 'invalidInput' });
    expect(engine.review(enter({ limitPrice: Number.NaN }), view(), SOL)).toMatchObject({ approved: false, rule: 'invalidInput' });
    expect(engine.onMarket(view({ equity: Number.NaN, oneMinuteMove: Number.NaN }))).toEqual([]);
  });

  it('lets exits, stop moves, trails and cancels through unchanged, even when halted', () => {
    const engine = new RiskEngine();
    engine.onMarket(view({ oneMinuteMove: 0.2 }));
    expect(engine.status.state).toBe('HALTED');
    for (const intent of [{ kind: 'exit', reason: 'x' }, { kind: 'moveStop', stopLoss: 99 }, { kind: 'trail', distance: 1 }, { kind: 'cancelOrders' }] as const) {
      expect(engine.review(intent, view(), SOL)).toEqual({ approved: true, intent });
    }
  });

  it('manage() advises on an open position with the engine\'s exit settings', () => {
    const advice = new RiskEngine().manage({ side: 'long', entryPrice: 100, openedAt: T0, stopLoss: 98, peakPrice: 100.5 }, { time: T0 + MINUTE, price: 100.4, atr: 1.6 }, SOL);
    expect(advice).toMatchObject({ kind: 'moveStop', stopLoss: 100, rule: 'breakeven' });
  });
});

describe('RiskEngine: errors', () => {
  it('five strategy errors in a row pause the strategy for 5 minutes (event, canRun, denial), then it is tried again', () => {
    const engine = new RiskEngine();
    const events: RiskEvent[] = [];
    engine.subscribe((event) => events.push(event));
    const error = { level: 'strategy', strategy: 'density', symbol: 'SOLUSDT', message: 'NaN in book' } as const;
    for (let i = 0; i < 4; i++) expect(engine.onError(error, T0)).toEqual({ action: 'skipCandle' });
    expect(engine.onError(error, T0)).toMatchObject({ action: 'pauseStrategy', until: T0 + 5 * MINUTE });
    expect(events).toEqual([expect.objectContaining({ type: 'strategyPaused', strategy: 'density', until: T0 + 5 * MINUTE, time: T0 })]);
    expect(engine.canRun('density', 'SOLUSDT', T0 + 4 * MINUTE)).toBe(false);
    expect(engine.review(enter(), view({ time: T0 + 4 * MINUTE }), SOL)).toMatchObject({ approved: false, rule: 'circuitBreaker' });
    expect(engine.canRun('density', 'SOLUSDT', T0 + 5 * MINUTE)).toBe(true);
    expect(engine.canRun('other', 'SOLUSDT', T0 + MINUTE)).toBe(true);
  });

  it('a system error stops new entries and raises an alert until resumed', () => {
    const engine = new RiskEngine();
    const events: RiskEvent[] = [];
    engine.subscribe((event) => events.push(event));
    expect(engine.onError({ level: 'system', message: 'database is read-only' }, T0)).toMatchObject({ action: 'stopEntries' });
    expect(events.map((e) => e.type)).toEqual(['riskAlert', 'tradingStateChanged']);
    expect(engine.status).toMatchObject({ state: 'REDUCING', reason: 'system error: database is read-only; no new entries until resumed' });
    expect(engine.review(enter(), view({ time: T0 + HOUR }), SOL)).toMatchObject({ approved: false, rule: 'systemError' });
    engine.resume(T0 + HOUR, 10_000);
    expect(engine.status.state).toBe('ACTIVE');
    expect(engine.review(enter(), view({ time: T0 + HOUR }), SOL)).toMatchObject({ approved: true });
  });
});
