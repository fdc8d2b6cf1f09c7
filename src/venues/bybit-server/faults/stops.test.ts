// rejectEntryStopLoss and rejectTradingStop over HTTP: a position left without the stop its client asked for.
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { candles, flat, SOL, startTestExchange } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { createOrder, orderByLinkId, send } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
useFaultExchange(() => startTestExchange(candles(flat(60, 100))), 2, (started) => {
  exchange = started;
  faults = started.httpFaults;
});
afterEach(async () => {
  // Flat again for the next test.
  if (exchange.venue.position(SOL).size !== 0) {
    await createOrder(exchange, { side: 'Sell', orderType: 'Market', qty: '0', reduceOnly: true, closeOnTrigger: true, price: undefined });
    exchange.advance(1);
  }
});

const buy = (orderLinkId: string, extra: Record<string, unknown> = {}) => createOrder(exchange, { orderType: 'Market', qty: '1', price: undefined, orderLinkId, ...extra });
const position = async () => (await send(exchange, 'GET', '/v5/position/list', { category: 'linear', symbol: SOL })).body.result.list[0];
const tradingStop = (params: Record<string, unknown>) => send(exchange, 'POST', '/v5/position/trading-stop', { category: 'linear', symbol: SOL, positionIdx: 0, ...params });

describe('rejectEntryStopLoss: the entry fills, its stop-loss never takes', () => {
  it('acknowledges and fills the order; the order shows the stop asked for, the position has none', async () => {
    faults.rejectEntryStopLoss();
    expect((await buy('sl-1', { stopLoss: '95', takeProfit: '110' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect(await orderByLinkId(exchange, 'sl-1')).toMatchObject({ orderStatus: 'Filled', stopLoss: '95.00', takeProfit: '110.00' });
    expect(await position()).toMatchObject({ size: '1.0', side: 'Buy', stopLoss: '0.00', takeProfit: '110.00' });
    expect(exchange.venue.position(SOL).stopLoss).toBeUndefined();
  });

  it('hits only orders that carry a stop-loss, as many as its count, then clears', async () => {
    const armed = faults.rejectEntryStopLoss({ times: 1 });
    expect((await buy('sl-2')).body.retCode).toBe(0);
    expect(armed.hits).toBe(0);
    expect((await buy('sl-3', { stopLoss: '95' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect((await position()).stopLoss).toBe('0.00');
    expect((await buy('sl-4', { stopLoss: '96' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect(await position()).toMatchObject({ size: '3.0', stopLoss: '96.00' });
    faults.rejectEntryStopLoss({ times: 'untilCleared' });
    faults.clear();
    expect((await buy('sl-5', { stopLoss: '97' })).body.retCode).toBe(0);
    exchange.advance(1);
    expect((await position()).stopLoss).toBe('97.00');
  });
});

describe('rejectTradingStop: position/trading-stop answers an error and changes nothing', () => {
  it('answers the default 10001, or the retCode and message given; the position keeps its stops', async () => {
    expect((await buy('ts-1')).body.retCode).toBe(0);
    exchange.advance(1);
    faults.rejectTradingStop();
    const refused = await tradingStop({ tpslMode: 'Full', stopLoss: '95' });
    expect([refused.status, refused.body]).toEqual([200, expect.objectContaining({ retCode: 10001, retMsg: 'params error: the trading stop could not be set', result: {}, retExtInfo: {} })]);
    faults.rejectTradingStop({ retCode: 110005, retMsg: 'position status error' });
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '95' })).body).toMatchObject({ retCode: 110005, retMsg: 'position status error' });
    expect((await position()).stopLoss).toBe('0.00');
  });

  it('hits only well-formed calls, as many as its count, then clears', async () => {
    expect((await buy('ts-2')).body.retCode).toBe(0);
    exchange.advance(1);
    const armed = faults.rejectTradingStop({ times: 2 });
    expect((await tradingStop({ stopLoss: '95' })).body.retMsg).toBe('params error: tpslMode is required');
    expect(armed.hits).toBe(0);
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '95' })).body.retCode).toBe(10001);
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '95' })).body.retCode).toBe(10001);
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '95' })).body.retCode).toBe(0);
    expect((await position()).stopLoss).toBe('95.00');
    faults.rejectTradingStop({ times: 'untilCleared' });
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '94' })).body.retCode).toBe(10001);
    faults.clear();
    expect((await tradingStop({ tpslMode: 'Full', stopLoss: '94' })).body.retCode).toBe(0);
    expect((await position()).stopLoss).toBe('94.00');
  });
});
