// Engine scenarios written out by hand: candle tables in, the expected round trips out (prices, fees, funding, PnL, reason).
import { describe, expect, it } from 'vitest';
import { funding, MIN, runScenario, scripted, series, T0, tradeRows, type Row } from './test-support/scripted.js';

const flat = (price: number): Row => [price, price, price, price];

describe('engine scenarios', () => {
  it('entry and exit at the next open, with taker fees on both fills', () => {
    const run = runScenario([flat(99), [100, 101, 99, 100], flat(105), [110, 111, 109, 110]], scripted({ 0: [{ kind: 'enter', side: 'long', qty: 2 }], 2: [{ kind: 'exit', reason: 'signal' }] }), {
      fees: { taker: 0.00055, maker: 0.0002 },
    });
    // Fees: 0.055 % of 200 + 0.055 % of 220 = 0.11 + 0.121; PnL 2 × (110 − 100) − 0.231.
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 110, qty: 2, fees: 0.23, funding: 0, pnl: 19.77, reason: 'signal' }]);
  });

  it('stop and target in one candle: the nearer extreme comes first without detail (stop), the 1m candles decide with it (target)', () => {
    const rows: Row[] = [flat(100), [100, 104, 97, 101], flat(101)];
    const enter = { 0: [{ kind: 'enter' as const, side: 'long' as const, qty: 1, stopLoss: 98, takeProfit: 103 }] };
    // Open 100: the low (3 away) is nearer than the high (4 away), so the path is 100 → 97 → 104 → 101.
    const plain = runScenario(rows, scripted(enter));
    expect(tradeRows(plain.trades)).toEqual([{ side: 'long', entry: 100, exit: 98, qty: 1, fees: 0, funding: 0, pnl: -2, reason: 'stop-loss' }]);
    // The 1m candles of the second 5m candle say the high came first.
    const oneMinute: Row[] = [flat(100), flat(100), flat(100), flat(100), flat(100), [100, 104, 100, 103], [103, 103, 99, 99], [99, 99, 97, 98], [98, 101, 98, 101], flat(101)];
    const detail = series(oneMinute, MIN);
    const detailed = runScenario(rows, scripted(enter), { detail });
    expect(tradeRows(detailed.trades)).toEqual([{ side: 'long', entry: 100, exit: 103, qty: 1, fees: 0, funding: 0, pnl: 3, reason: 'take-profit' }]);
  });

  it('a stop gapped through fills at the open, not at the stop', () => {
    const run = runScenario([flat(100), [100, 101, 99.5, 100], [95, 96, 94, 95]], scripted({ 0: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 98 }] }));
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 95, qty: 1, fees: 0, funding: 0, pnl: -5, reason: 'stop-loss' }]);
  });

  it('a short: the stop above, the target below', () => {
    const run = runScenario([flat(100), [100, 100.5, 99, 99.5], [99.5, 99.6, 94, 95]], scripted({ 0: [{ kind: 'enter', side: 'short', qty: 3, stopLoss: 102, takeProfit: 96 }] }));
    expect(tradeRows(run.trades)).toEqual([{ side: 'short', entry: 100, exit: 96, qty: 3, fees: 0, funding: 0, pnl: 12, reason: 'take-profit' }]);
  });

  it('funding is charged on what is held at the funding time, marked at the last close', () => {
    const rows: Row[] = [flat(100), flat(100), flat(102), flat(102)];
    // Held from the open of candle 1 to the open of candle 3; funding at the open of candle 2 marks at candle 1's close (100).
    const run = runScenario(rows, scripted({ 0: [{ kind: 'enter', side: 'long', qty: 2 }], 2: [{ kind: 'exit', reason: 'signal' }] }), {
      funding: funding([[T0 + 10 * MIN, 0.0001], [T0 + 30 * MIN, 0.0001]]),
    });
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 102, qty: 2, fees: 0, funding: 0.02, pnl: 3.98, reason: 'signal' }]);
    // A short receives positive funding.
    const short = runScenario(rows, scripted({ 0: [{ kind: 'enter', side: 'short', qty: 2 }], 2: [{ kind: 'exit', reason: 'signal' }] }), {
      funding: funding([[T0 + 10 * MIN, 0.0001]]),
    });
    expect(tradeRows(short.trades)).toEqual([{ side: 'short', entry: 100, exit: 102, qty: 2, fees: 0, funding: -0.02, pnl: -3.98, reason: 'signal' }]);
  });

  it('liquidation at 10× isolated: closed at the liquidation price, the whole margin lost', () => {
    // Long 1 at 100, 10×, maintenance 0.5 %: liquidation at 100 − (10 − 0.5) = 90.5; the stop at 80 is never reached.
    const run = runScenario([flat(100), [100, 100, 99, 99], [99, 99, 85, 88], flat(88)], scripted({ 0: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 80 }] }), { leverage: 10 });
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 90.5, qty: 1, fees: 0.5, funding: 0, pnl: -10, reason: 'liquidation' }]);
    expect(run.venue.balance).toBeCloseTo(9_990, 9);
  });

  it('a partial TP ladder: half at the first target in the entry candle, then the rest at the second or at breakeven', () => {
    const enter = { kind: 'enter' as const, side: 'long' as const, qty: 2, stopLoss: 98, targets: [{ price: 102, fraction: 0.5 }, { price: 105, fraction: 0.5 }] };
    // Candle 1: 100 → 99.5 → 102.5 → 102 takes the first rung (1 at 102); the stop then moves to the entry.
    const first: Row = [100, 102.5, 99.5, 102];
    const both = runScenario([flat(100), first, [102, 106, 101.5, 105.5], flat(105)], scripted({ 0: [enter], 1: [{ kind: 'moveStop', stopLoss: 100 }] }));
    expect(tradeRows(both.trades)).toEqual([{ side: 'long', entry: 100, exit: 103.5, qty: 2, fees: 0, funding: 0, pnl: 7, reason: 'take-profit' }]);
    const takeProfits = both.events.flatMap((e) => (e.type === 'orderFilled' && e.fill.cause === 'takeProfit' ? [[e.fill.qty, e.fill.price]] : []));
    expect(takeProfits).toEqual([[1, 102], [1, 105]]);
    // Candle 2 turns down instead: the rest leaves at breakeven.
    const breakeven = runScenario([flat(100), first, [102, 103, 97, 97.5], flat(97)], scripted({ 0: [enter], 1: [{ kind: 'moveStop', stopLoss: 100 }] }));
    expect(tradeRows(breakeven.trades)).toEqual([{ side: 'long', entry: 100, exit: 101, qty: 2, fees: 0, funding: 0, pnl: 2, reason: 'stop-loss' }]);
  });

  it('a ladder rung the price has already passed when the entry fills is taken at market, not lost', () => {
    // Long 2 decided at 100 with rungs at 100.5 and 105; the next candle opens at 101, above the first rung,
    // so the venue refuses it as a take-profit (Bybit does): it goes at market at the open, the second at 105.
    const enter = { kind: 'enter' as const, side: 'long' as const, qty: 2, stopLoss: 98, targets: [{ price: 100.5, fraction: 0.5 }, { price: 105, fraction: 0.5 }] };
    const run = runScenario([flat(100), [101, 101.5, 100.8, 101.2], [101.2, 105.5, 101, 105], flat(105)], scripted({ 0: [enter] }));
    const exits = run.events.flatMap((e) => (e.type === 'orderFilled' && e.fill.side === 'sell' ? [[e.fill.qty, e.fill.price, e.fill.cause]] : []));
    expect(exits).toEqual([[1, 101, 'order'], [1, 105, 'takeProfit']]);
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 101, exit: 103, qty: 2, fees: 0, funding: 0, pnl: 4, reason: 'take-profit' }]);
    expect(run.events.filter((e) => e.type === 'orderRejected')).toEqual([]);
  });

  it('after a partial take-profit the position stays on the lot grid, so a full exit goes through', () => {
    // 6.9 − 3.4 is 3.5000000000000004 in doubles; the venue keeps 3.5.
    const enter = { kind: 'enter' as const, side: 'long' as const, qty: 6.9, targets: [{ price: 102, fraction: 0.5 }, { price: 110, fraction: 0.5 }] };
    const run = runScenario([flat(100), [100, 102.5, 99.5, 102], flat(102), flat(103)], scripted({ 0: [enter], 2: [{ kind: 'exit', reason: 'signal' }] }));
    expect(run.events.filter((e) => e.type === 'orderRejected')).toEqual([]);
    expect(run.events.flatMap((e) => (e.type === 'positionChanged' ? [e.position.size] : []))).toContain(3.5);
    // 3.4 left at the first target (102), the other 3.5 at the next open (103).
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: (3.4 * 102 + 3.5 * 103) / 6.9, qty: 6.9, fees: 0, funding: 0, pnl: 17.3, reason: 'signal' }]);
  });

  it('moving the stop to breakeven and trailing', () => {
    const rows: Row[] = [flat(100), [100, 103, 100, 103], [103, 104, 102.5, 104], [104, 104, 99, 99]];
    const run = runScenario(rows, scripted({ 0: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 97 }], 1: [{ kind: 'moveStop', stopLoss: 100 }], 2: [{ kind: 'trail', distance: 1 }] }));
    // Trailing 1 behind the best price since it was set (104 at the close of candle 2): stop at 103 in candle 3.
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 103, qty: 1, fees: 0, funding: 0, pnl: 3, reason: 'trailing-stop' }]);
  });

  it('a stop moved through the last price closes at market (Bybit refuses such a stop: it is already hit)', () => {
    // Long 1 at 100; at the close of candle 1 (98) the strategy moves its stop up to 99, above the price: out at the next open.
    const rows: Row[] = [flat(100), [100, 100.5, 97.5, 98], [98.2, 99, 97, 98.5], flat(98.5)];
    const run = runScenario(rows, scripted({ 0: [{ kind: 'enter', side: 'long', qty: 1, stopLoss: 95 }], 1: [{ kind: 'moveStop', stopLoss: 99 }] }));
    expect(tradeRows(run.trades)).toEqual([{ side: 'long', entry: 100, exit: 98.2, qty: 1, fees: 0, funding: 0, pnl: -1.8, reason: 'stop moved to 99, through the last price 98: closed at market' }]);
    expect(run.events.filter((e) => e.type === 'orderRejected')).toEqual([]);
    // A short the same way round.
    const short = runScenario([flat(100), [100, 102.5, 99.5, 102], [101.8, 103, 101, 102], flat(102)], scripted({ 0: [{ kind: 'enter', side: 'short', qty: 1, stopLoss: 105 }], 1: [{ kind: 'moveStop', stopLoss: 101 }] }));
    expect(tradeRows(short.trades)).toMatchObject([{ side: 'short', entry: 100, exit: 101.8, reason: 'stop moved to 101, through the last price 102: closed at market' }]);
  });

  it('the same strategy over the same data gives identical trades on every run', () => {
    const rows: Row[] = Array.from({ length: 200 }, (_, i) => {
      const base = 100 + 5 * Math.sin(i / 7) + (i % 3);
      return [base, base + 1.5, base - 1.5, base + 0.5];
    });
    const script = Object.fromEntries(Array.from({ length: 40 }, (_, k) => [k * 5, [{ kind: 'enter' as const, side: k % 2 ? ('short' as const) : ('long' as const), qty: 1, stopLoss: k % 2 ? 130 : 70, takeProfit: k % 2 ? 97 : 103 }]]));
    const once = runScenario(rows, scripted(script), { fees: { taker: 0.00055, maker: 0.0002 }, slippage: { kind: 'fixed', bps: 2 } });
    const again = runScenario(rows, scripted(script), { fees: { taker: 0.00055, maker: 0.0002 }, slippage: { kind: 'fixed', bps: 2 } });
    expect(once.trades.length).toBeGreaterThan(5);
    expect(again.trades).toEqual(once.trades);
    expect([...again.equity]).toEqual([...once.equity]);
  });
});
