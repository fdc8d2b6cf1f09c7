// Every REST endpoint bybot calls, with its method, whether it is signed, and the schema of its result.
import type { z } from 'zod';
import { accountInfoResult, queryApiResult, setMarginModeResult, walletBalanceResult } from './account.js';
import { fundingHistoryResult, instrumentsResult, klineResult, marketTimeResult, orderbookResult, recentTradeResult, tickersResult } from './market.js';
import { closedPnlResult, emptyResult, positionListResult } from './position.js';
import { cancelAllResult, executionsResult, orderAckResult, ordersResult } from './trading.js';

export interface Endpoint<S extends z.ZodType = z.ZodType> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Private endpoints need the signed headers of sign.ts. */
  readonly signed: boolean;
  readonly result: S;
}

const get = <S extends z.ZodType>(path: string, result: S, signed = true): Endpoint<S> => ({ method: 'GET', path, signed, result });
const post = <S extends z.ZodType>(path: string, result: S): Endpoint<S> => ({ method: 'POST', path, signed: true, result });

export const ENDPOINTS = {
  marketTime: get('/v5/market/time', marketTimeResult, false),
  kline: get('/v5/market/kline', klineResult, false),
  instruments: get('/v5/market/instruments-info', instrumentsResult, false),
  tickers: get('/v5/market/tickers', tickersResult, false),
  orderbook: get('/v5/market/orderbook', orderbookResult, false),
  recentTrades: get('/v5/market/recent-trade', recentTradeResult, false),
  fundingHistory: get('/v5/market/funding/history', fundingHistoryResult, false),
  createOrder: post('/v5/order/create', orderAckResult),
  amendOrder: post('/v5/order/amend', orderAckResult),
  cancelOrder: post('/v5/order/cancel', orderAckResult),
  cancelAll: post('/v5/order/cancel-all', cancelAllResult),
  openOrders: get('/v5/order/realtime', ordersResult),
  orderHistory: get('/v5/order/history', ordersResult),
  executions: get('/v5/execution/list', executionsResult),
  positions: get('/v5/position/list', positionListResult),
  setLeverage: post('/v5/position/set-leverage', emptyResult),
  tradingStop: post('/v5/position/trading-stop', emptyResult),
  closedPnl: get('/v5/position/closed-pnl', closedPnlResult),
  walletBalance: get('/v5/account/wallet-balance', walletBalanceResult),
  apiKeyInfo: get('/v5/user/query-api', queryApiResult),
  accountInfo: get('/v5/account/info', accountInfoResult),
  setMarginMode: post('/v5/account/set-margin-mode', setMarginModeResult),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
export type ResultOf<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]['result']>;
