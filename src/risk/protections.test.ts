// Scenario tests for every protection, driven through the RiskEngine the way the kernel drives it.
import { describe, expect, it } from 'vitest';
import type { RiskEvent } from './events.js';
import { RiskEngine } from './risk-engine.js';
import type { RiskConfigInput } from './risk-config.js';
import { enter, MINUTE, position, signal, SOL, trade, utc, view } from './test-support/fixtures.js';

function engineWithEvents(config: RiskConfigInput = {}) {
  const engine = new RiskEngine(config);
  const events: RiskEvent[] = [];
  engine.subscribe((event) => events.push(event));
  return { engine, events };
}

describe('daily loss −3 % → no entries until the next UTC day', () => {
  it('−3.1 % at 15:00 → paused until 00:00 UTC, allowed again at midnight', () => {
    const { engine, events } = engineWithEvents();
    engine.onMarket(view({ time: utc('00:00'), equity: 10_000 }));
    engine.onMarket(view({ time: utc('15:00'), equity: 9_690 }));
    const midnight = utc('00:00', '2024-03-02');
    expect(events).toEqual([
      { type: 'tradingStateChanged', from: 'ACTIVE', to: 'REDUCING', reason: 'daily loss reached 3.0 %: no entries until the next UTC day', rule: 'dailyLoss', until: midnight, time: utc('15:00') },
    ]);
    expect(engine.review(enter(), view({ time: utc('23:59'), equity: 9_800 }), SOL)).toMatchObject({ approved: false, rule: 'dailyLoss' });
    expect(engine.review(enter(), view({ time: midnight, equity: 9_690 }), SOL)).toMatchObject({ approved: true });
    expect(events.at(-1)).toMatchObject({ from: 'REDUCING', to: 'ACTIVE', time: midnight });
  });

  it('−2.9 % leaves trading active', () => {
    const { engine } = engineWithEvents();
    engine.onMarket(view({ time: utc('00:00'), equity: 10_000 }));
    engine.onMarket(view({ time: utc('15:00'), equity: 9_710 }));
    expect(engine.status.state).toBe('ACTIVE');
  });

  it('measures from the first equity of the UTC day, not from yesterday', () => {
    const { engine } = engineWithEvents();
    engine.onMarket(view({ time: utc('23:00', '2024-02-29'), equity: 10_200, peakEquity: 10_200 }));
    engine.onMarket(view({ time: utc('01:00'), equity: 10_000 }));
    engine.onMarket(view({ time: utc('02:00'), equity: 9_800 }));
    expect(engine.status.state).toBe('ACTIVE');
  });
});

describe('3 losses in a row → 2 h pause', () => {
  it('losses at 10:00, 10:05, 10:10 → entries denied until 12:10, allowed at 12:10', () => {
    const { engine, events } = engineWithEvents();
    for (const clock of ['10:00', '10:05', '10:10']) engine.onTrade(trade(-25, utc(clock)));
    expect(events).toEqual([expect.objectContaining({ to: 'REDUCING', rule: 'lossStreak', until: utc('12:10'), time: utc('10:10') })]);
    expect(engine.review(enter(), view({ time: utc('12:10') - 1 }), SOL)).toMatchObject({ approved: false, rule: 'lossStreak', reason: '3 losses in a row: no entries for 120 min' });
    expect(engine.review(enter(), view({ time: utc('12:10') }), SOL)).toMatchObject({ approved: true });
  });

  it('a win in between starts the count again', () => {
    const { engine } = engineWithEvents();
    for (const [pnl, clock] of [[-25, '10:00'], [40, '10:05'], [-25, '10:10'], [-25, '10:15']] as const) engine.onTrade(trade(pnl, utc(clock)));
    expect(engine.status.state).toBe('ACTIVE');
  });
});

describe('drawdown ladder', () => {
  const at = (equity: number, minutes: number) => view({ time: utc('10:00') + minutes * MINUTE, equity, balance: equity, peakEquity: 10_000 });

  it('5 % → half size: 9,500 × 1 % × 0.5 / 2 = 23.75 → 23.7', () => {
    const { engine, events } = engineWithEvents();
    expect(engine.review(enter(), at(9_500, 0), SOL)).toMatchObject({ approved: true, intent: { qty: 23.7 }, sizing: { protectionFactor: 0.5 } });
    expect(events).toEqual([expect.objectContaining({ to: 'REDUCING', rule: 'drawdown', reason: 'drawdown ≥ 5 %: size × 0.5' })]);
  });

  it('8 % → only signals of strength ≥ 0.8, still at half size', () => {
    const { engine } = engineWithEvents();
    expect(engine.review(enter({ signal: signal({ strength: 0.7 }) }), at(9_200, 0), SOL)).toMatchObject({ approved: false, rule: 'drawdown' });
    expect(engine.review(enter(), at(9_200, 0), SOL)).toMatchObject({ approved: false, rule: 'drawdown' });
    expect(engine.review(enter({ signal: signal({ strength: 0.9 }) }), at(9_200, 0), SOL)).toMatchObject({ approved: true, intent: { qty: 20.7 } });
  });

  it('10 % → no new entries', () => {
    const { engine } = engineWithEvents();
    expect(engine.review(enter({ signal: signal() }), at(9_000, 0), SOL)).toMatchObject({ approved: false, rule: 'drawdown', reason: 'drawdown ≥ 10 %: no new entries' });
  });

  it('recovering below 5 % makes trading ACTIVE again', () => {
    const { engine } = engineWithEvents();
    engine.onMarket(at(9_400, 0));
    engine.onMarket(at(9_900, 1));
    expect(engine.status.state).toBe('ACTIVE');
  });

  it('15 % → cancel everything, close everything, HALTED until a person resumes', () => {
    const { engine, events } = engineWithEvents();
    const open = [position({ symbol: 'BTCUSDT' }), position({ symbol: 'ETHUSDT', side: 'short' })];
    const forced = engine.onMarket({ ...at(8_500, 0), positions: open, orderSymbols: ['XRPUSDT'] });
    const reason = 'drawdown ≥ 15 %: everything closed, halted until resumed';
    expect(forced).toEqual([
      { symbol: 'BTCUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'ETHUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'XRPUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'SOLUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'BTCUSDT', intent: { kind: 'exit', reason } },
      { symbol: 'ETHUSDT', intent: { kind: 'exit', reason } },
    ]);
    expect(events).toEqual([expect.objectContaining({ from: 'ACTIVE', to: 'HALTED', rule: 'drawdown', reason })]);
    expect(engine.onMarket(at(8_400, 1))).toEqual([]);
    expect(engine.review(enter(), at(9_800, 2), SOL)).toMatchObject({ approved: false, rule: 'drawdown' });
    engine.resume(utc('10:03'), 9_800);
    expect(engine.status.state).toBe('ACTIVE');
    expect(engine.review(enter(), at(9_800, 4), SOL)).toMatchObject({ approved: true, intent: { qty: 49 } });
  });

  it('a halt seen first by review() is denied there and its close-all comes with the next onMarket()', () => {
    const { engine } = engineWithEvents();
    expect(engine.review(enter(), { ...at(8_400, 0), positions: [position()] }, SOL)).toMatchObject({ approved: false, rule: 'drawdown' });
    expect(engine.onMarket(at(8_400, 1)).map((f) => f.intent.kind)).toEqual(['cancelOrders', 'cancelOrders', 'exit']);
  });
});

describe('flash crash: a 1-minute move above 5 % → close all, cancel all, 30 min pause', () => {
  it('5.2 % down in one minute → forced close all + cancel all, HALTED until +30 min', () => {
    const { engine, events } = engineWithEvents();
    const open = [position({ symbol: 'BTCUSDT' }), position({ symbol: 'SOLUSDT', side: 'short', entryPrice: 100, stopLoss: 102, size: 3, notional: 300 })];
    const forced = engine.onMarket(view({ time: utc('10:00'), oneMinuteMove: -0.052, positions: open }));
    const reason = 'flash crash: SOLUSDT moved -5.2 % in one minute; everything closed, paused 30 min';
    expect(forced).toEqual([
      { symbol: 'BTCUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'SOLUSDT', intent: { kind: 'cancelOrders' } },
      { symbol: 'BTCUSDT', intent: { kind: 'exit', reason } },
      { symbol: 'SOLUSDT', intent: { kind: 'exit', reason } },
    ]);
    expect(events).toEqual([{ type: 'tradingStateChanged', from: 'ACTIVE', to: 'HALTED', reason, rule: 'flashCrash', until: utc('10:30'), time: utc('10:00') }]);
    expect(engine.review(enter(), view({ time: utc('10:30') - 1 }), SOL)).toMatchObject({ approved: false, rule: 'flashCrash' });
    expect(engine.review(enter(), view({ time: utc('10:30') }), SOL)).toMatchObject({ approved: true });
    expect(engine.status.state).toBe('ACTIVE');
  });

  it('a 4.9 % (or exactly 5 %) move does nothing', () => {
    const { engine } = engineWithEvents();
    expect(engine.onMarket(view({ oneMinuteMove: 0.049, positions: [position()] }))).toEqual([]);
    expect(engine.onMarket(view({ oneMinuteMove: 0.05, positions: [position()] }))).toEqual([]);
    expect(engine.status.state).toBe('ACTIVE');
  });

  it('switched off, a crash forces nothing', () => {
    const { engine } = engineWithEvents({ protections: { flashCrash: { enabled: false } } });
    expect(engine.onMarket(view({ oneMinuteMove: -0.2, positions: [position()] }))).toEqual([]);
  });
});

describe('exposure limits through the engine', () => {
  it('at most 10 % of equity at risk at once: open positions risking 1,000 leave nothing', () => {
    const atRisk = [position({ size: 1, entryPrice: 50_000, stopLoss: 49_000, notional: 50_000 })];
    const engine = new RiskEngine({ protections: { exposure: { maxTotal: 1 } }, sizing: { correlation: { enabled: false } } });
    expect(engine.review(enter(), view({ positions: atRisk }), SOL)).toMatchObject({ approved: false, rule: 'openRisk' });
  });

  it('an unprotected position counts its whole notional as at risk', () => {
    const naked = [position({ stopLoss: undefined, notional: 995 })];
    expect(new RiskEngine().review(enter(), view({ positions: naked }), SOL)).toMatchObject({ approved: true, intent: { qty: 2.5 }, sizing: { limitedBy: 'openRisk' } });
  });
});
