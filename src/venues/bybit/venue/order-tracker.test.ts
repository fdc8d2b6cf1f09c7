import { describe, expect, it } from 'vitest';
import type { Fill, OrderRequest, OrderState } from '../../../domain/order.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import { OrderTracker } from './order-tracker.js';

const request: OrderRequest = { clientId: 'e-1', symbol: 'SOLUSDT', side: 'buy', type: 'market', qty: 2, stopLoss: 95 };
const state = (status: OrderState['status'], time = 1): OrderState => ({ ...request, orderId: 'o-1', status, filledQty: 0, avgFillPrice: NaN, createdTime: 1, updatedTime: time });
const fill = (qty: number, price: number, time = 2): Fill => ({ orderId: 'o-1', clientId: 'e-1', symbol: 'SOLUSDT', side: 'buy', price, qty, fee: 0.1, maker: false, time });

function tracker() {
  const events: VenueEvent[] = [];
  return { events, tracker: new OrderTracker((e) => events.push(e)) };
}

describe('OrderTracker', () => {
  it('turns order updates and fills into one clean event sequence with the position kept', () => {
    const { events, tracker: t } = tracker();
    t.track(request, 0);
    t.apply({ type: 'orderAccepted', time: 1, order: state('New') });
    t.apply({ type: 'fill', time: 2, fill: fill(1, 100), execId: 'x1', seq: 1, leavesQty: 1, closedSize: 0, realisedPnl: NaN });
    t.apply({ type: 'fill', time: 3, fill: fill(1, 102, 3), execId: 'x2', seq: 2, leavesQty: 0, closedSize: 0, realisedPnl: NaN });
    expect(events.map((e) => e.type)).toEqual(['orderAccepted', 'orderFilled', 'positionChanged', 'orderFilled', 'positionChanged']);
    const last = events[3] as Extract<VenueEvent, { type: 'orderFilled' }>;
    expect(last.order).toMatchObject({ status: 'Filled', filledQty: 2, avgFillPrice: 101 });
    expect(t.position('SOLUSDT')).toEqual({ size: 2, entryPrice: 101 });
    expect(t.byClientId('e-1')?.final).toBe(true);
  });

  it('ignores the same fill and the same status heard twice (stream and REST), and an acceptance arriving after a fill', () => {
    const { events, tracker: t } = tracker();
    t.track(request, 0);
    const f = { type: 'fill' as const, time: 2, fill: fill(1, 100), execId: 'x1', seq: 1, leavesQty: 1, closedSize: 0, realisedPnl: NaN };
    t.apply(f);
    t.apply(f);
    t.apply({ type: 'orderAccepted', time: 1, order: state('New') });
    expect(events.map((e) => e.type)).toEqual(['orderFilled', 'positionChanged']);
    t.apply({ type: 'orderCancelled', time: 4, order: state('Cancelled', 4), reason: 'CancelByUser' });
    t.apply({ type: 'orderCancelled', time: 4, order: state('Cancelled', 4), reason: 'CancelByUser' });
    expect(events.filter((e) => e.type === 'orderCancelled')).toHaveLength(1);
    expect(t.fillCount).toBe(1);
  });

  it("reports fills of orders it never sent (Bybit's stop-loss) and closes the position with realised PnL", () => {
    const { events, tracker: t } = tracker();
    t.track(request, 0);
    t.apply({ type: 'fill', time: 2, fill: fill(2, 100), execId: 'x1', seq: 1, leavesQty: 0, closedSize: 0, realisedPnl: NaN });
    const stop: Fill = { orderId: 'sl-9', clientId: '', symbol: 'SOLUSDT', side: 'sell', price: 95, qty: 2, fee: 0.1, maker: false, time: 5, cause: 'stopLoss' };
    t.apply({ type: 'fill', time: 5, fill: stop, execId: 'x2', seq: 2, leavesQty: 0, closedSize: 2, realisedPnl: -10 });
    expect(t.position('SOLUSDT').size).toBe(0);
    expect(events.at(-1)).toMatchObject({ type: 'positionChanged', realisedPnl: -10 });
    expect(events.at(-2)).toMatchObject({ type: 'orderFilled', order: { orderId: 'sl-9', status: 'Filled' } });
  });

  it('corrects the position to what the exchange reports, once', () => {
    const { events, tracker: t } = tracker();
    expect(t.correctPosition('SOLUSDT', { size: -3, entryPrice: 50 }, 10, { stopLoss: 55 })).toBe(true);
    expect(t.correctPosition('SOLUSDT', { size: -3, entryPrice: 50 }, 11, { stopLoss: 55 })).toBe(false);
    expect(events).toEqual([{ type: 'positionChanged', time: 10, symbol: 'SOLUSDT', position: { size: -3, entryPrice: 50 }, realisedPnl: 0, stopLoss: 55 }]);
  });
});

describe('OrderTracker memory', () => {
  it('forgets the oldest finished orders beyond its window, keeping open ones', () => {
    const { tracker: t } = tracker();
    t.track({ ...request, clientId: 'still-open' }, 0);
    for (let i = 0; i < 2100; i++) {
      t.track({ ...request, clientId: `c-${i}` }, 0);
      t.apply({ type: 'orderCancelled', time: i, order: { ...state('Cancelled', i), clientId: `c-${i}`, orderId: `o-${i}` }, reason: 'CancelByUser' });
    }
    expect(t.byClientId('c-0')).toBeUndefined();
    expect(t.byClientId('c-2099')?.final).toBe(true);
    expect(t.byClientId('still-open')?.final).toBe(false);
    expect(t.orders.size).toBe(2001);
  });
});
