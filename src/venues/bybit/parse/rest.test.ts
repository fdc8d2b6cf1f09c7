import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/errors.js';
import { referencePayload } from '../test-support/reference.js';
import { ENDPOINTS, type EndpointName, type ResultOf } from '../wire/endpoints.js';
import { parseReply } from '../wire/envelope.js';
import { positionFromWire, walletFromWire } from './account.js';
import { executionEvent } from './execution.js';
import { orderEvent, orderFromWire } from './order.js';
import { apiKeyFromRest, bookFromRest, candlesFromRest, fundingFromRest, instrumentsFromRest, serverTimeFromRest, tradesFromRest } from './rest.js';

/** The result of an official example reply, read through its endpoint's schema. */
function result<N extends EndpointName>(name: N, example: string): ResultOf<N> {
  return parseReply(referencePayload(example), ENDPOINTS[name].result, ENDPOINTS[name].path).result as ResultOf<N>;
}

describe('market results → domain', () => {
  it('server time in ms from timeNano', () => {
    expect(serverTimeFromRest(result('marketTime', 'rest-market-time'))).toBe(1688639403423);
  });

  it('klines newest first → candles in time order, the still-forming one open', () => {
    const candles = candlesFromRest(result('kline', 'rest-kline-inverse'), 3_600_000, 1670610000000);
    expect(candles.map((c) => c.time)).toEqual([1670601600000, 1670605200000, 1670608800000]);
    expect(candles[0]).toEqual({ time: 1670601600000, open: 17086.5, high: 17088, low: 16978, close: 17071.5, volume: 6356, turnover: 0.37288112, closed: true });
    expect(candles.map((c) => c.closed)).toEqual([true, true, false]);
  });

  it('instruments through domain/instrument.ts; a spot row is refused by name', () => {
    const [btc] = instrumentsFromRest(result('instruments', 'rest-instruments-linear'));
    expect(btc).toMatchObject({ symbol: 'BTCUSDT', tickSize: '0.10', qtyStep: '0.001', minNotional: '5', maxMarketOrderQty: '500.000', fundingIntervalMinutes: 480 });
    expect(() => instrumentsFromRest(result('instruments', 'rest-instruments-spot'))).toThrow(InputError);
  });

  it('order book → a snapshot the OrderBook can load', () => {
    expect(bookFromRest(result('orderbook', 'rest-orderbook'))).toEqual({
      kind: 'snapshot', symbol: 'BTCUSDT', bids: [[65485.47, 47.081829]], asks: [[65557.7, 16.606555]], updateId: 230704, seq: 1432604333, time: 1716863719031, matchTime: 1716863718905,
    });
  });

  it('recent trades and funding history → Trade and FundingRate', () => {
    expect(tradesFromRest(result('recentTrades', 'rest-recent-trade'))).toEqual([{ symbol: 'BTCUSDT', time: 1672052955758, price: 16618.49, size: 0.00012, side: 'buy', id: '2100000000007764263' }]);
    expect(fundingFromRest(result('fundingHistory', 'rest-funding-history'))).toEqual([{ symbol: 'ETHPERP', time: 1672041600000, rate: 0.0001 }]);
  });

  it('API key rights: trading allowed, withdrawal not, read-only flag', () => {
    expect(apiKeyFromRest(result('apiKeyInfo', 'rest-query-api'))).toEqual({ apiKey: 'XXXXXXXX', readOnly: true, canTradeContracts: true, canWithdraw: false, ips: ['18.181.170.164', '13.212.45.47', '13.212.45.48'] });
  });
});

describe('account results → domain (the rows the WS topics share)', () => {
  it('an open order with attached TP/SL', () => {
    const [row] = result('openOrders', 'rest-order-realtime').list;
    expect(orderFromWire(row!)).toMatchObject({
      clientId: 'test-000005', symbol: 'ETHUSDT', side: 'buy', type: 'limit', price: 1600, qty: 0.1, timeInForce: 'GTC', status: 'New',
      takeProfit: 2500, stopLoss: 1500, tpTriggerBy: 'last', slTriggerBy: 'last', tpslMode: 'Full', trigger: undefined, filledQty: 0, avgFillPrice: NaN, rejectReason: undefined,
    });
  });

  it('a cancelled post-only order from history → orderCancelled with its reason', () => {
    const [row] = result('orderHistory', 'rest-order-history').list;
    expect(orderEvent(row!)).toMatchObject({ type: 'orderCancelled', time: 1684476068372, reason: 'EC_PostOnlyWillTakeLiquidity', order: { timeInForce: 'PostOnly', takeProfit: undefined, tpslMode: undefined } });
  });

  it('an execution list row → a fill without execPnl (NaN) and nothing closed', () => {
    const [row] = result('executions', 'rest-execution-list').list;
    expect(executionEvent(row!)).toMatchObject({ type: 'fill', fill: { symbol: 'ETHPERP', side: 'buy', price: 1190.15, qty: 0.1, fee: 0.071409, maker: false }, closedSize: 0, realisedPnl: NaN, seq: 4688002127 });
  });

  it('a position list row (avgPrice) reads like the WS row (entryPrice)', () => {
    const [row] = result('positions', 'rest-position-list').list;
    expect(positionFromWire(row!)).toMatchObject({ symbol: 'BTCUSD', size: -300, entryPrice: 27464.50441675, markPrice: 28224.5, leverage: 10, liqPrice: undefined, stopLoss: undefined, takeProfit: undefined });
  });

  it('a wallet balance row', () => {
    const [row] = result('walletBalance', 'rest-wallet-balance').list;
    expect(walletFromWire(row!)).toMatchObject({ totalEquity: 3.31216591, totalAvailableBalance: 3.00326056, coins: [{ coin: 'BTC', walletBalance: 0, positionMargin: 0, orderMargin: 0 }] });
  });
});
