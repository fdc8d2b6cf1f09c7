// partialFills over HTTP: a share of each candle's volume fills per order, until the switch is cleared.
import { describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { candles, flat, SOL, startTestExchange } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { createOrder, orderByLinkId } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
// Quiet candles of 1000 SOL around 100 (low 99.9): a 0.002 share is 2 SOL a candle.
useFaultExchange(() => startTestExchange(candles(flat(60, 100))), 2, (started) => {
  exchange = started;
  faults = started.httpFaults;
});

const fills = async (orderLinkId: string) => {
  const order = await orderByLinkId(exchange, orderLinkId);
  return [order?.orderStatus, order?.cumExecQty, order?.leavesQty];
};

describe('partialFills', () => {
  it('fills a limit order 2 SOL a candle; cleared, the rest fills at once', async () => {
    faults.partialFills({ participation: 0.002 });
    expect((await createOrder(exchange, { qty: '5', price: '99.95', orderLinkId: 'pf-limit' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect(await fills('pf-limit')).toEqual(['PartiallyFilled', '2.0', '3.0']);
    exchange.advance(1);
    expect(await fills('pf-limit')).toEqual(['PartiallyFilled', '4.0', '1.0']);
    faults.clear();
    exchange.advance(1);
    expect(await fills('pf-limit')).toEqual(['Filled', '5.0', '0.0']);
  });

  it('fills a market order up to the share and cancels the rest; switched off, it fills whole', async () => {
    faults.partialFills({ participation: 0.002 });
    expect((await createOrder(exchange, { side: 'Sell', orderType: 'Market', qty: '5', price: undefined, orderLinkId: 'pf-market' })).body.retCode).toBe(0);
    exchange.advance(1);
    const [status, filled] = await fills('pf-market');
    expect([status, filled]).toEqual(['Cancelled', '2.0']);
    faults.partialFills(undefined);
    expect((await createOrder(exchange, { side: 'Sell', orderType: 'Market', qty: '5', price: undefined, orderLinkId: 'pf-market-2' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect(await fills('pf-market-2')).toEqual(['Filled', '5.0', '0.0']);
    expect(exchange.venue.position(SOL).size).toBe(-2);
  });
});
