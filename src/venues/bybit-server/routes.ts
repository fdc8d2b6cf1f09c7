// Every REST endpoint the local exchange serves, in one list.
import { accountInfo, setMarginMode } from './account/margin-mode.js';
import { queryApi } from './account/query-api.js';
import { walletBalance } from './account/wallet-balance.js';
import type { Route } from './http/route.js';
import { marketFundingHistory } from './market/funding-history.js';
import { marketInstruments } from './market/instruments.js';
import { marketKline } from './market/kline.js';
import { marketOrderbook } from './market/orderbook.js';
import { marketRecentTrade } from './market/recent-trade.js';
import { marketTickers } from './market/tickers.js';
import { marketTime } from './market/time.js';
import { closedPnl } from './position/closed-pnl.js';
import { positionList } from './position/position-list.js';
import { setLeverage } from './position/set-leverage.js';
import { tradingStop } from './position/trading-stop.js';
import { orderAmend } from './trade/amend.js';
import { orderCancel, orderCancelAll } from './trade/cancel.js';
import { orderCreate } from './trade/create.js';
import { executionList } from './trade/execution-list.js';
import { orderHistory, orderRealtime } from './trade/order-lists.js';

export const ROUTES: readonly Route[] = [
  marketTime,
  marketKline,
  marketInstruments,
  marketTickers,
  marketOrderbook,
  marketRecentTrade,
  marketFundingHistory,
  orderCreate,
  orderAmend,
  orderCancel,
  orderCancelAll,
  orderRealtime,
  orderHistory,
  executionList,
  positionList,
  setLeverage,
  tradingStop,
  closedPnl,
  walletBalance,
  setMarginMode,
  accountInfo,
  queryApi,
];
