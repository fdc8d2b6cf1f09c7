import { describe, expect, it } from 'vitest';
import { scenario, SOL } from './test-support/scenario.js';

const WARM = [100, 100, 100, 100] as const;

// Paths are open → nearer extreme → other extreme → close, each step a third of the candle: a mark
// trigger and a last price are matched at the same fraction of the candle.

describe('triggers by mark price', () => {
  it('fires a conditional order by the mark path and fills it at the last price of that moment', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, trigger: { price: 102, by: 'mark', direction: 'rise' } });
    s.candle([100, 102.5, 99.5, 102], { mark: [100, 101.8, 99.6, 101.5] }); // last reaches 102, mark does not
    expect(s.fills()).toEqual([]);
    // Mark 101.5 → 101.4 → 102.3: 102 is 2/3 up the second step, at 1/3 + 2/9 = 5/9 of the candle.
    // Last 102 → 101.9 → 103 at 5/9: 101.9 + 1.1 × 2/3 = 102.633… → 102.63 on the tick grid.
    s.candle([102, 103, 101.9, 102.8], { mark: [101.5, 102.3, 101.4, 102.1] });
    expect(s.types()).toEqual(['orderAccepted', 'orderTriggered', 'orderFilled', 'positionChanged']);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 102.63, fee: 0.564465, maker: false, cause: 'order' }]);
  });

  it('takes the mark price to be the last price when no mark candle is given', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, trigger: { price: 102, by: 'mark', direction: 'rise' } });
    s.candles([100, 102.5, 99.5, 102]);
    expect(s.fills()).toMatchObject([{ price: 102 }]);
  });

  it('fires a Full stop-loss by mark when slTriggerBy is mark, not when only the last price reaches it', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 98, slTriggerBy: 'mark' });
    s.candles(WARM);
    expect(s.venue.position(SOL)).toMatchObject({ stopLoss: 98, stopLossTriggerBy: 'mark' });
    s.clear();
    s.candle([100, 100.2, 97.5, 98], { mark: [100, 100.1, 98.2, 98.4] });
    expect(s.fills()).toEqual([]);
    // Mark 98.4 → 98.5 → 97.9: 98 is 5/6 down the second step, at 1/3 + 5/18 = 11/18.
    // Last 98.2 → 98.1 → 98.6 at 11/18: 98.1 + 0.5 × 5/6 = 98.516… → 98.52.
    s.candle([98.2, 98.6, 98.1, 98.3], { mark: [98.4, 98.5, 97.9, 98] });
    expect(s.fills()).toEqual([{ id: expect.stringMatching(/^SOLUSDT-stopLoss-/), side: 'sell', qty: 10, price: 98.52, fee: 0.54186, maker: false, cause: 'stopLoss' }]);
  });

  it('orders a mark trigger and a last trigger of one candle on the common time axis', () => {
    const bracket = () => {
      const s = scenario();
      s.candles(WARM);
      s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 98, slTriggerBy: 'mark', takeProfit: 103 });
      s.candles(WARM);
      s.clear();
      return s;
    };
    // Last 100 → 99 → 103.5 reaches the 103 target at 1/3 + 1/3 × 4/4.5 = 0.630.
    const last = [100, 103.5, 99, 101] as const;
    // Mark 100 → 100.5 → 97.5 reaches the 98 stop at 1/3 + 1/3 × 2.5/3 = 0.611: first. The last price
    // then is 99 + 4.5 × 0.833… = 102.75.
    const stopFirst = bracket();
    stopFirst.candle(last, { mark: [100, 100.5, 97.5, 98] });
    expect(stopFirst.fills().map((f) => [f.qty, f.price, f.cause])).toEqual([[10, 102.75, 'stopLoss']]);
    // Mark 100 → 99.5 → 101 → 97.8 reaches 98 only on the last step (0.979): the target comes first.
    const targetFirst = bracket();
    targetFirst.candle(last, { mark: [100, 101, 99.5, 97.8] });
    expect(targetFirst.fills().map((f) => [f.qty, f.price, f.cause])).toEqual([[10, 103, 'takeProfit']]);
  });
});

describe('liquidation by mark price', () => {
  const leveraged = () => {
    const s = scenario({ leverage: 10 });
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    s.clear();
    return s; // liquidation at 90.5
  };

  it('survives a last-price wick below the liquidation price that the mark price did not follow', () => {
    const s = leveraged();
    s.candle([99, 99.5, 90, 92], { mark: [99, 99.4, 91, 92] });
    expect(s.events).toEqual([]);
    s.candle([92, 92.5, 90.8, 91], { mark: [92, 92.5, 90.4, 91] });
    expect(s.types()).toEqual(['liquidated', 'orderFilled', 'positionChanged']);
    expect(s.fills()).toMatchObject([{ side: 'sell', qty: 10, price: 90.5, cause: 'liquidation' }]);
  });

  it('follows a new leverage at once: the liquidation level moves with it', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    expect(s.venue.position(SOL).liquidationPrice).toBeCloseTo(0.5, 9);
    s.venue.setLeverage(SOL, 10);
    expect(s.venue.position(SOL).liquidationPrice).toBe(90.5);
    s.candles([99, 99.5, 90, 92]);
    expect(s.fills().at(-1)).toMatchObject({ price: 90.5, cause: 'liquidation' });
  });

  it('refuses a mark candle of another time', () => {
    const s = leveraged();
    expect(() => s.venue.processCandle(SOL, { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1 }, undefined, { time: 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1 })).toThrow(
      /the mark candle opens at 60000, the candle at 0/,
    );
  });
});

describe('Full trading stops by mark price', () => {
  it('sets, keeps and forgets the trigger source with the stop', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    s.venue.setTradingStop(SOL, { stopLoss: 98, slTriggerBy: 'mark', takeProfit: 103 });
    expect(s.venue.position(SOL)).toMatchObject({ stopLoss: 98, stopLossTriggerBy: 'mark', takeProfit: 103, takeProfitTriggerBy: 'last' });
    s.venue.setTradingStop(SOL, { stopLoss: 97 });
    expect(s.venue.position(SOL)).toMatchObject({ stopLoss: 97, stopLossTriggerBy: 'mark' });
    s.candle([100, 100.2, 96.5, 97], { mark: [100, 100.1, 97.2, 97.5] }); // only the last price reaches 97
    expect(s.venue.position(SOL).size).toBe(10);
    s.venue.setTradingStop(SOL, { stopLoss: 0 });
    s.venue.setTradingStop(SOL, { stopLoss: 96 });
    expect(s.venue.position(SOL)).toMatchObject({ stopLoss: 96, stopLossTriggerBy: 'last' });
  });
});
