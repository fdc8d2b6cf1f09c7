import { describe, expect, it } from 'vitest';
import { round, scenario, SOL } from './test-support/scenario.js';

const WARM = [100, 100, 100, 100] as const;

/** Long 10 SOL at 100 with a Full stop-loss at 95, then a take-profit ladder: 5 at 102, 5 at 104 (Partial trading stops). */
function laddered() {
  const s = scenario();
  s.candles(WARM);
  s.submit({ clientId: 'entry', side: 'buy', type: 'market', qty: 10, stopLoss: 95 });
  s.candles(WARM);
  s.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 102, tpSize: 5 });
  s.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 104, tpSize: 5 });
  s.clear();
  return s;
}

describe('Partial take-profits set by trading-stop (a TP ladder)', () => {
  it('lists each rung on the position and on positionChanged', () => {
    const s = laddered();
    const rungs = [
      { id: 'SOLUSDT-tpsl-2:tp', kind: 'takeProfit', price: 102, size: 5, triggerBy: 'last', limitPrice: undefined },
      { id: 'SOLUSDT-tpsl-3:tp', kind: 'takeProfit', price: 104, size: 5, triggerBy: 'last', limitPrice: undefined },
    ];
    expect(s.venue.position(SOL)).toMatchObject({ size: 10, stopLoss: 95, partialStops: rungs });
    const s2 = scenario();
    s2.candles(WARM);
    s2.submit({ side: 'buy', type: 'market', qty: 10 });
    s2.candles(WARM);
    s2.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 102, tpSize: 5 });
    expect(s2.events.at(-1)).toMatchObject({ type: 'positionChanged', realisedPnl: 0, partialStops: [{ kind: 'takeProfit', price: 102, size: 5 }] });
  });

  it('fills rung by rung, each closing its own size; the position closes with the last one', () => {
    const s = laddered();
    s.candles([100, 102.5, 99.8, 102.2]); // 100 → 99.8 → 102.5: the 102 rung
    expect(s.fills()).toEqual([{ id: 'SOLUSDT-tpsl-2:tp', side: 'sell', qty: 5, price: 102, fee: 0.2805, maker: false, cause: 'takeProfit' }]);
    expect(s.types()).toEqual(['orderFilled', 'positionChanged']);
    expect(s.events[1]).toMatchObject({ position: { size: 5, entryPrice: 100 }, realisedPnl: 10, stopLoss: 95, partialStops: [{ price: 104, size: 5 }] });
    s.candles([102.2, 104.5, 102, 104]); // 102.2 → 102 → 104.5: the 104 rung
    expect(s.fills().at(-1)).toEqual({ id: 'SOLUSDT-tpsl-3:tp', side: 'sell', qty: 5, price: 104, fee: 0.286, maker: false, cause: 'takeProfit' });
    expect(s.venue.position(SOL)).toMatchObject({ size: 0, stopLoss: undefined, partialStops: [] });
    expect(round(s.venue.balance)).toBe(round(10_000 - 0.55 + 10 - 0.2805 + 20 - 0.286));
  });

  it('keeps the Full stop-loss closing the whole remaining position, and drops the rungs left', () => {
    const s = laddered();
    s.candles([100, 102.5, 99.8, 102.2]);
    s.candles([102, 102.1, 94, 95]);
    expect(s.fills().map((f) => [f.id.replace(/-\d+$/, ''), f.qty, f.price, f.cause])).toEqual([
      ['SOLUSDT-tpsl-2:tp', 5, 102, 'takeProfit'],
      ['SOLUSDT-stopLoss', 5, 95, 'stopLoss'],
    ]);
    expect(s.venue.position(SOL)).toMatchObject({ size: 0, partialStops: [] });
  });

  it('fills two rungs reached in one candle in path order', () => {
    const s = laddered();
    s.candles([100, 105, 99.9, 104.8]); // 100 → 99.9 → 105: 102 then 104
    expect(s.fills().map((f) => [f.qty, f.price, f.cause])).toEqual([
      [5, 102, 'takeProfit'],
      [5, 104, 'takeProfit'],
    ]);
  });

  it('trims rungs to what is left when the position shrinks, so none closes more than the position', () => {
    const s = laddered();
    s.submit({ clientId: 'cut', side: 'sell', type: 'market', qty: 8, reduceOnly: true });
    s.candles(WARM);
    expect(s.venue.position(SOL).partialStops.map((p) => p.size)).toEqual([2, 2]);
    s.candles([100, 102.5, 99.8, 102.2]);
    expect(s.fills().map((f) => [f.id, f.qty, f.price])).toEqual([
      ['cut', 8, 100],
      ['SOLUSDT-tpsl-2:tp', 2, 102],
    ]);
    expect(s.venue.position(SOL)).toMatchObject({ size: 0, partialStops: [] });
  });

  it('pairs a take-profit and a stop-loss set in one call: when one fires the other goes', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    s.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 103, stopLoss: 98, tpSize: 4, slSize: 4 });
    s.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 105, tpSize: 6 });
    s.clear();
    s.candles([100, 100.5, 97.5, 98.5]); // 100 → 100.5 → 97.5: the 98 stop of the pair
    expect(s.fills()).toEqual([{ id: 'SOLUSDT-tpsl-2:sl', side: 'sell', qty: 4, price: 98, fee: 0.2156, maker: false, cause: 'stopLoss' }]);
    expect(s.venue.position(SOL).partialStops.map((p) => [p.kind, p.price, p.size])).toEqual([['takeProfit', 105, 6]]);
  });
});

describe('Partial TP/SL attached at entry', () => {
  it('sizes them to the order filled, beside another entry\'s Full stop-loss', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ clientId: 'A', side: 'buy', type: 'market', qty: 6, takeProfit: 103, stopLoss: 98, tpslMode: 'Partial' });
    s.submit({ clientId: 'B', side: 'buy', type: 'market', qty: 4, stopLoss: 97 });
    s.candles(WARM);
    expect(s.venue.position(SOL)).toMatchObject({
      size: 10,
      stopLoss: 97,
      partialStops: [
        { id: 'A:tp', kind: 'takeProfit', price: 103, size: 6, triggerBy: 'last' },
        { id: 'A:sl', kind: 'stopLoss', price: 98, size: 6, triggerBy: 'last' },
      ],
    });
    s.clear();
    s.candles([100, 100.5, 97.9, 98.5]); // 100 → 100.5 → 97.9: A's stop at 98, not B's at 97
    expect(s.fills()).toEqual([{ id: 'A:sl', side: 'sell', qty: 6, price: 98, fee: 0.3234, maker: false, cause: 'stopLoss' }]);
    expect(s.venue.position(SOL)).toMatchObject({ size: 4, stopLoss: 97, partialStops: [] });
    s.candles([98.5, 99, 96.5, 97]);
    expect(s.fills().at(-1)).toMatchObject({ qty: 4, price: 97, cause: 'stopLoss' });
  });

  it('grows with each partial fill of its entry', () => {
    // Volume participation lets 5 of the 10 fill per candle of 50 SOL.
    const s = scenario({ slippage: { kind: 'participation', coefficient: 0, maxParticipation: 0.1 } });
    s.candles(WARM);
    s.submit({ clientId: 'E', side: 'buy', type: 'limit', qty: 10, price: 99, stopLoss: 95, tpslMode: 'Partial' });
    s.candles([100, 100, 98, 98.5, 50]);
    expect(s.venue.position(SOL).partialStops).toMatchObject([{ id: 'E:sl', size: 5 }]);
    s.candles([98.5, 99, 98, 98.5, 50]);
    expect(s.venue.position(SOL).partialStops).toMatchObject([{ id: 'E:sl', size: 10 }]);
  });

  it('turns a take-profit with tpLimitPrice into a resting reduce-only limit once triggered', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, takeProfit: 103, tpLimitPrice: 103.5, tpslMode: 'Partial' });
    s.candles(WARM);
    s.clear();
    s.candles([100, 103.2, 99.9, 103]); // 100 → 99.9 → 103.2: triggers at 103, never trades through 103.5
    expect(s.types()).toEqual(['positionChanged', 'orderTriggered']);
    expect(s.events[1]).toMatchObject({ order: { clientId: 'o1:tp', side: 'sell', type: 'limit', price: 103.5, qty: 10, reduceOnly: true, status: 'Triggered' } });
    expect(s.venue.openOrders(SOL)).toMatchObject([{ clientId: 'o1:tp' }]);
    expect(s.venue.position(SOL).partialStops).toEqual([]);
    s.candles([103, 103.6, 102.9, 103.4]); // 103 → 102.9 → 103.6: through 103.5
    expect(s.fills()).toEqual([{ id: 'o1:tp', side: 'sell', qty: 10, price: 103.5, fee: 0.207, maker: true, cause: 'takeProfit' }]);
    expect(s.venue.position(SOL).size).toBe(0);
  });

  it('triggers a partial take-profit by mark price when asked', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, takeProfit: 103, tpTriggerBy: 'mark', tpslMode: 'Partial' });
    s.candles(WARM);
    expect(s.venue.position(SOL).partialStops).toMatchObject([{ triggerBy: 'mark' }]);
    s.candle([100, 103.5, 99.9, 103.2], { mark: [100, 102.9, 99.9, 102.8] }); // last reaches 103, mark does not
    expect(s.fills()).toHaveLength(1);
    s.candle([103.2, 103.4, 103, 103.1], { mark: [102.8, 103.1, 102.7, 103] }); // mark 102.8 → 102.7 → 103.1
    expect(s.fills().at(-1)).toMatchObject({ id: 'o1:tp', qty: 10, cause: 'takeProfit' });
  });
});

describe('Partial TP/SL refusals', () => {
  const held = () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    s.clear();
    return s;
  };

  it('names the field and the value, and changes nothing', () => {
    const s = held();
    const refused: Array<[object, RegExp]> = [
      [{ tpslMode: 'Partial', takeProfit: 103 }, /tpSize is required with takeProfit in tpslMode Partial/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 12 }, /tpSize 12 is more than the position size 10/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 0.05 }, /tpSize 0.05 is not a positive multiple of qtyStep 0.1/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 5, stopLoss: 98, slSize: 4 }, /tpSize 5 and slSize 4 must be equal/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 5, stopLoss: 98, slSize: 11 }, /slSize 11 is more than the position size 10/],
      [{ tpslMode: 'Partial', takeProfit: 0, tpSize: 5 }, /takeProfit 0: tpslMode Partial only adds stops/],
      [{ tpslMode: 'Partial', trailingStop: 2 }, /trailingStop 2 is set in tpslMode Full only/],
      [{ tpslMode: 'Partial', stopLoss: 98, tpSize: 5, slSize: 5 }, /tpSize 5 is given without a takeProfit/],
      [{ tpslMode: 'Partial', takeProfit: 103.005, tpSize: 5 }, /takeProfit 103.005 is not a positive multiple of tickSize 0.01/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 5, tpLimitPrice: -1 }, /tpLimitPrice -1 is not a positive multiple of tickSize/],
      [{ takeProfit: 103, tpSize: 5 }, /tpSize 5 is valid in tpslMode Partial only/],
      [{ tpslMode: 'Half', takeProfit: 103 }, /tpslMode "Half" is not Full or Partial/],
      [{ tpslMode: 'Partial', takeProfit: 103, tpSize: 5, tpTriggerBy: 'index' }, /tpTriggerBy "index" is not a trigger source; use last or mark/],
    ];
    for (const [stop, message] of refused) {
      expect(() => s.venue.setTradingStop(SOL, stop as never), JSON.stringify(stop)).toThrow(message);
    }
    expect(s.events).toEqual([]);
    expect(s.venue.position(SOL).partialStops).toEqual([]);
  });

  it('allows 20 partial stops on a position and refuses the 21st, at entry with Bybit\'s code', () => {
    const s = held();
    for (let i = 0; i < 20; i++) s.venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 101 + i, tpSize: 0.5 });
    expect(() => s.venue.setTradingStop(SOL, { tpslMode: 'Partial', stopLoss: 90, slSize: 1 })).toThrow(/more than 20 TP\/SLs under Partial tpSlMode/);
    s.submit({ side: 'buy', type: 'market', qty: 1, stopLoss: 90, tpslMode: 'Partial' });
    expect(s.rejections()).toEqual([{ code: 110061, reason: expect.stringMatching(/more than 20 TP\/SLs/) }]);
  });

  it('rejects an order whose TP/SL fields Bybit would refuse', () => {
    const s = held();
    s.submit({ side: 'buy', type: 'market', qty: 1, takeProfit: 110, tpLimitPrice: 109.5 });
    s.submit({ side: 'buy', type: 'market', qty: 1, tpLimitPrice: 109.5, tpslMode: 'Partial' });
    s.submit({ side: 'buy', type: 'market', qty: 1, takeProfit: 110, tpslMode: 'Partial', tpLimitPrice: 109.505 });
    s.submit({ side: 'buy', type: 'market', qty: 1, takeProfit: 110, tpTriggerBy: 'index' as never });
    s.submit({ side: 'buy', type: 'market', qty: 1, trigger: { price: 105, by: 'index' as never, direction: 'rise' } });
    s.submit({ side: 'buy', type: 'market', qty: 1, stopLoss: 90, tpslMode: 'Some' as never });
    const reasons = s.rejections().map((r) => [r.code, r.reason]);
    expect(reasons).toEqual([
      [10001, expect.stringMatching(/^tpLimitPrice 109.5 needs tpslMode Partial and a takeProfit/)],
      [10001, expect.stringMatching(/^tpLimitPrice 109.5 needs tpslMode Partial and a takeProfit/)],
      [10001, expect.stringMatching(/^Price invalid: tpLimitPrice 109.505 is not a positive multiple of tickSize 0.01/)],
      [10001, expect.stringMatching(/^tpTriggerBy invalid: "index" is not a trigger source/)],
      [10001, expect.stringMatching(/^triggerBy invalid: "index" is not a trigger source/)],
      [10001, expect.stringMatching(/^tpslMode invalid: "Some"/)],
    ]);
  });

  it('rejects a take-profit or stop-loss on the wrong side of the order\'s base price (limit, trigger, or last price)', () => {
    const s = held();
    const last = 100; // the close of the last candle
    s.submit({ side: 'buy', type: 'market', qty: 1, stopLoss: last + 1 });
    s.submit({ side: 'buy', type: 'market', qty: 1, takeProfit: last - 1 });
    s.submit({ side: 'sell', type: 'limit', qty: 1, price: last + 5, stopLoss: last + 4 });
    s.submit({ side: 'sell', type: 'market', qty: 1, trigger: { price: last - 5, by: 'last', direction: 'fall' }, takeProfit: last - 4 });
    expect(s.rejections().map((r) => [r.code, r.reason])).toEqual([
      [10001, `StopLoss ${last + 1} set for a Buy order should be lower than its base price ${last} (SOLUSDT)`],
      [10001, `TakeProfit ${last - 1} set for a Buy order should be higher than its base price ${last} (SOLUSDT)`],
      [10001, `StopLoss ${last + 4} set for a Sell order should be higher than its base price ${last + 5} (SOLUSDT)`],
      [10001, `TakeProfit ${last - 4} set for a Sell order should be lower than its base price ${last - 5} (SOLUSDT)`],
    ]);
    // On the right sides they are taken.
    s.submit({ side: 'sell', type: 'limit', qty: 1, price: last + 5, stopLoss: last + 6, takeProfit: last - 6 });
    expect(s.rejections()).toHaveLength(4);
  });
});
