import { describe, expect, it } from 'vitest';
import { RemoteRejectedError } from '../../../core/errors.js';
import { editedPayload, referencePayload } from '../test-support/reference.js';
import { ENDPOINTS, type EndpointName } from './endpoints.js';
import { emptyResult } from './position.js';
import { parseReply } from './envelope.js';
import { WireFormatError } from './validate.js';

/** Each endpoint and the official example replies of §5–§8 (verbatim) it must read. */
const EXAMPLES: Record<EndpointName, string[]> = {
  marketTime: ['rest-market-time'],
  kline: ['rest-kline-inverse'],
  instruments: ['rest-instruments-linear', 'rest-instruments-prelaunch', 'rest-instruments-spot'],
  tickers: ['rest-tickers-inverse', 'rest-tickers-spot'],
  orderbook: ['rest-orderbook'],
  recentTrades: ['rest-recent-trade'],
  fundingHistory: ['rest-funding-history'],
  createOrder: ['rest-order-create'],
  amendOrder: ['rest-order-amend'],
  cancelOrder: ['rest-order-cancel'],
  cancelAll: ['rest-order-cancel-all'],
  openOrders: ['rest-order-realtime'],
  orderHistory: ['rest-order-history'],
  executions: ['rest-execution-list'],
  positions: ['rest-position-list'],
  setLeverage: ['rest-set-leverage'],
  tradingStop: ['rest-trading-stop'],
  closedPnl: ['rest-closed-pnl'],
  walletBalance: ['rest-wallet-balance'],
  apiKeyInfo: ['rest-query-api'],
  // The reference has only a failed set-margin-mode (tested below) and no account-info example.
  setMarginMode: [],
  accountInfo: [],
};

describe('REST replies (official examples)', () => {
  it('reads the failed set-margin-mode example as the exchange refusing, with its retCode', () => {
    const attempt = () => parseReply(referencePayload('rest-set-margin-mode-failed'), ENDPOINTS.setMarginMode.result, ENDPOINTS.setMarginMode.path);
    expect(attempt).toThrow(RemoteRejectedError);
    expect(attempt).toThrow(/3400045/);
  });

  for (const [name, examples] of Object.entries(EXAMPLES) as [EndpointName, string[]][]) {
    for (const example of examples) {
      it(`${ENDPOINTS[name].method} ${ENDPOINTS[name].path} reads ${example}`, () => {
        const reply = parseReply(referencePayload(example), ENDPOINTS[name].result, ENDPOINTS[name].path);
        expect(reply.result).toBeTypeOf('object');
        expect(reply.time).toBeGreaterThan(1_600_000_000_000);
      });
    }
  }

  it('turns strings into numbers and keeps exact text where a double would not do', () => {
    const time = parseReply(referencePayload('rest-market-time'), ENDPOINTS.marketTime.result, 'time');
    expect(time).toEqual({ result: { timeSecond: '1688639403', timeNano: '1688639403423213947' }, time: 1688639403423 });
    const kline = parseReply(referencePayload('rest-kline-inverse'), ENDPOINTS.kline.result, 'kline').result;
    expect(kline.list[0]).toEqual([1670608800000, 17071, 17073, 17027, 17055.5, 268611, 15.74462667]);
    const positions = parseReply(referencePayload('rest-position-list'), ENDPOINTS.positions.result, 'positions').result;
    expect(positions.list[0]).toMatchObject({ side: 'Sell', size: 300, entryPrice: 27464.50441675, liqPrice: NaN, takeProfit: 0 });
  });

  it('reads the generic envelope of §2.1 with an empty result', () => {
    expect(parseReply(referencePayload('rest-envelope'), emptyResult, 'envelope')).toEqual({ result: {}, time: 1671017382656 });
  });
});

describe('REST refusals and malformed replies', () => {
  it('raises a non-zero retCode as RemoteRejectedError carrying the code (the documented set-margin-mode failure)', () => {
    const refuse = () => parseReply(referencePayload('rest-set-margin-mode-failed'), emptyResult, '/v5/account/set-margin-mode');
    expect(refuse).toThrow(RemoteRejectedError);
    expect(refuse).toThrow('/v5/account/set-margin-mode: Bybit refused with retCode 3400045: Set margin mode failed');
    try {
      refuse();
    } catch (error) {
      expect((error as RemoteRejectedError).code).toBe(3400045);
    }
  });

  it('names a missing field', () => {
    const reply = editedPayload('rest-order-realtime', (p) => delete p.result.list[0].orderStatus);
    expect(() => parseReply(reply, ENDPOINTS.openOrders.result, '/v5/order/realtime')).toThrow('/v5/order/realtime result: list[0].orderStatus is missing');
  });

  it('names a bad number with its value', () => {
    const reply = editedPayload('rest-execution-list', (p) => (p.result.list[0].execPrice = '1,190.15'));
    expect(() => parseReply(reply, ENDPOINTS.executions.result, '/v5/execution/list')).toThrow('/v5/execution/list result: list[0].execPrice must be a decimal string, got "1,190.15"');
    const negative = editedPayload('rest-orderbook', (p) => (p.result.b[0][1] = '-47.08'));
    expect(() => parseReply(negative, ENDPOINTS.orderbook.result, 'orderbook')).toThrow('orderbook result: b[0][1] must be a non-negative decimal string, got "-47.08"');
  });

  it('names a number sent as a JSON number, an unknown enum value and a broken envelope', () => {
    const kline = editedPayload('rest-kline-inverse', (p) => (p.result.list[1][4] = 17071));
    expect(() => parseReply(kline, ENDPOINTS.kline.result, 'kline')).toThrow('kline result: list[1][4] must be a decimal string, got 17071');
    const status = editedPayload('rest-order-history', (p) => (p.result.list[0].orderStatus = 'Gone'));
    expect(() => parseReply(status, ENDPOINTS.orderHistory.result, 'history')).toThrow('list[0].orderStatus must be one of "New", "PartiallyFilled"');
    let thrown: unknown;
    try {
      parseReply({ retMsg: 'OK' }, emptyResult, 'envelope');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WireFormatError);
    expect(thrown).toMatchObject({ field: 'retCode', message: 'envelope: retCode is missing (and 1 more problem)' });
  });
});
