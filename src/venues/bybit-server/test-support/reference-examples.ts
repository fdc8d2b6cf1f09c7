// The official response examples of the Bybit V5 reference, read from the verbatim JSON fixtures the client tests use too: the server's shapes are checked against them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../bybit/test-support/reference/', import.meta.url));
const example = (file: string): Record<string, unknown> => JSON.parse(readFileSync(`${FIXTURES}${file}.json`, 'utf8')) as Record<string, unknown>;

export const EXAMPLES = {
  envelope: example('rest-envelope'),
  time: example('rest-market-time'),
  kline: example('rest-kline-inverse'),
  instruments: example('rest-instruments-linear'),
  tickers: example('rest-tickers-inverse'),
  orderbook: example('rest-orderbook'),
  recentTrade: example('rest-recent-trade'),
  funding: example('rest-funding-history'),
  create: example('rest-order-create'),
  amend: example('rest-order-amend'),
  cancel: example('rest-order-cancel'),
  cancelAll: example('rest-order-cancel-all'),
  realtime: example('rest-order-realtime'),
  history: example('rest-order-history'),
  executions: example('rest-execution-list'),
  positions: example('rest-position-list'),
  setLeverage: example('rest-set-leverage'),
  setMarginModeFailure: example('rest-set-margin-mode-failed'),
  tradingStop: example('rest-trading-stop'),
  closedPnl: example('rest-closed-pnl'),
  wallet: example('rest-wallet-balance'),
  queryApi: example('rest-query-api'),
};
