import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInstrument, SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import { StepGrid } from '../../core/decimal.js';
import { round, scenario, SOL } from './test-support/scenario.js';

const WARM: [number, number, number, number] = [100, 100, 100, 100];

describe('SimVenue order rejections', () => {
  it('names the rule and the Bybit code', () => {
    const big = createInstrument({ ...SOLUSDT_DEFAULT, symbol: 'BIGUSDT', minOrderQty: '1' });
    const s = scenario({ instruments: [SOLUSDT_DEFAULT, big] });
    s.candles(WARM);
    s.submit({ symbol: 'BIGUSDT', side: 'buy', type: 'limit', qty: 0.5, price: 100 });
    s.submit({ side: 'buy', type: 'limit', qty: 0.05, price: 100 });
    s.submit({ side: 'buy', type: 'limit', qty: 0.1, price: 10 });
    s.submit({ side: 'buy', type: 'limit', qty: 1, price: 99.995 });
    s.submit({ side: 'buy', type: 'limit', qty: 100, price: 100 });
    s.submit({ clientId: 'same', side: 'buy', type: 'limit', qty: 1, price: 90 });
    s.submit({ clientId: 'same', side: 'buy', type: 'limit', qty: 1, price: 91 });
    s.submit({ symbol: 'XRPUSDT', side: 'buy', type: 'limit', qty: 1, price: 1 });
    const r = s.rejections();
    expect(r.map((x) => x.code)).toEqual([10001, 10001, 110094, 10001, 110007, 110072, 10001]);
    expect(r[0]!.reason).toMatch(/below minOrderQty 1/);
    expect(r[1]!.reason).toMatch(/qtyStep 0.1/);
    expect(r[2]!.reason).toMatch(/Order notional value below the lower limit/);
    expect(r[3]!.reason).toMatch(/tickSize 0.01/);
    expect(r[4]!.reason).toMatch(/^ab not enough for new order/);
    expect(r[5]!.reason).toMatch(/^OrderLinkedID is duplicate/);
    expect(r[6]!.reason).toMatch(/symbol invalid/);
    const rejected = s.events.find((e) => e.type === 'orderRejected');
    expect(rejected).toMatchObject({ order: { status: 'Rejected', rejectReason: r[0]!.reason } });
    expect(s.venue.openOrders(SOL).map((o) => o.clientId)).toEqual(['same']);
  });

  it('counts leverage, resting orders and fees in the margin check', () => {
    const s = scenario({ initialEquity: 1_000, leverage: 10 });
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'limit', qty: 90, price: 100 }); // 900 margin + 4.95 fee: fits
    s.submit({ side: 'buy', type: 'limit', qty: 10, price: 100 }); // 100 margin: only 100 left, fee does not fit
    expect(s.rejections().map((r) => r.code)).toEqual([110007]);
  });

  it('rejects a reduce-only order that would open or grow a position, and trims one larger than it', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'sell', type: 'market', qty: 1, reduceOnly: true });
    expect(s.rejections()).toEqual([{ code: 110017, reason: expect.stringMatching(/Reduce-only rule not satisfied/) }]);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles([100, 100, 100, 100]);
    s.submit({ side: 'buy', type: 'market', qty: 1, reduceOnly: true });
    expect(s.rejections()).toHaveLength(2);
    // Bybit trims a reduce-only order to the position: 15 asked, 10 filled, the rest cancelled.
    s.submit({ clientId: 'close', side: 'sell', type: 'market', qty: 15, reduceOnly: true });
    s.candles([101, 101, 101, 101]);
    expect(s.fills().at(-1)).toMatchObject({ id: 'close', qty: 10, price: 101 });
    expect(s.venue.position(SOL).size).toBe(0);
    expect(s.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'close', filledQty: 10 } });
  });

  it('cancels resting reduce-only orders once the position is closed', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10, stopLoss: 95 });
    s.candles(WARM);
    s.submit({ clientId: 'tp', side: 'sell', type: 'limit', qty: 10, price: 110, reduceOnly: true });
    s.candles([94, 94, 93, 93.5]);
    expect(s.venue.openOrders(SOL)).toEqual([]);
    expect(s.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'tp' } });
  });
});

describe('SimVenue account', () => {
  it('debits funding on a long and credits it on a short when the rate is positive', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    const before = s.venue.balance;
    expect(s.venue.settleFunding(SOL, 1_000, 0.0001, 100)).toBeCloseTo(0.1, 12);
    expect(s.events.at(-1)).toEqual({ type: 'fundingPaid', time: 1_000, symbol: SOL, rate: 0.0001, amount: 0.1 });
    expect(round(s.venue.balance)).toBe(round(before - 0.1));
    s.submit({ side: 'sell', type: 'market', qty: 20 });
    s.candles(WARM);
    const flipped = s.venue.balance;
    expect(s.venue.settleFunding(SOL, 2_000, 0.0001, 100)).toBeCloseTo(-0.1, 12);
    expect(round(s.venue.balance)).toBe(round(flipped + 0.1));
    s.submit({ side: 'buy', type: 'market', qty: 10, reduceOnly: true });
    s.candles(WARM);
    s.clear();
    expect(s.venue.settleFunding(SOL, 3_000, 0.0001, 100)).toBe(0);
    expect(s.events).toEqual([]);
  });

  it('liquidates a 10x long on a crash candle at the liquidation price: the margin is lost', () => {
    const s = scenario({ leverage: 10 });
    s.candles(WARM);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles(WARM);
    // IM 100, MM 5: liquidation at 100 − (100 − 5) / 10 = 90.5.
    expect(s.venue.position(SOL).liquidationPrice).toBe(90.5);
    const before = s.venue.balance;
    s.clear();
    s.candles([99, 99.5, 80, 85]);
    expect(s.types()).toEqual(['liquidated', 'orderFilled', 'positionChanged']);
    expect(s.events[0]).toMatchObject({ price: 90.5, qty: 10 });
    expect(s.fills()).toEqual([{ id: expect.any(String), side: 'sell', qty: 10, price: 90.5, fee: 5, maker: false, cause: 'liquidation' }]);
    expect(round(before - s.venue.balance)).toBe(100);
    expect(round(s.venue.equity({ [SOL]: 85 }))).toBe(round(before - 100));
  });

  it('reports equity as balance plus unrealised PnL at the marks', () => {
    const s = scenario();
    s.candles(WARM);
    s.submit({ side: 'sell', type: 'market', qty: 10 });
    s.candles([100, 100, 100, 102]);
    expect(round(s.venue.equity({ [SOL]: 90 }))).toBe(round(s.venue.balance + 100));
    expect(round(s.venue.equity())).toBe(round(s.venue.balance - 20)); // last close 102
  });

  it('keeps symbols apart: a candle of one never fills the other', () => {
    const btc = createInstrument({ ...SOLUSDT_DEFAULT, symbol: 'BTCUSDT' });
    const s = scenario({ instruments: [SOLUSDT_DEFAULT, btc] });
    s.submit({ symbol: 'BTCUSDT', side: 'buy', type: 'limit', qty: 1, price: 99 });
    s.candles([100, 100, 90, 95]);
    expect(s.fills()).toEqual([]);
    s.venue.processCandle('BTCUSDT', { time: 5, open: 100, high: 100, low: 98, close: 98, volume: 10 });
    expect(s.fills().map((f) => [f.id, f.price])).toEqual([['o1', 99]]);
  });

  it('fills market orders on the tick grid, never better than open ± slippage (property)', () => {
    const grid = new StepGrid('0.01');
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1_000_000 }), fc.integer({ min: 0, max: 50 }), fc.boolean(), (openTicks, bps, buy) => {
        const open = grid.toNumber(openTicks);
        const s = scenario({ slippage: { kind: 'fixed', bps }, initialEquity: 1e9 });
        s.candles([open, open, open, open]);
        s.submit({ side: buy ? 'buy' : 'sell', type: 'market', qty: 10 });
        s.candles([open, open, open, open]);
        const price = s.fills()[0]!.price;
        const ideal = open * (1 + ((buy ? 1 : -1) * bps) / 10_000);
        return grid.isOnGrid(price) && (buy ? price >= ideal - 1e-9 && price - ideal < 0.01 : price <= ideal + 1e-9 && ideal - price < 0.01);
      }),
    );
  });
});
