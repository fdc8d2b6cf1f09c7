// The unified account's balances (§8.1, §11.4) and the API key's permissions (§8.2).
import { z } from 'zod';
import { blankDecimal, flag, integer, list, nonEmptyText, record, text } from './fields.js';

/** One coin of the account; "" (e.g. portfolio margin) reads as NaN. */
export const coinBalanceRow = record({
  coin: nonEmptyText,
  equity: blankDecimal,
  usdValue: blankDecimal,
  walletBalance: blankDecimal,
  locked: blankDecimal.optional(),
  unrealisedPnl: blankDecimal,
  cumRealisedPnl: blankDecimal,
  totalOrderIM: blankDecimal.optional(),
  totalPositionIM: blankDecimal.optional(),
  totalPositionMM: blankDecimal.optional(),
});

/** One account as GET /v5/account/wallet-balance and the `wallet` topic report it; totals are in USD. */
export const walletRow = record({
  accountType: nonEmptyText,
  totalEquity: blankDecimal,
  totalWalletBalance: blankDecimal,
  totalMarginBalance: blankDecimal,
  totalAvailableBalance: blankDecimal,
  totalPerpUPL: blankDecimal,
  totalInitialMargin: blankDecimal,
  totalMaintenanceMargin: blankDecimal,
  accountIMRate: blankDecimal.optional(),
  accountMMRate: blankDecimal.optional(),
  coin: list(coinBalanceRow),
});

/** GET /v5/account/wallet-balance */
export const walletBalanceResult = record({ list: list(walletRow) });

/** GET /v5/user/query-api */
export const queryApiResult = record({
  apiKey: nonEmptyText,
  note: text.optional(),
  /** 0 read-write, 1 read-only. */
  readOnly: integer,
  /** Permission groups (ContractTrade, Wallet, ...) to the permissions granted in each. */
  permissions: z.record(z.string(), list(text)),
  ips: list(text).optional(),
  deadlineDay: integer.optional(),
  expiredAt: text.optional(),
  uta: integer.optional(),
  isMaster: flag.optional(),
});

/** POST /v5/account/set-margin-mode: an empty `reasons` list when it worked. */
export const setMarginModeResult = record({ reasons: list(record({ reasonCode: text, reasonMsg: text })).optional() });

/** GET /v5/account/info: the account-wide margin mode. */
export const accountInfoResult = record({ marginMode: text });
