import { describe, expect, it } from 'vitest';
import { InstrumentRules, SOLUSDT_DEFAULT } from '../domain/instrument.js';
import { RiskEngine } from '../risk/index.js';
import { MIN, runScenario, scripted, tradeRows, type Row } from './test-support/scripted.js';
import { RiskGate } from './risk-gate.js';

const flat = (price: number): Row => [price, price + 0.2, price - 0.2, price];
const rules = new InstrumentRules(SOLUSDT_DEFAULT);
const gate = (engine = new RiskEngine({ sizing: { leverage: 3 } })) => (portfolio: ConstructorParameters<typeof RiskGate>[4]) => new RiskGate(engine, 'test', 'SOLUSDT', rules, portfolio, 5 * MIN);

/** 20 quiet candles so ATR(14) is known. */
const warm: Row[] = Array.from({ length: 20 }, () => flat(100));

describe('the risk engine in the loop', () => {
  it('sizes an entry: 1 % of 10,000 over a $2 stop would be 50 SOL, the 5 % margin cap per position (at 3×) allows 15', () => {
    const run = runScenario([...warm, flat(100), flat(100)], scripted({ 19: [{ kind: 'enter', side: 'long', qty: 999, stopLoss: 98, takeProfit: 104 }] }), { risk: gate(), leverage: 3 });
    const entry = run.events.find((e) => e.type === 'orderAccepted');
    expect(entry?.type === 'orderAccepted' && entry.order.qty).toBe(15);
    expect(run.denied).toEqual([]);
  });

  it('refuses an entry it cannot judge (no ATR yet) and records why (IntentDenied)', () => {
    const run = runScenario([...warm, flat(100)], scripted({ 2: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 98 }] }), { risk: gate(), leverage: 3 });
    expect(run.events.some((e) => e.type === 'orderAccepted')).toBe(false);
    expect(run.denied).toHaveLength(1);
    expect(run.denied[0]).toMatchObject({ intent: { kind: 'enter' }, rule: 'invalidInput', reason: expect.stringContaining('atr') });
  });

  it('a flash crash closes the position at once and pauses new entries', () => {
    // Short at 100 (its stop above is never reached); a candle falls 6 % open to close; the engine closes
    // at the next open and refuses the next entry.
    const rows: Row[] = [...warm, flat(100), [100, 100.1, 93.9, 94], flat(94), flat(94), flat(94)];
    const run = runScenario(rows, scripted({ 19: [{ kind: 'enter', side: 'short', qty: 1, stopLoss: 101 }], 22: [{ kind: 'enter', side: 'short', qty: 1, stopLoss: 95 }] }), { risk: gate(), leverage: 3 });
    const trades = tradeRows(run.trades);
    expect(trades).toHaveLength(1);
    // The engine's ladder takes profits inside the crash candle; what is left is closed at the next open, 94.
    expect(trades[0]).toMatchObject({ side: 'short', entry: 100 });
    const fills = run.events.flatMap((e) => (e.type === 'orderFilled' ? [[e.fill.side, e.fill.price, e.fill.cause]] : []));
    expect(fills.at(-1)).toEqual(['buy', 94, 'order']);
    expect(fills.filter((f) => f[2] === 'takeProfit').length).toBeGreaterThan(0);
    expect(run.denied.map((d) => d.rule)).toEqual(['flashCrash']);
    // And it said so: a trading state change with its reason.
    expect(run.riskEvents).toContainEqual(expect.objectContaining({ type: 'tradingStateChanged', reason: expect.stringContaining('flash crash') }));
  });

  it('exits, stop moves and cancels pass untouched; no risk engine means no denials', () => {
    const run = runScenario([...warm, flat(100), flat(101), flat(102)], scripted({ 19: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 95 }], 20: [{ kind: 'moveStop', stopLoss: 99 }], 21: [{ kind: 'exit', reason: 'done' }] }), { risk: gate(), leverage: 3 });
    expect(tradeRows(run.trades).map((t) => t.reason)).toEqual(['done']);
    const bare = runScenario([flat(100), flat(100)], scripted({ 0: [{ kind: 'enter', side: 'long', qty: 1 }] }));
    expect(bare.denied).toEqual([]);
  });

  it('its exit rules manage the open position: no progress in 2 h closes it (time stop)', () => {
    const rows: Row[] = [...warm, ...Array.from({ length: 30 }, () => flat(100))];
    const run = runScenario(rows, scripted({ 19: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 99 }] }), { risk: gate(), leverage: 3 });
    const [trade] = run.trades;
    expect(trade).toBeDefined();
    expect(trade!.exitReason).toMatch(/time/);
    // Opened at the open of candle 20, closed about two hours later.
    expect(trade!.exitTime - trade!.entryTime).toBeGreaterThanOrEqual(2 * 60 * MIN);
    expect(trade!.exitTime - trade!.entryTime).toBeLessThanOrEqual(2 * 60 * MIN + 10 * MIN);
  });

  it('a strategy error skips that candle; five in a row open its circuit breaker; without the risk engine the run stops', () => {
    let calls = 0;
    const faulty = { onCandle: () => { calls++; throw new Error('boom'); } };
    const rows: Row[] = Array.from({ length: 40 }, () => flat(100));
    const run = runScenario(rows, faulty, { risk: gate(), leverage: 3 });
    expect(run.faults.length).toBe(calls);
    expect(run.faults[0]).toMatchObject({ message: 'boom' });
    // Paused for five minutes after each five errors: some candles are not even offered to it.
    expect(calls).toBeLessThan(40);
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(() => runScenario(rows, { onCandle: () => { throw new Error('boom'); } })).toThrow('boom');
  });
});
