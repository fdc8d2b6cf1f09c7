// Rows of the private streams (§11): the REST rows, value for value, plus the few fields only the stream carries.
import { walletRow } from '../account/wallet-balance.js';
import type { Exchange } from '../exchange.js';
import { amount } from '../http/format.js';
import type { Execution } from '../ledger/execution.js';
import type { OrderRecord } from '../ledger/order-record.js';
import { positionRow } from '../position/position-row.js';
import { executionRow } from '../trade/execution-list.js';
import { orderRow } from '../trade/order-row.js';

/** The order row of /v5/order/realtime with the stream's category, closedPnl (as /v5/position/closed-pnl books it) and feeCurrency. */
export function streamOrderRow(exchange: Exchange, record: OrderRecord): Record<string, unknown> {
  const records = exchange.ledger.closedPnl.records;
  let closedPnl = 0;
  // Closing orders are recent: search from the newest.
  for (let i = records.length - 1; i >= 0; i--) {
    if (records[i]!.order === record) {
      closedPnl = records[i]!.closedPnl;
      break;
    }
  }
  return { category: 'linear', ...orderRow(record, exchange.market(record.request.symbol)), closedPnl: amount(closedPnl), feeCurrency: '' };
}

/** The row of /v5/execution/list with the stream's category, isLeverage, marketUnit and execPnl. */
export function streamExecutionRow(exchange: Exchange, execution: Execution): Record<string, unknown> {
  return { category: 'linear', ...executionRow(execution, exchange.market(execution.symbol)), isLeverage: '0', marketUnit: '', execPnl: amount(execution.pnl) };
}

/** The row of /v5/position/list; the stream names the entry price entryPrice where REST says avgPrice. */
export function streamPositionRow(exchange: Exchange, symbol: string): Record<string, unknown> {
  const { avgPrice, ...row } = positionRow(exchange, exchange.market(symbol));
  return { category: 'linear', ...row, entryPrice: avgPrice };
}

/** The account as /v5/account/wallet-balance lists it (USDT). */
export function streamWalletRow(exchange: Exchange): Record<string, unknown> {
  return walletRow(exchange);
}
