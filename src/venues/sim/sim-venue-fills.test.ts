import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import type { SimCandle } from '../../ports/simulated-venue.js';
import { SimVenue } from './sim-venue.js';
import { scenario, SOL } from './test-support/scenario.js';

const WARM = [100, 100, 100, 100] as const;

describe('queue assumption for limit orders (limitFill)', () => {
  const bid = (limitFill: 'through' | 'touch' | { throughTicks: number }) => {
    const s = scenario({ limitFill });
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 10, price: 99 });
    return s;
  };

  it("'through' (default) needs a trade below the limit; 'touch' fills when price reaches it", () => {
    const through = bid('through');
    through.candles([100, 100.5, 99, 99.5]);
    expect(through.fills()).toEqual([]);
    const touch = bid('touch');
    touch.candles([100, 100.5, 99, 99.5]);
    expect(touch.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 99, fee: 0.198, maker: true, cause: 'order' }]);
  });

  it('{ throughTicks: n } needs price n ticks beyond the limit, and fills at the limit', () => {
    const s = bid({ throughTicks: 2 });
    s.candles([100, 100.5, 98.99, 99.5]); // one tick through: not enough
    expect(s.fills()).toEqual([]);
    s.candles([99.5, 99.6, 98.98, 99.2]); // two ticks through
    expect(s.fills()).toMatchObject([{ qty: 10, price: 99, maker: true }]);
  });

  it('fills at the better open when the candle gaps beyond the level, whatever the rule', () => {
    const s = bid({ throughTicks: 2 });
    s.candles(WARM, [98.5, 99.5, 98, 99]);
    expect(s.fills()).toMatchObject([{ price: 98.5, maker: true }]);
  });

  it('refuses an unknown rule with a clear error', () => {
    const make = (limitFill: unknown) => () =>
      new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 1000, clock: new ManualClock(0), limitFill: limitFill as never });
    expect(make('sometimes')).toThrow(`limitFill must be 'through', 'touch' or { throughTicks: <integer from 0 to 10000> }, got "sometimes"`);
    expect(make({ throughTicks: -1 })).toThrow('got {"throughTicks":-1}');
    expect(make({ throughTicks: 1.5 })).toThrow('got {"throughTicks":1.5}');
    expect(make({ throughTicks: 3 })).not.toThrow();
  });
});

describe('partial fills by volume participation', () => {
  // At most 10 % of a 50 SOL candle fills: 5 SOL; no impact, so prices are the plain ones.
  const capped = () => {
    const s = scenario({ slippage: { kind: 'participation', coefficient: 0, maxParticipation: 0.1 } });
    s.candles(WARM);
    return s;
  };

  it('fills a market order up to the cap and cancels the rest', () => {
    const s = capped();
    s.submit({ side: 'buy', type: 'market', qty: 12 });
    s.candles([100, 101, 99.5, 100.5, 50]);
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 5, price: 100, fee: 0.275, maker: false, cause: 'order' }]);
    expect(s.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'o1', status: 'Cancelled', filledQty: 5 }, reason: 'unfilled quantity of a market order cancelled' });
    expect(s.venue.position(SOL).size).toBe(5);
  });

  it('fills a FOK market order whole or not at all', () => {
    const s = capped();
    s.submit({ clientId: 'small', side: 'buy', type: 'market', qty: 5, timeInForce: 'FOK' });
    s.submit({ clientId: 'big', side: 'buy', type: 'market', qty: 6, timeInForce: 'FOK' });
    s.candles([100, 101, 99.5, 100.5, 50]);
    expect(s.fills().map((f) => [f.id, f.qty])).toEqual([['small', 5]]);
    expect(s.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'big', filledQty: 0 }, reason: 'FOK: the whole quantity could not fill' });
  });

  it('lets a GTC limit fill over several candles, never more than the cap in one', () => {
    const s = capped();
    s.submit({ side: 'sell', type: 'limit', qty: 12, price: 101 });
    s.candles([100, 101.5, 99.8, 101.2, 50], [101.2, 101.6, 101, 101.3, 50], [101.3, 101.5, 101.1, 101.2, 20]);
    expect(s.fills().map((f) => [f.qty, f.price, f.maker])).toEqual([
      [5, 101, true],
      [5, 101.2, true],
      [2, 101.3, true],
    ]);
    expect(s.venue.openOrders(SOL)).toEqual([]);
  });

  it('takes a participation cap set at run time on top of the model, and drops it again', () => {
    const s = scenario(); // fixed slippage of 0: no cap of its own
    s.candles(WARM);
    s.venue.setParticipationCap(0.002); // 2 SOL of a 1000 SOL candle
    s.submit({ clientId: 'mkt', side: 'buy', type: 'market', qty: 5 });
    s.submit({ clientId: 'lmt', side: 'sell', type: 'limit', qty: 5, price: 100.5 });
    s.candles([100, 101, 99.8, 100.8], [100.8, 101, 100.6, 100.9]);
    expect(s.fills().map((f) => [f.id, f.qty])).toEqual([['mkt', 2], ['lmt', 2], ['lmt', 2]]);
    s.venue.setParticipationCap(undefined);
    s.candles([100.9, 101, 100.6, 100.9]);
    expect(s.fills().map((f) => [f.id, f.qty])).toEqual([['mkt', 2], ['lmt', 2], ['lmt', 2], ['lmt', 1]]);
    for (const bad of [0, -0.1, 1.5, Number.NaN, '0.1']) {
      expect(() => s.venue.setParticipationCap(bad as never)).toThrow(`participation cap must be a fraction of candle volume in (0, 1] or undefined, got ${typeof bad === 'string' ? '"0.1"' : String(bad)}`);
    }
  });
});

describe('quiet symbols and the cheap path', () => {
  it('is quiet with no order and no position, and not otherwise', () => {
    const s = scenario();
    expect(s.venue.isQuiet(SOL)).toBe(true);
    s.candles(WARM);
    s.submit({ clientId: 'bid', side: 'buy', type: 'limit', qty: 1, price: 90 });
    expect(s.venue.isQuiet(SOL)).toBe(false);
    s.venue.cancel(SOL, 'bid');
    expect(s.venue.isQuiet(SOL)).toBe(true);
    s.submit({ side: 'buy', type: 'market', qty: 1 });
    s.candles(WARM);
    expect(s.venue.isQuiet(SOL)).toBe(false); // a position
    s.submit({ side: 'sell', type: 'market', qty: 1, reduceOnly: true });
    s.candles(WARM);
    expect(s.venue.isQuiet(SOL)).toBe(true);
  });

  it('moves a trailing stop\'s best price over candles in which it cannot fire', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    s.venue.setTradingStop(SOL, { trailingStop: 2 });
    s.candles([100, 101, 100, 101], [101, 101.5, 100.8, 101.5]); // never 2 below the best price
    expect(s.venue.position(SOL)).toMatchObject({ size: 10, trailPeak: 101.5 });
    s.candles([101.5, 101.6, 99, 99.2]); // the stop at 99.6 fires
    expect(s.fills().at(-1)).toMatchObject({ price: 99.6, cause: 'trailingStop' });
  });

  it('keeps no reference to the candle objects it is given: the caller may reuse them', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 98, takeProfit: 103 });
    const candle: { -readonly [K in keyof SimCandle]: SimCandle[K] } = { time: s.clock.now(), open: 100, high: 100.5, low: 99.5, close: 100, volume: 1000 };
    const detail = [{ ...candle }];
    const rows: Array<[number, number, number, number]> = [
      [100, 100.5, 99.5, 100],
      [100, 102, 99, 101],
      [101, 103.5, 100.5, 103],
    ];
    for (const [open, high, low, close] of rows) {
      Object.assign(candle, { time: s.clock.now(), open, high, low, close });
      Object.assign(detail[0]!, candle);
      s.venue.processCandle(SOL, candle, detail, candle);
      s.clock.advance(60_000);
    }
    expect(s.fills().map((f) => [f.price, f.cause])).toEqual([
      [100, 'order'],
      [103, 'takeProfit'],
    ]);
  });

  it('reports orders in one fixed shape whatever fields they use', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 1, price: 90 });
    s.submit({ side: 'buy', type: 'market', qty: 1, trigger: { price: 110, by: 'last', direction: 'rise' }, stopLoss: 100, tpslMode: 'Partial' });
    const [a, b] = s.venue.openOrders(SOL);
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
  });
});

describe('commands sent from event handlers while a candle is walked', () => {
  it('starts a trailing stop set on the entry fill from the price of that moment, not the last close', () => {
    const s = scenario();
    s.candles([95, 95, 95, 95]);
    s.venue.onEvent((e) => {
      if (e.type === 'orderFilled' && e.fill.clientId === 'short') s.venue.setTradingStop(SOL, { trailingStop: 2 });
    });
    s.submit({ clientId: 'short', side: 'sell', type: 'market', qty: 10 });
    // Fills at the open 100; the stop trails from there: 100 → 99.5 (stop 101.5) → 101.5 fires it.
    s.candles([100, 101.5, 99.5, 101]);
    expect(s.fills().map((f) => [f.side, f.price, f.cause])).toEqual([
      ['sell', 100, 'order'],
      ['buy', 101.5, 'trailingStop'],
    ]);
  });
});
