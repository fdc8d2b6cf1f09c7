// Leverage, trading-stop (Full and Partial) through to the fills they cause, margin mode and the wallet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { get, post } from '../test-support/client.js';
import { candles, flat, SOL, startTestExchange, TRADER } from '../test-support/fixtures.js';
import { EXAMPLES } from '../test-support/reference-examples.js';
import { shapeDiff } from '../test-support/shape.js';

let exchange: LocalExchange;
beforeAll(async () => {
  // 100 for three minutes; a rise to 101.7 (low first); quiet at 101.6; a fall to 97.9.
  exchange = await startTestExchange(candles([...flat(3, 100), [100, 101.7, 99.9, 101.6], ...flat(2, 101.6), [101.6, 101.7, 97.9, 98.2], ...flat(5, 98.2)]));
  exchange.advance(2);
});
afterAll(() => exchange.close());

const call = (path: string, params: Record<string, unknown>) => post(exchange, TRADER, path, { category: 'linear', symbol: SOL, ...params });
const query = async (path: string, params: Record<string, unknown> = {}) => (await get(exchange, TRADER, path, { category: 'linear', symbol: SOL, ...params })).body;

describe('leverage', () => {
  it('set-leverage to the current value is 110043; a new one is taken and shown', async () => {
    expect((await call('/v5/position/set-leverage', { buyLeverage: '1', sellLeverage: '1' })).body).toMatchObject({ retCode: 110043, retMsg: 'Set leverage not modified' });
    const changed = await call('/v5/position/set-leverage', { buyLeverage: '5', sellLeverage: '5' });
    expect(shapeDiff(changed.body, EXAMPLES.setLeverage)).toEqual([]);
    expect((await query('/v5/position/list')).result.list[0].leverage).toBe('5');
    expect((await call('/v5/position/set-leverage', { buyLeverage: '5', sellLeverage: '5' })).body.retCode).toBe(110043);
  });

  it('refuses unequal or out-of-range leverage with 10001', async () => {
    expect((await call('/v5/position/set-leverage', { buyLeverage: '5', sellLeverage: '4' })).body.retMsg).toContain('must equal sellLeverage');
    expect((await call('/v5/position/set-leverage', { buyLeverage: '101', sellLeverage: '101' })).body.retMsg).toContain('buyLeverage 101');
  });
});

describe('trading-stop', () => {
  it('needs a position (10001)', async () => {
    const { body } = await call('/v5/position/trading-stop', { tpslMode: 'Full', positionIdx: 0, stopLoss: '98' });
    expect([body.retCode, body.retMsg]).toEqual([10001, expect.stringContaining('zero position')]);
  });

  it('Full: sets the position stop-loss and take-profit; the same again is 34040', async () => {
    await call('/v5/order/create', { side: 'Buy', orderType: 'Market', qty: '2' });
    exchange.advance(1);
    const set = await call('/v5/position/trading-stop', { tpslMode: 'Full', positionIdx: 0, stopLoss: '98', takeProfit: '103', slTriggerBy: 'MarkPrice' });
    expect(shapeDiff(set.body, EXAMPLES.tradingStop)).toEqual([]);
    expect((await query('/v5/position/list')).result.list[0]).toMatchObject({ size: '2.0', side: 'Buy', stopLoss: '98.00', takeProfit: '103.00', trailingStop: '0.00', leverage: '5', positionIM: '40' });
    expect(exchange.venue.position(SOL)).toMatchObject({ stopLoss: 98, stopLossTriggerBy: 'mark', takeProfit: 103 });
    expect((await call('/v5/position/trading-stop', { tpslMode: 'Full', positionIdx: 0, stopLoss: '98' })).body.retCode).toBe(34040);
  });

  it('Partial: adds a limit take-profit and a stop-loss for part of the position, with their trigger sources', async () => {
    const partial = { tpslMode: 'Partial', positionIdx: 0, takeProfit: '101.5', tpSize: '0.5', tpOrderType: 'Limit', tpLimitPrice: '101.6', tpTriggerBy: 'MarkPrice', stopLoss: '99', slSize: '0.5' };
    expect((await call('/v5/position/trading-stop', partial)).body.retCode).toBe(0);
    expect(exchange.venue.position(SOL).partialStops).toMatchObject([
      { kind: 'takeProfit', price: 101.5, size: 0.5, limitPrice: 101.6, triggerBy: 'mark' },
      { kind: 'stopLoss', price: 99, size: 0.5, triggerBy: 'last' },
    ]);
    expect((await call('/v5/position/trading-stop', { ...partial, slSize: '0.4' })).body.retMsg).toContain('must be equal');
    expect((await call('/v5/position/trading-stop', { ...partial, tpSize: '3', slSize: '3' })).body.retMsg).toContain('more than the position size');
    expect((await call('/v5/position/trading-stop', { ...partial, slOrderType: 'Limit' })).body.retMsg).toContain('slOrderType "Limit"');
  });

  it('the replay fires the partial take-profit, then the full stop-loss; executions and closed PnL name them', async () => {
    exchange.advance(1); // up to 101.7: the partial take-profit triggers and its limit sell fills at 101.6
    expect(exchange.venue.position(SOL).size).toBe(1.5);
    exchange.advance(3); // down to 97.9: the stop-loss at 98 closes the rest
    expect(exchange.venue.position(SOL).size).toBe(0);
    const executions = (await query('/v5/execution/list')).result.list;
    expect(executions.map((e: Record<string, string>) => [e.stopOrderType, e.createType, e.execQty, e.execPrice])).toEqual([
      ['StopLoss', 'CreateByStopLoss', '1.5', '98.00'],
      ['PartialTakeProfit', 'CreateByPartialTakeProfit', '0.5', '101.60'],
      ['UNKNOWN', 'CreateByUser', '2.0', '100.00'],
    ]);
    const pnl = (await query('/v5/position/closed-pnl')).result.list;
    expect(pnl.map((r: Record<string, string>) => [r.closedSize, r.avgExitPrice, r.leverage])).toEqual([
      ['1.5', '98', '5'],
      ['0.5', '101.6', '5'],
    ]);
    expect((await query('/v5/position/list')).result.list[0]).toMatchObject({ side: '', size: '0.0', stopLoss: '0.00' });
  });
});

describe('account', () => {
  it('set-margin-mode takes ISOLATED_MARGIN and refuses the modes the simulator does not have', async () => {
    const isolated = await post(exchange, TRADER, '/v5/account/set-margin-mode', { setMarginMode: 'ISOLATED_MARGIN' });
    expect(isolated.body).toMatchObject({ retCode: 0, result: { reasons: [] } });
    const cross = await post(exchange, TRADER, '/v5/account/set-margin-mode', { setMarginMode: 'REGULAR_MARGIN' });
    expect(shapeDiff(cross.body, EXAMPLES.setMarginModeFailure)).toEqual([]);
    expect(cross.body.retCode).toBe(3400045);
    expect((await get(exchange, TRADER, '/v5/account/info')).body.result.marginMode).toBe('ISOLATED_MARGIN');
  });

  it('wallet-balance: the reference shape; realised PnL in the wallet', async () => {
    const wallet = (await get(exchange, TRADER, '/v5/account/wallet-balance', { accountType: 'UNIFIED' })).body;
    expect(shapeDiff(wallet, EXAMPLES.wallet)).toEqual([]);
    const [account] = wallet.result.list;
    expect(Number(account.totalWalletBalance)).toBeCloseTo(exchange.venue.balance, 6);
    expect(Number(account.coin[0].cumRealisedPnl)).toBeCloseTo(exchange.venue.balance - 10_000, 6);
    expect((await get(exchange, TRADER, '/v5/account/wallet-balance', { accountType: 'CONTRACT' })).body.retCode).toBe(10001);
  });
});
