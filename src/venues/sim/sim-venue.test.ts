import { describe, expect, it } from 'vitest';
import { round, scenario, SOL } from './test-support/scenario.js';

// Every scenario starts with a warm-up candle closing at 100, so the venue knows a last price.
const WARM: [number, number, number, number] = [100, 100, 100, 100];

describe('SimVenue market orders', () => {
  it('fills a market order at the next open with the taker fee', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    expect(s.fills()).toEqual([]);
    s.candles([101, 102, 100.5, 101.5]);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 101, fee: 0.5555, maker: false, cause: 'order' }]);
    expect(s.types()).toEqual(['orderAccepted', 'orderFilled', 'positionChanged']);
    expect(s.venue.position(SOL)).toMatchObject({ size: 10, entryPrice: 101 });
    expect(round(s.venue.balance)).toBe(round(10_000 - 0.5555));
  });

  it('adds fixed slippage and rounds against the taker onto the tick grid', () => {
    const s = scenario({ slippage: { kind: 'fixed', bps: 5 } });
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles([101, 101, 101, 101]); // 101 × 1.0005 = 101.0505 → 101.06
    s.submit({ side: 'sell', type: 'market', qty: 10, reduceOnly: true });
    s.candles([101, 101, 101, 101]); // 101 × 0.9995 = 100.9495 → 100.94
    expect(s.fills().map((f) => f.price)).toEqual([101.06, 100.94]);
  });

  it('realises PnL on a partial close and keeps the entry of the rest', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles([100, 100, 100, 100]);
    s.submit({ side: 'sell', type: 'market', qty: 4, reduceOnly: true });
    s.candles([105, 105, 105, 105]);
    const changes = s.events.flatMap((e) => (e.type === 'positionChanged' ? [e] : []));
    expect(changes.map((e) => [e.position.size, e.position.entryPrice, e.realisedPnl])).toEqual([
      [10, 100, 0],
      [6, 100, 20],
    ]);
    // 10 000 − 0.55 (entry fee) + 20 − 0.231 (exit fee on 420)
    expect(round(s.venue.balance)).toBe(round(10_000 - 0.55 + 20 - 0.231));
  });
});

describe('SimVenue limit orders', () => {
  it('does not fill on a touch, fills at the limit on a trade-through as maker', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 10, price: 99 });
    s.candles([100, 100.5, 99, 99.5]); // low touches 99 only
    expect(s.fills()).toEqual([]);
    s.candles([99.5, 99.8, 98.99, 99.2]);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 99, fee: 0.198, maker: true, cause: 'order' }]);
  });

  it('fills at the better open when the candle gaps through a resting limit', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 10, price: 99 });
    s.candles([100, 100.5, 99.5, 100], [97, 98, 96, 97.5]);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 97, fee: 0.194, maker: true, cause: 'order' }]);
  });

  it('rejects (cancels) a post-only order that would cross the last price and rests one that would not', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 1, price: 100.5, timeInForce: 'PostOnly' });
    s.submit({ side: 'buy', type: 'limit', qty: 1, price: 99, timeInForce: 'PostOnly' });
    expect(s.types()).toEqual(['orderAccepted', 'orderCancelled', 'orderAccepted']);
    expect(s.events[1]).toMatchObject({ reason: expect.stringContaining('EC_PostOnlyWillTakeLiquidity') });
    expect(s.venue.openOrders(SOL).map((o) => o.clientId)).toEqual(['o2']);
  });

  it('IOC fills what the candle allows and cancels the rest; FOK fills all or nothing', () => {
    // Volume participation caps a fill at 10 % of the candle's 50 SOL: 5 SOL.
    const s = scenario({ slippage: { kind: 'participation', coefficient: 0, maxParticipation: 0.1 } });
    s.candles(WARM);
    s.submit({ clientId: 'ioc', side: 'buy', type: 'limit', qty: 10, price: 99, timeInForce: 'IOC' });
    s.submit({ clientId: 'fok', side: 'buy', type: 'limit', qty: 10, price: 99, timeInForce: 'FOK' });
    s.submit({ clientId: 'gtc', side: 'buy', type: 'limit', qty: 10, price: 99 });
    s.candles([100, 100, 98, 98.5, 50]);
    expect(s.fills().map((f) => [f.id, f.qty, f.price])).toEqual([
      ['ioc', 5, 99],
      ['gtc', 5, 99],
    ]);
    const cancelled = s.events.flatMap((e) => (e.type === 'orderCancelled' ? [[e.order.clientId, e.order.filledQty]] : []));
    expect(cancelled).toEqual([
      ['fok', 0],
      ['ioc', 5],
    ]);
    s.candles([98.5, 99, 98, 98.5, 50]); // the GTC rest fills next candle, at the better open
    expect(s.fills().map((f) => [f.id, f.qty, f.price])).toEqual([
      ['ioc', 5, 99],
      ['gtc', 5, 99],
      ['gtc', 5, 98.5],
    ]);
    expect(s.venue.openOrders(SOL)).toEqual([]);
  });

  it('cancels an IOC limit that did not trade through within its candle', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 1, price: 99, timeInForce: 'IOC' });
    s.candles([100, 101, 99.5, 100]);
    expect(s.types()).toEqual(['orderAccepted', 'orderCancelled']);
  });
});

describe('SimVenue conditional orders and position stops', () => {
  it('triggers a stop-market on the path and fills at the trigger', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, trigger: { price: 102, by: 'last', direction: 'rise' } });
    s.candles([100, 101.9, 99, 101]);
    expect(s.fills()).toEqual([]);
    s.candles([101, 103, 100.8, 102.5]);
    expect(s.types()).toEqual(['orderAccepted', 'orderTriggered', 'orderFilled', 'positionChanged']);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 102, fee: 0.561, maker: false, cause: 'order' }]);
  });

  it('turns a stop-limit into a limit once triggered: marketable fills at once, otherwise it rests', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ clientId: 'now', side: 'buy', type: 'limit', qty: 1, price: 102.5, trigger: { price: 102, by: 'last', direction: 'rise' } });
    s.submit({ clientId: 'later', side: 'buy', type: 'limit', qty: 1, price: 101.5, trigger: { price: 102, by: 'last', direction: 'rise' } });
    s.candles([101, 104, 100.8, 103.5]); // 101 → 100.8 → 104 → 103.5
    expect(s.fills().map((f) => [f.id, f.price, f.maker])).toEqual([['now', 102, false]]);
    expect(s.venue.openOrders(SOL)).toMatchObject([{ clientId: 'later', status: 'Triggered' }]);
    s.candles([103.5, 103.5, 101, 101.2]);
    expect(s.fills().map((f) => [f.id, f.price, f.maker])).toEqual([
      ['now', 102, false],
      ['later', 101.5, true],
    ]);
  });

  it('cancels one order or all of a symbol on request', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ clientId: 'a', side: 'buy', type: 'limit', qty: 1, price: 90 });
    s.submit({ clientId: 'b', side: 'buy', type: 'limit', qty: 1, price: 91 });
    s.submit({ clientId: 'c', side: 'sell', type: 'limit', qty: 1, price: 110 });
    s.venue.cancel(SOL, 'a');
    s.venue.cancel(SOL, 'unknown');
    expect(s.venue.openOrders(SOL).map((o) => o.clientId)).toEqual(['b', 'c']);
    s.venue.cancelAll(SOL);
    expect(s.venue.openOrders(SOL)).toEqual([]);
    const cancelled = s.events.flatMap((e) => (e.type === 'orderCancelled' ? [[e.order.clientId, e.order.status]] : []));
    expect(cancelled).toEqual([
      ['a', 'Cancelled'],
      ['b', 'Cancelled'],
      ['c', 'Cancelled'],
    ]);
  });

  it('carries TP/SL attached at entry and reports them on positionChanged', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 98, takeProfit: 103 });
    s.candles([100, 100.5, 99.5, 100]);
    expect(s.events.at(-1)).toMatchObject({ type: 'positionChanged', stopLoss: 98, takeProfit: 103 });
    expect(s.venue.position(SOL)).toMatchObject({ size: 10, stopLoss: 98, takeProfit: 103 });
  });

  const bracket = () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 98, takeProfit: 103 });
    s.candles([100, 100.5, 99.5, 100]);
    s.clear();
    return s;
  };

  it('decides stop against target inside one candle by the path: the nearer extreme first', () => {
    const s = bracket();
    s.candles([100, 103.5, 97.5, 101]); // low is nearer the open: 100 → 97.5 → 103.5 → 101
    expect(s.fills().map((f) => [f.side, f.qty, f.price, f.cause])).toEqual([['sell', 10, 98, 'stopLoss']]);
    expect(s.events.at(-1)).toMatchObject({ type: 'positionChanged', position: { size: 0 }, realisedPnl: -20 });
    expect(s.venue.position(SOL).stopLoss).toBeUndefined();
  });

  it('decides stop against target by the 1m detail when given', () => {
    const s = bracket();
    const candle = { time: 999, open: 100, high: 103.5, low: 97.5, close: 101, volume: 1000 };
    s.venue.processCandle(SOL, candle, [
      { time: 999, open: 100, high: 103.5, low: 99.5, close: 103, volume: 500 },
      { time: 999 + 30_000, open: 103, high: 103, low: 97.5, close: 101, volume: 500 },
    ]);
    expect(s.fills().map((f) => [f.price, f.cause])).toEqual([[103, 'takeProfit']]);
    expect(s.events.at(-1)).toMatchObject({ type: 'positionChanged', realisedPnl: 30 });
  });

  it('fills a stop gapped through at the open', () => {
    const s = bracket();
    s.candles([95, 96, 94, 95.5]);
    expect(s.fills().map((f) => [f.price, f.cause])).toEqual([[95, 'stopLoss']]);
  });

  it('moves and clears stops with setTradingStop', () => {
    const s = bracket();
    s.venue.setTradingStop(SOL, { stopLoss: 99, takeProfit: 0 });
    expect(s.events.at(-1)).toMatchObject({ type: 'positionChanged', stopLoss: 99, takeProfit: undefined });
    s.candles([100, 104, 99.9, 103]);
    expect(s.fills()).toEqual([]); // the target is gone and 99 was not reached
    s.candles([103, 103, 98.5, 99]);
    expect(s.fills().map((f) => [f.price, f.cause])).toEqual([[99, 'stopLoss']]);
  });

  it('refuses stops on a flat position and stops off the tick grid with a clear error', () => {
    const s = bracket();
    expect(() => s.venue.setTradingStop(SOL, { trailingStop: 1.005 })).toThrow(/trailingStop 1.005 is not a positive multiple of tickSize/);
    const flat = scenario();
    expect(() => flat.venue.setTradingStop(SOL, { stopLoss: 90 })).toThrow(/zero position/);
  });

  it('refuses, as Bybit does, a stop-loss or take-profit on the wrong side of the last price', () => {
    const s = bracket();
    const before = s.venue.position(SOL);
    expect(() => s.venue.setTradingStop(SOL, { stopLoss: 100.5 })).toThrow(/StopLoss 100.5 set for a Buy position should be lower than the last price 100/);
    expect(() => s.venue.setTradingStop(SOL, { takeProfit: 99.5 })).toThrow(/TakeProfit 99.5 set for a Buy position should be higher than the last price 100/);
    expect(() => s.venue.setTradingStop(SOL, { tpslMode: 'Partial', stopLoss: 101, slSize: 1 })).toThrow(/StopLoss 101 set for a Buy position/);
    expect(s.venue.position(SOL)).toEqual(before);
  });
});

describe('SimVenue trailing stop', () => {
  const entered = (side: 'buy' | 'sell') => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side, type: 'market', qty: 10 });
    s.candles(WARM);
    s.venue.setTradingStop(SOL, { trailingStop: 2 });
    s.clear();
    return s;
  };

  it('trails a long behind the highest price along the path and fires when price falls back', () => {
    const s = entered('buy');
    expect(s.venue.position(SOL)).toMatchObject({ trailingStop: 2, trailPeak: 100 });
    s.candles([100, 105, 99.5, 104]); // 100 → 99.5 (stop 98 holds) → 105 (stop 103) → 104
    expect(s.fills()).toEqual([]);
    expect(s.venue.position(SOL).trailPeak).toBe(105);
    s.candles([104, 104.5, 101, 102]); // 104 → 104.5 → 101: the stop at 103 fires
    expect(s.fills().map((f) => [f.side, f.price, f.cause])).toEqual([['sell', 103, 'trailingStop']]);
    expect(s.events.at(-1)).toMatchObject({ type: 'positionChanged', position: { size: 0 }, realisedPnl: 30 });
    expect(s.venue.position(SOL).trailingStop).toBeUndefined();
  });

  it('trails a short behind the lowest price and fills at the open when gapped through', () => {
    const s = entered('sell');
    s.candles([100, 100.5, 95, 96]); // 100 → 100.5 → 95 (stop 97) → 96
    expect(s.fills()).toEqual([]);
    s.candles([98, 98.5, 97.5, 98]); // opens above the stop at 97
    expect(s.fills().map((f) => [f.side, f.price, f.cause])).toEqual([['buy', 98, 'trailingStop']]);
  });

  it('is cleared by 0', () => {
    const s = entered('buy');
    s.venue.setTradingStop(SOL, { trailingStop: 0 });
    s.candles([100, 110, 100, 101]);
    expect(s.fills()).toEqual([]);
    expect(s.venue.position(SOL).trailingStop).toBeUndefined();
  });
});
