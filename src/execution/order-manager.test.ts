// The order manager between intents and a venue: one exit of the whole position at a time, and a stop moved through the last price closes at market.
import { describe, expect, it } from 'vitest';
import type { OrderRequest, OrderState, OrderStatus } from '../domain/order.js';
import { SOLUSDT_DEFAULT } from '../domain/instrument.js';
import type { VenueEvent } from '../domain/venue-events.js';
import type { ExecutionVenue, TradingStop } from '../ports/execution-venue.js';
import { OrderManager } from './order-manager.js';

/** A venue that only records what it is asked; the test plays the venue's events by hand. */
function recordingVenue() {
  const submitted: OrderRequest[] = [];
  const stops: TradingStop[] = [];
  const venue = {
    onEvent: () => undefined,
    submit: (order: OrderRequest) => void submitted.push(order),
    cancel: () => undefined,
    cancelAll: () => undefined,
    setTradingStop: (_symbol: string, stop: TradingStop) => void stops.push(stop),
    setLeverage: () => undefined,
  } as unknown as ExecutionVenue;
  return { venue, submitted, stops };
}

function stateOf(order: OrderRequest, status: OrderStatus): OrderState {
  const filled = status === 'Filled' ? order.qty : 0;
  return { ...order, orderId: `o-${order.clientId}`, status, filledQty: filled, avgFillPrice: filled > 0 ? 100 : Number.NaN, createdTime: 0, updatedTime: 0 };
}

const event = (type: 'orderRejected' | 'orderFilled' | 'orderCancelled', order: OrderRequest): VenueEvent => {
  if (type === 'orderRejected') return { type, time: 0, order: stateOf(order, 'Rejected'), reason: 'refused', code: 110017 };
  if (type === 'orderCancelled') return { type, time: 0, order: stateOf(order, 'Cancelled'), reason: 'cancelled' };
  const state = stateOf(order, 'Filled');
  return { type, time: 0, order: state, fill: { orderId: state.orderId, clientId: order.clientId, symbol: order.symbol, side: order.side, price: 100, qty: order.qty, fee: 0, maker: false, time: 0 } };
};

const LONG = { size: 2, entryPrice: 100, mark: 101 };

describe('OrderManager', () => {
  it('knows why each of its orders was sent, and nothing of ids it did not give', () => {
    const { venue, submitted } = recordingVenue();
    const orders = new OrderManager(venue, SOLUSDT_DEFAULT, 'lv');
    orders.apply([{ kind: 'enter', side: 'long', qty: 1, reason: 'breakout' }, { kind: 'enter', side: 'long', qty: 1 }], { size: 0, entryPrice: Number.NaN });
    orders.apply([{ kind: 'exit', reason: 'signal' }], LONG);
    expect(submitted.map((o) => [o.clientId, orders.reasonOf(o.clientId)])).toEqual([
      ['lv-1', 'breakout'],
      ['lv-2', 'entry'],
      ['lv-3', 'signal'],
    ]);
    for (const id of ['lv-4', 'lv-0', 'lv-01', 'lv-1.0', 'lv1', 'xx-1', 'lv-', 'lv-1-2', 'l']) expect(orders.reasonOf(id), id).toBeUndefined();
  });

  it('sends one exit of the whole position while it is under way; once it is done or refused, a new exit may go', () => {
    const { venue, submitted } = recordingVenue();
    const orders = new OrderManager(venue, SOLUSDT_DEFAULT, 'lv');
    orders.apply([{ kind: 'exit', reason: 'trail crossed' }], LONG);
    // The exit rules see the position still open (its fill is not known yet) and advise the exit again.
    orders.apply([{ kind: 'exit', reason: 'trail crossed' }], LONG);
    orders.apply([{ kind: 'exit', reason: 'time stop', fraction: 0.5 }], LONG);
    expect(submitted.map((o) => [o.clientId, o.side, o.qty, o.reduceOnly])).toEqual([['lv-1', 'sell', 2, true]]);
    expect(orders.reasonOf('lv-1')).toBe('trail crossed');

    orders.on(event('orderRejected', submitted[0]!));
    orders.apply([{ kind: 'exit', reason: 'trail crossed' }], LONG);
    expect(submitted.map((o) => o.clientId)).toEqual(['lv-1', 'lv-2']);
    // Another order's news does not end the exit under way.
    orders.on(event('orderCancelled', { ...submitted[1]!, clientId: 'someone-else' }));
    orders.apply([{ kind: 'exit', reason: 'again' }], LONG);
    expect(submitted).toHaveLength(2);

    orders.on(event('orderFilled', submitted[1]!));
    orders.apply([{ kind: 'exit', reason: 'next position' }], { size: -1, entryPrice: 99, mark: 98 });
    expect(submitted.map((o) => [o.clientId, o.side, o.qty])).toEqual([
      ['lv-1', 'sell', 2],
      ['lv-2', 'sell', 2],
      ['lv-3', 'buy', 1],
    ]);
  });

  it('a partial exit does not hold back the next one', () => {
    const { venue, submitted } = recordingVenue();
    const orders = new OrderManager(venue, SOLUSDT_DEFAULT, 'lv');
    orders.apply([{ kind: 'exit', reason: 'first rung', fraction: 0.5 }], LONG);
    orders.apply([{ kind: 'exit', reason: 'stop' }], { ...LONG, size: 1 });
    expect(submitted.map((o) => o.qty)).toEqual([1, 1]);
  });

  it('a stop moved through the last price closes the position at market; one on the right side is set', () => {
    const { venue, submitted, stops } = recordingVenue();
    const orders = new OrderManager(venue, SOLUSDT_DEFAULT, 'lv');
    orders.apply([{ kind: 'moveStop', stopLoss: 100.5 }], LONG);
    expect(stops).toEqual([{ stopLoss: 100.5 }]);
    orders.apply([{ kind: 'moveStop', stopLoss: 101.2 }], LONG);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ side: 'sell', type: 'market', qty: 2, reduceOnly: true });
    expect(orders.reasonOf(submitted[0]!.clientId)).toMatch(/stop moved to 101.2, through the last price 101/);
  });
});
