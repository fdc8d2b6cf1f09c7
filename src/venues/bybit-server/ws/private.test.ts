// The private streams (§11) as orders go through REST: order, execution, position and wallet rows equal to the REST rows, in the stream's envelope.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referencePayload } from '../../bybit/test-support/reference.js';
import type { LocalExchange } from '../index.js';
import { get, post } from '../test-support/client.js';
import { candles, flat, SOL, startTestExchange, T0, TRADER } from '../test-support/fixtures.js';
import { shapeDiff } from '../test-support/shape.js';
import { StreamClient, type Message } from './test-support/stream-client.js';

let exchange: LocalExchange;
let all: StreamClient;
let categorised: StreamClient;
beforeAll(async () => {
  // 100 for two minutes; a dip to 98.5 closing at 99; then quiet at 99 past the 08:00 funding.
  exchange = await startTestExchange(candles([...flat(2, 100), [100, 100.1, 98.5, 99], ...flat(130, 99)]));
  exchange.advance(2);
  all = await StreamClient.open(exchange.wsPrivateUrl);
  await all.auth(TRADER, exchange.clock.now());
  expect((await all.subscribe('order', 'execution', 'position', 'wallet')).success).toBe(true);
  categorised = await StreamClient.open(exchange.wsPrivateUrl);
  await categorised.auth(TRADER, exchange.clock.now());
  expect((await categorised.subscribe('order.linear', 'execution.linear', 'position.linear')).success).toBe(true);
});
afterAll(() => exchange.close());
afterEach(() => {
  expect(all.problems).toEqual([]);
  expect(categorised.problems).toEqual([]);
});

const create = (params: Record<string, unknown>) => post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, ...params });
const rest = async (path: string, params: Record<string, unknown> = {}) => (await get(exchange, TRADER, path, { category: 'linear', ...params })).body.result;
const only = (frame: Message): Message => {
  expect(frame.data).toHaveLength(1);
  return frame.data[0];
};

/** A stream row less the fields only the stream carries, to compare with the REST row. */
function withoutStreamFields(row: Message, ...fields: string[]): Message {
  const copy = { ...row };
  for (const field of ['category', ...fields]) delete copy[field];
  return copy;
}

async function restOrder(orderLinkId: string): Promise<Message> {
  return (await rest('/v5/order/realtime', { symbol: SOL, orderLinkId })).list[0];
}

describe('an order through its life', () => {
  it('a resting limit order: order New, the position (unchanged) and the wallet, all equal to REST, in the reference envelopes', async () => {
    await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '99.5', orderLinkId: 'entry-1' });
    const order = await all.frame('order');
    expect(order).toMatchObject({ id: expect.any(String), topic: 'order', creationTime: exchange.clock.now() });
    expect(shapeDiff(order, referencePayload('ws-order'))).toEqual([]);
    expect(only(order)).toMatchObject({ category: 'linear', orderStatus: 'New', closedPnl: '0', feeCurrency: '' });
    expect(withoutStreamFields(only(order), 'closedPnl', 'feeCurrency')).toEqual(await restOrder('entry-1'));
    const position = await all.frame('position');
    expect(shapeDiff(position, referencePayload('ws-position'))).toEqual([]);
    expect(only(position)).toMatchObject({ symbol: SOL, side: '', size: '0.0' });
    const wallet = await all.frame('wallet');
    expect(shapeDiff(wallet, referencePayload('ws-wallet'))).toEqual([]);
    expect(only(wallet)).toEqual((await rest('/v5/account/wallet-balance', { accountType: 'UNIFIED' })).list[0]);
    expect(only(await categorised.frame('order.linear'))).toEqual(only(order));
  });

  it('the fill: order Filled, the execution, the long position and the wallet, each as REST shows it', async () => {
    exchange.advance(1);
    const order = only(await all.frame('order'));
    expect(order).toMatchObject({ orderStatus: 'Filled', cumExecQty: '1.0', avgPrice: '99.5' });
    expect(withoutStreamFields(order, 'closedPnl', 'feeCurrency')).toEqual(await restOrder('entry-1'));
    const executionFrame = await all.frame('execution');
    // extraFees: "" as REST gives it ("an empty string is returned" unless Indian KYC); the example shows the Indian list.
    expect(shapeDiff(executionFrame, referencePayload('ws-execution')).filter((d) => !d.startsWith('$.data[0].extraFees'))).toEqual([]);
    const execution = only(executionFrame);
    expect(execution).toMatchObject({ category: 'linear', execType: 'Trade', execPrice: '99.50', isMaker: true, execPnl: '0', isLeverage: '0', marketUnit: '' });
    expect(withoutStreamFields(execution, 'execPnl', 'isLeverage', 'marketUnit')).toEqual((await rest('/v5/execution/list', { symbol: SOL })).list[0]);
    const position = only(await all.frame('position'));
    const { avgPrice, ...restPosition } = (await rest('/v5/position/list', { symbol: SOL })).list[0];
    expect(withoutStreamFields(position)).toEqual({ ...restPosition, entryPrice: avgPrice });
    expect(position).toMatchObject({ side: 'Buy', size: '1.0', entryPrice: '99.5', seq: execution.seq });
    expect(only(await all.frame('wallet'))).toEqual((await rest('/v5/account/wallet-balance', { accountType: 'UNIFIED' })).list[0]);
    expect(only(await categorised.frame('execution.linear'))).toEqual(execution);
    expect(all.events.filter((e) => e.type === 'fill')).toHaveLength(1);
  });

  it('amend and cancel: the amended price, then Cancelled by the user', async () => {
    await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '95', orderLinkId: 'rest-1' });
    expect(only(await all.frame('order'))).toMatchObject({ orderLinkId: 'rest-1', orderStatus: 'New', price: '95.00' });
    await post(exchange, TRADER, '/v5/order/amend', { category: 'linear', symbol: SOL, orderLinkId: 'rest-1', price: '96', qty: '2' });
    expect(only(await all.frame('order'))).toMatchObject({ orderLinkId: 'rest-1', orderStatus: 'New', price: '96.00', qty: '2.0' });
    await post(exchange, TRADER, '/v5/order/cancel', { category: 'linear', symbol: SOL, orderLinkId: 'rest-1' });
    const cancelled = only(await all.frame('order'));
    expect(cancelled).toMatchObject({ orderStatus: 'Cancelled', cancelType: 'CancelByUser', price: '96.00' });
    expect(withoutStreamFields(cancelled, 'closedPnl', 'feeCurrency')).toEqual(await restOrder('rest-1'));
    expect(all.events.filter((e) => e.type === 'orderCancelled')).toHaveLength(1);
  });

  it('a closing fill carries execPnl, and its order the closed PnL that /v5/position/closed-pnl books', async () => {
    await create({ side: 'Sell', orderType: 'Market', qty: '1', reduceOnly: true, orderLinkId: 'exit-1' });
    exchange.advance(1);
    const filled = await all.next((m) => m.topic === 'order' && m.data[0].orderStatus === 'Filled');
    const execution = only(await all.next((m) => m.topic === 'execution' && m.data[0].orderLinkId === 'exit-1'));
    expect(execution).toMatchObject({ closedSize: '1.0', execPnl: '-0.5', execPrice: '99.00' });
    const [pnl] = (await rest('/v5/position/closed-pnl', { symbol: SOL })).list;
    expect(only(filled)).toMatchObject({ orderLinkId: 'exit-1', closedPnl: pnl.closedPnl });
    expect(all.events.some((e) => e.type === 'fill' && e.realisedPnl === -0.5)).toBe(true);
  });

  it('funding settled on an open position is an execution of type Funding, with an order id of its own', async () => {
    await create({ side: 'Buy', orderType: 'Market', qty: '2' });
    // One turn of the event loop opens the position and settles funding: one frame carries both executions.
    exchange.advanceTo(Date.UTC(2024, 0, 1, 8));
    const frame = await all.next((m) => m.topic === 'execution' && m.data.some((row: Message) => row.execType === 'Funding'));
    expect(frame.data.map((row: Message) => row.execType)).toEqual(['Trade', 'Funding']);
    const funding = frame.data[1];
    const [restFunding] = (await rest('/v5/execution/list', { symbol: SOL, execType: 'Funding' })).list;
    expect(withoutStreamFields(funding, 'execPnl', 'isLeverage', 'marketUnit')).toEqual(restFunding);
    expect(funding).toMatchObject({ execQty: '2.0', feeRate: '0.0002', orderType: 'UNKNOWN', execTime: String(T0 + 120 * 60_000) });
    expect(funding.orderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(all.events.some((e) => e.type === 'fundingPaid' && e.rate === 0.0002)).toBe(true);
  });

  it('nothing is pushed to a connection that did not subscribe, and nothing of what it did not ask for', async () => {
    const quiet = await StreamClient.open(exchange.wsPrivateUrl);
    await quiet.auth(TRADER, exchange.clock.now());
    await quiet.subscribe('wallet');
    await create({ side: 'Sell', orderType: 'Market', qty: '2', reduceOnly: true });
    exchange.advance(1);
    await all.next((m) => m.topic === 'wallet' && m.data[0].coin[0].totalPositionIM === '0');
    const got = await quiet.drain();
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((m) => m.topic === 'wallet')).toBe(true);
    expect(quiet.problems).toEqual([]);
    quiet.close();
  });
});
