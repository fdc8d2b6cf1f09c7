// An order's life over HTTP (rest, fill, close, closed PnL), amend and cancel, and the codes Bybit refuses with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { get, post } from '../test-support/client.js';
import { candles, flat, SOL, startTestExchange, TRADER } from '../test-support/fixtures.js';
import { EXAMPLES } from '../test-support/reference-examples.js';
import { shapeDiff } from '../test-support/shape.js';

let exchange: LocalExchange;
beforeAll(async () => {
  // 100 for two minutes; a dip to 98.5 closing at 99; then quiet at 99.
  exchange = await startTestExchange(candles([...flat(2, 100), [100, 100.1, 98.5, 99], ...flat(30, 99)]));
  exchange.advance(2);
});
afterAll(() => exchange.close());

const create = (params: Record<string, unknown>) => post(exchange, TRADER, '/v5/order/create', { category: 'linear', symbol: SOL, ...params });
const list = async (path: string, params: Record<string, unknown> = {}) => (await get(exchange, TRADER, path, { category: 'linear', ...params })).body;

describe('an order from create to closed PnL', () => {
  let entryId = '';

  it('a limit buy below the price is acknowledged and rests', async () => {
    const { body } = await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '99.5', orderLinkId: 'entry-1' });
    expect(shapeDiff(body, EXAMPLES.create)).toEqual([]);
    expect(body.result.orderLinkId).toBe('entry-1');
    entryId = body.result.orderId;
    const open = await list('/v5/order/realtime', { symbol: SOL });
    expect(shapeDiff(open, EXAMPLES.realtime)).toEqual([]);
    expect(open.result.list).toHaveLength(1);
    expect(open.result.list[0]).toMatchObject({ orderId: entryId, orderStatus: 'New', price: '99.50', qty: '1.0', leavesQty: '1.0', cumExecQty: '0.0', avgPrice: '0', timeInForce: 'GTC', orderType: 'Limit', createType: 'CreateByUser' });
  });

  it('the same orderLinkId again is 110072', async () => {
    const { body } = await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '99', orderLinkId: 'entry-1' });
    expect(body.retCode).toBe(110072);
    expect((await list('/v5/order/realtime', { symbol: SOL })).result.list).toHaveLength(1);
  });

  it('fills when the replay trades through it, and shows in realtime, executions, positions and the wallet', async () => {
    exchange.advance(1);
    expect((await list('/v5/order/realtime', { symbol: SOL })).result.list).toEqual([]);
    const [order] = (await list('/v5/order/realtime', { symbol: SOL, orderLinkId: 'entry-1' })).result.list;
    expect(order).toMatchObject({ orderStatus: 'Filled', cumExecQty: '1.0', avgPrice: '99.5', leavesQty: '0.0', cumExecValue: '99.5', cumExecFee: '0.0199' });
    const executions = await list('/v5/execution/list', { symbol: SOL });
    expect(shapeDiff(executions, EXAMPLES.executions)).toEqual([]);
    expect(executions.result.list[0]).toMatchObject({ orderId: entryId, orderLinkId: 'entry-1', execType: 'Trade', execPrice: '99.50', execQty: '1.0', execFee: '0.0199', feeRate: '0.0002', isMaker: true, side: 'Buy', closedSize: '' });
    const positions = await list('/v5/position/list', { symbol: SOL });
    expect(shapeDiff(positions, EXAMPLES.positions)).toEqual([]);
    expect(positions.result.list[0]).toMatchObject({ symbol: SOL, side: 'Buy', size: '1.0', avgPrice: '99.5', leverage: '1', positionValue: '99.5', markPrice: '99.00', unrealisedPnl: '-0.5', curRealisedPnl: '-0.0199' });
    const wallet = await list('/v5/account/wallet-balance', { accountType: 'UNIFIED' });
    expect(wallet.result.list[0].coin[0]).toMatchObject({ coin: 'USDT', walletBalance: '9999.9801', unrealisedPnl: '-0.5', totalPositionIM: '99.5' });
  });

  it('a reduce-only market sell closes it at the next open and books the closed PnL', async () => {
    const { body } = await create({ side: 'Sell', orderType: 'Market', qty: '1', reduceOnly: true, orderLinkId: 'exit-1' });
    expect(body.retCode).toBe(0);
    exchange.advance(1);
    const [execution] = (await list('/v5/execution/list', { symbol: SOL })).result.list;
    expect(execution).toMatchObject({ orderLinkId: 'exit-1', execPrice: '99.00', isMaker: false, closedSize: '1.0', orderType: 'Market' });
    const pnl = await list('/v5/position/closed-pnl', { symbol: SOL });
    expect(shapeDiff(pnl, EXAMPLES.closedPnl)).toEqual([]);
    // (99 − 99.5) × 1, less the opening fee 0.0199 and the closing fee 99 × 0.00055.
    expect(pnl.result.list[0]).toMatchObject({ side: 'Sell', closedSize: '1.0', avgEntryPrice: '99.5', avgExitPrice: '99', closedPnl: '-0.57435', fillCount: '1', orderType: 'Market', execType: 'Trade' });
    expect((await list('/v5/position/list', { symbol: SOL })).result.list[0]).toMatchObject({ side: '', size: '0.0', curRealisedPnl: '0', cumRealisedPnl: '-0.57435' });
  });

  it('order history lists every order of the window, newest first', async () => {
    const history = await list('/v5/order/history', { symbol: SOL });
    expect(shapeDiff(history, EXAMPLES.history)).toEqual([]);
    expect(history.result.list.map((o: { orderLinkId: string }) => o.orderLinkId)).toEqual(['exit-1', 'entry-1']);
  });
});

describe('amend, cancel and the refusals', () => {
  it('amend changes price and quantity, keeps the ids; an unchanged amend is 10001, an unknown order 110001', async () => {
    const { body } = await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '95', orderLinkId: 'amend-me' });
    const amended = await post(exchange, TRADER, '/v5/order/amend', { category: 'linear', symbol: SOL, orderLinkId: 'amend-me', price: '96', qty: '2', takeProfit: '97' });
    expect(shapeDiff(amended.body, EXAMPLES.amend)).toEqual([]);
    expect(amended.body.result).toEqual({ orderId: body.result.orderId, orderLinkId: 'amend-me' });
    const [order] = (await list('/v5/order/realtime', { symbol: SOL, orderLinkId: 'amend-me' })).result.list;
    expect(order).toMatchObject({ orderStatus: 'New', price: '96.00', qty: '2.0', takeProfit: '97.00', tpslMode: 'Full', tpTriggerBy: 'LastPrice' });
    // The venue refuses the amended order (too big for the wallet): the order stays as it was.
    const tooBig = await post(exchange, TRADER, '/v5/order/amend', { category: 'linear', symbol: SOL, orderLinkId: 'amend-me', qty: '1000' });
    expect(tooBig.body.retCode).toBe(110007);
    expect((await list('/v5/order/realtime', { symbol: SOL, orderLinkId: 'amend-me' })).result.list[0]).toMatchObject({ orderStatus: 'New', qty: '2.0', price: '96.00' });
    expect(exchange.venue.openOrders(SOL)).toHaveLength(1);
    const same = await post(exchange, TRADER, '/v5/order/amend', { category: 'linear', symbol: SOL, orderLinkId: 'amend-me', price: '96' });
    expect(same.body.retCode).toBe(10001);
    const unknown = await post(exchange, TRADER, '/v5/order/amend', { category: 'linear', symbol: SOL, orderId: 'nope', price: '96' });
    expect(unknown.body.retCode).toBe(110001);
  });

  it('cancel and cancel-all answer with the ids; the orders show as cancelled by the user', async () => {
    await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '90', orderLinkId: 'c-1' });
    await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '91', orderLinkId: 'c-2' });
    const cancelled = await post(exchange, TRADER, '/v5/order/cancel', { category: 'linear', symbol: SOL, orderLinkId: 'c-1' });
    expect(shapeDiff(cancelled.body, EXAMPLES.cancel)).toEqual([]);
    expect((await post(exchange, TRADER, '/v5/order/cancel', { category: 'linear', symbol: SOL, orderLinkId: 'c-1' })).body.retCode).toBe(110001);
    const all = await post(exchange, TRADER, '/v5/order/cancel-all', { category: 'linear', settleCoin: 'USDT' });
    expect(shapeDiff(all.body, EXAMPLES.cancelAll)).toEqual([]);
    expect(all.body.result.list.map((o: { orderLinkId: string }) => o.orderLinkId).sort()).toEqual(['amend-me', 'c-2']);
    expect((await list('/v5/order/realtime', { symbol: SOL })).result.list).toEqual([]);
    const [c1] = (await list('/v5/order/history', { symbol: SOL, orderLinkId: 'c-1' })).result.list;
    expect(c1).toMatchObject({ orderStatus: 'Cancelled', cancelType: 'CancelByUser' });
  });

  it('a post-only order that would take is acknowledged, then cancelled with EC_PostOnlyWillTakeLiquidity', async () => {
    expect((await create({ side: 'Buy', orderType: 'Limit', qty: '1', price: '99.5', timeInForce: 'PostOnly', orderLinkId: 'po' })).body.retCode).toBe(0);
    const [order] = (await list('/v5/order/history', { symbol: SOL, orderLinkId: 'po' })).result.list;
    expect(order).toMatchObject({ orderStatus: 'Cancelled', rejectReason: 'EC_PostOnlyWillTakeLiquidity', timeInForce: 'PostOnly' });
  });

  it('refuses what Bybit refuses, with its codes', async () => {
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ side: 'Buy', orderType: 'Market', qty: '1', triggerPrice: '98', triggerDirection: 1 }, 110092, 'expect Rising'],
      [{ side: 'Buy', orderType: 'Market', qty: '1', triggerPrice: '100', triggerDirection: 2 }, 110093, 'expect Falling'],
      [{ side: 'Buy', orderType: 'Limit', qty: '1000', price: '99' }, 110007, 'ab not enough'],
      [{ side: 'Buy', orderType: 'Limit', qty: '0.05', price: '99' }, 10001, 'Qty invalid'],
      [{ side: 'Buy', orderType: 'Limit', qty: '1', price: '99', orderLinkId: 'has space' }, 10001, 'orderLinkId "has space"'],
      [{ side: 'Up', orderType: 'Limit', qty: '1', price: '99' }, 10001, 'side "Up"'],
      [{ side: 'Buy', orderType: 'Limit', qty: 'one', price: '99' }, 10001, 'qty "one"'],
      [{ side: 'Buy', orderType: 'Limit', qty: '1', price: '99', positionIdx: 1 }, 10001, 'position idx not match position mode'],
      [{ side: 'Buy', orderType: 'Limit', qty: '1', price: '99', takeProfit: '98' }, 10001, 'TakeProfit:98 set for Buy position should be higher'],
      [{ side: 'Buy', orderType: 'Limit', qty: '1', price: '99', stopLoss: '97', slOrderType: 'Limit' }, 10001, 'slOrderType "Limit"'],
    ];
    for (const [params, code, message] of refusals) {
      const { body } = await create(params);
      expect([body.retCode, body.retMsg]).toEqual([code, expect.stringContaining(message)]);
    }
  });

  it('never crashes on garbage bodies', async () => {
    for (const raw of ['not json', '[1,2]', 'null', '{"category":', '{"category":"linear","symbol":{"$gt":""}}']) {
      const { status, body } = await post(exchange, TRADER, '/v5/order/create', {}, { raw });
      expect([status, body.retCode]).toEqual([200, 10001]);
    }
  });
});
