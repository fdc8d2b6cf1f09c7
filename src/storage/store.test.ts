// The Store contract on every dialect: idempotent upserts, recovery state, the append-only event log in order.
import { describe, expect, it } from 'vitest';
import { STORE_DIALECTS, storeOpener } from './test-support/dialects.js';
import { fill, orderState, request, signal, T0, trade } from './test-support/fixtures.js';

describe.each(STORE_DIALECTS)('$name store', (dialect) => {
  describe.skipIf(dialect.skip !== undefined)('writes and reads', () => {
    const stores = storeOpener(dialect);

    it('stores the same fill twice as one row, and says which call was new', async () => {
      const store = await stores.open();
      expect(await store.recordFill(fill('e1'))).toBe(true);
      expect(await store.recordFill(fill('e1', { price: 999 }))).toBe(false);
      const result = await store.write([{ kind: 'fill', fill: fill('e1') }, { kind: 'fill', fill: fill('e2', { time: T0 + 5000 }) }]);
      expect(result.newFills).toBe(1);
      expect((await store.counts()).executions).toBe(2);
      const row = await store.db.selectFrom('executions').selectAll().where('exec_id', '=', 'e1').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ price: 150.25, qty: 0.5, fee: 0.0413, maker: 1, time: T0 + 1000, cause: 'order' });
    });

    it('updates an order in place by client id, from sent to filled, ignoring a late older state', async () => {
      const store = await stores.open();
      await store.recordOrderSent(request('a'), T0);
      await store.recordOrderSent(request('a'), T0 + 1);
      const [order] = (await store.loadRecovery()).openOrders;
      expect(order).toMatchObject({ status: 'Sent', orderId: undefined, request: request('a') });
      expect(order!.avgFillPrice).toBeNaN();
      await store.recordOrder(orderState('a', { createdTime: T0 - 5, updatedTime: T0 - 5 })); // the venue's clock is behind: still taken
      await store.recordOrder(orderState('a', { status: 'Filled', filledQty: 1.5, avgFillPrice: 150.2, updatedTime: T0 + 20 }));
      await store.recordOrder(orderState('a', { status: 'Filled', filledQty: 1.5, avgFillPrice: 150.2, updatedTime: T0 + 20 }));
      await store.recordOrder(orderState('a', { status: 'PartiallyFilled', filledQty: 0.5, updatedTime: T0 + 10 }));
      expect((await store.counts()).orders).toBe(1);
      expect((await store.loadRecovery()).openOrders).toEqual([]);
      const row = await store.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'Filled', order_id: 'venue-a', filled_qty: 1.5, avg_fill_price: 150.2, updated_time: T0 + 20 });
    });

    it('takes a final state over a working one whatever their times, and never gives it back', async () => {
      const store = await stores.open();
      await store.recordOrderSent(request('b'), T0);
      // Accepted mid-candle, filled with the candle's opening time (a replaying exchange stamps fills so).
      await store.recordOrder(orderState('b', { createdTime: T0 + 9000, updatedTime: T0 + 9000 }));
      await store.recordOrder(orderState('b', { status: 'Filled', filledQty: 1.5, avgFillPrice: 150.2, updatedTime: T0 }));
      await store.recordOrder(orderState('b', { status: 'New', updatedTime: T0 + 10_000 })); // late news of a working state
      const row = await store.db.selectFrom('orders').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'Filled', filled_qty: 1.5, avg_fill_price: 150.2, updated_time: T0 });
      expect((await store.loadRecovery()).openOrders).toEqual([]);
    });

    it('loads what recovery needs: open orders, positions, last fill time, recent trades, equity, trading state', async () => {
      const store = await stores.open();
      const empty = await store.loadRecovery();
      expect(empty).toEqual({ openOrders: [], positions: [], lastFillTime: undefined, recentTrades: [], lastEquity: undefined, tradingState: undefined, lastEventSeq: undefined });
      await store.recordOrder(orderState('open-1', { createdTime: T0 + 2 }));
      await store.recordOrder(orderState('open-0', { status: 'Untriggered', createdTime: T0 + 1, trigger: { price: 140, by: 'mark', direction: 'fall' } }));
      await store.recordOrder(orderState('done', { status: 'Cancelled' }));
      await store.recordPosition({ symbol: 'SOLUSDT', size: 1.5, entryPrice: 150.25, stopLoss: 145, updatedTime: T0 });
      await store.recordPosition({ symbol: 'SOLUSDT', size: 1.5, entryPrice: 150.25, stopLoss: 147.5, updatedTime: T0 + 10 }); // stop moved
      await store.recordPosition({ symbol: 'SOLUSDT', size: 9, entryPrice: 1, updatedTime: T0 + 5 }); // stale
      await store.recordPosition({ symbol: 'BTCUSDT', size: 0, entryPrice: NaN, updatedTime: T0 });
      await store.recordFill(fill('e1', { time: T0 + 7000 }));
      await store.recordFill(fill('e0', { time: T0 + 3000 }));
      for (let i = 0; i < 4; i++) expect(await store.recordTrade(trade({ entryTime: T0 + i * 100_000, exitTime: T0 + i * 100_000 + 50_000, pnl: i }))).toBe(true);
      expect(await store.recordTrade(trade({ entryTime: T0, exitTime: T0 + 50_000 }))).toBe(false);
      await store.recordEquity({ time: T0, equity: 10_000, balance: 10_000 });
      await store.recordEquity({ time: T0 + 60_000, equity: 10_002.6, balance: 10_002.6 });
      await store.recordRiskStateChange({ time: T0, from: 'ACTIVE', to: 'REDUCING', reason: 'drawdown 5%', rule: 'drawdown' });
      await store.recordRiskStateChange({ time: T0 + 1, from: 'REDUCING', to: 'HALTED', reason: 'daily loss', rule: 'dailyLoss', until: T0 + 86_400_000 });
      const state = await store.loadRecovery({ recentTrades: 3 });
      expect(state.openOrders.map((o) => [o.request.clientId, o.status])).toEqual([['open-0', 'Untriggered'], ['open-1', 'New']]);
      expect(state.openOrders[0]!.request.trigger).toEqual({ price: 140, by: 'mark', direction: 'fall' });
      expect(state.positions).toEqual([{ symbol: 'SOLUSDT', size: 1.5, entryPrice: 150.25, stopLoss: 147.5, updatedTime: T0 + 10 }]);
      expect(state.lastFillTime).toBe(T0 + 7000);
      expect(state.recentTrades.map((t) => t.pnl)).toEqual([1, 2, 3]);
      expect(state.recentTrades[0]).toEqual(trade({ entryTime: T0 + 100_000, exitTime: T0 + 150_000, pnl: 1 }));
      expect(state.lastEquity).toEqual({ time: T0 + 60_000, equity: 10_002.6, balance: 10_002.6 });
      expect(state.tradingState).toEqual({ time: T0 + 1, from: 'REDUCING', to: 'HALTED', reason: 'daily loss', rule: 'dailyLoss', until: T0 + 86_400_000 });
    });

    it('appends events in order with their correlation ids, and reads them back by time, seq and correlation', async () => {
      const store = await stores.open();
      const first = await store.appendEvent({ time: T0, type: 'signal', correlationId: 'c1', payload: { strength: 0.7 } });
      const { eventSeqs } = await store.write([
        { kind: 'event', event: { time: T0 + 1, type: 'orderSent', correlationId: 'c1', payload: { clientId: 'a' } } },
        { kind: 'event', event: { time: T0 + 1, type: 'heartbeat', payload: null } },
        { kind: 'orderSent', request: request('a'), time: T0 + 1 },
        { kind: 'event', event: { time: T0 + 2, type: 'orderFilled', correlationId: 'c1', payload: { price: 150.25, nested: [1, 'x'] } } },
      ]);
      expect(eventSeqs).toHaveLength(3);
      expect([first, ...eventSeqs]).toEqual([...[first, ...eventSeqs]].sort((a, b) => a - b));
      expect(new Set([first, ...eventSeqs]).size).toBe(4);
      const all = await store.eventsSince(T0);
      expect(all.map((e) => e.type)).toEqual(['signal', 'orderSent', 'heartbeat', 'orderFilled']);
      expect(all[3]).toEqual({ seq: eventSeqs[2], time: T0 + 2, type: 'orderFilled', correlationId: 'c1', payload: { price: 150.25, nested: [1, 'x'] } });
      expect(all[2]!.correlationId).toBeUndefined();
      expect((await store.eventsSince(T0, { correlationId: 'c1' })).map((e) => e.type)).toEqual(['signal', 'orderSent', 'orderFilled']);
      expect((await store.eventsSince(T0 + 1, { afterSeq: eventSeqs[0], limit: 1 })).map((e) => e.type)).toEqual(['heartbeat']);
      expect((await store.loadRecovery()).lastEventSeq).toBe(eventSeqs[2]);
    });

    it('stores a signal once per strategy, symbol, candle and side, with its factors', async () => {
      const store = await stores.open();
      await store.recordSignal(signal());
      await store.recordSignal(signal());
      await store.recordSignal(signal({ side: 'short', level: undefined }));
      const rows = await store.db.selectFrom('signals').selectAll().orderBy('id').execute();
      expect(rows).toHaveLength(2);
      expect(JSON.parse(rows[0]!.factors)).toEqual(signal().factors);
      expect(rows[1]!.level).toBeNull();
    });

    it('commits a batch all or nothing', async () => {
      const store = await stores.open();
      const bad = { kind: 'fill', fill: { ...fill('e9'), symbol: null } } as never;
      await expect(store.write([{ kind: 'event', event: { time: T0, type: 'x', payload: 1 } }, { kind: 'fill', fill: fill('e8') }, bad])).rejects.toThrow();
      expect(await store.counts()).toMatchObject({ events: 0, executions: 0 });
    });
  });
});
