// Bybit position and wallet rows (REST and private WS) → PositionReport and WalletBalance.
import type { z } from 'zod';
import type { walletRow } from '../wire/account.js';
import type { positionRow } from '../wire/position.js';
import type { PositionReport, WalletBalance } from './events.js';
import { setPrice } from './vocabulary.js';

export type PositionRow = z.output<typeof positionRow>;
export type WalletRow = z.output<typeof walletRow>;

/** Signed size (long > 0, short < 0), entry price NaN when flat, unset stops and liquidation price undefined. */
export function positionFromWire(row: PositionRow): PositionReport {
  const size = row.side === 'Sell' ? -row.size : row.side === 'Buy' ? row.size : 0;
  return {
    symbol: row.symbol,
    positionIdx: row.positionIdx,
    size,
    entryPrice: size === 0 ? NaN : row.entryPrice,
    markPrice: row.markPrice,
    leverage: row.leverage,
    liqPrice: setPrice(row.liqPrice),
    stopLoss: setPrice(row.stopLoss),
    takeProfit: setPrice(row.takeProfit),
    trailingStop: setPrice(row.trailingStop),
    unrealisedPnl: row.unrealisedPnl,
    currentRealisedPnl: row.curRealisedPnl,
    cumulativeRealisedPnl: row.cumRealisedPnl,
    status: row.positionStatus,
    seq: row.seq,
  };
}

export function walletFromWire(row: WalletRow): WalletBalance {
  return {
    accountType: row.accountType,
    totalEquity: row.totalEquity,
    totalWalletBalance: row.totalWalletBalance,
    totalMarginBalance: row.totalMarginBalance,
    totalAvailableBalance: row.totalAvailableBalance,
    totalUnrealisedPnl: row.totalPerpUPL,
    totalInitialMargin: row.totalInitialMargin,
    totalMaintenanceMargin: row.totalMaintenanceMargin,
    coins: row.coin.map((coin) => ({
      coin: coin.coin,
      walletBalance: coin.walletBalance,
      equity: coin.equity,
      unrealisedPnl: coin.unrealisedPnl,
      cumulativeRealisedPnl: coin.cumRealisedPnl,
      usdValue: coin.usdValue,
      positionMargin: coin.totalPositionIM ?? NaN,
      orderMargin: coin.totalOrderIM ?? NaN,
    })),
  };
}
