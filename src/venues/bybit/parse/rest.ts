// Results of the REST endpoints → domain values: server time, candles, instruments, book snapshot, trades, funding, API key rights.
import type { z } from 'zod';
import type { Candle } from '../../../domain/candle.js';
import type { FundingRate } from '../../../domain/funding.js';
import { instrumentFromBybit, type Instrument } from '../../../domain/instrument.js';
import type { BookSnapshot } from '../../../domain/order-book.js';
import type { Trade } from '../../../domain/trade.js';
import type { queryApiResult } from '../wire/account.js';
import type { fundingHistoryResult, instrumentsResult, klineResult, marketTimeResult, orderbookResult, recentTradeResult } from '../wire/market.js';
import { orderSide } from './vocabulary.js';

/** Server time in ms, from `timeNano` (the most precise field). */
export function serverTimeFromRest(result: z.output<typeof marketTimeResult>): number {
  return Number(BigInt(result.timeNano) / 1_000_000n);
}

/**
 * Kline rows (newest first) → candles in time order. A candle is closed once its interval has
 * passed at `now`; the newest row is usually still forming.
 */
export function candlesFromRest(result: z.output<typeof klineResult>, intervalMs: number, now: number): Candle[] {
  return result.list
    .map(([time, open, high, low, close, volume, turnover]) => ({ time, open, high, low, close, volume, turnover, closed: time + intervalMs <= now }))
    .sort((a, b) => a.time - b.time);
}

/** Each row through domain/instrument.ts, which names the instrument and the field when one is wrong. */
export function instrumentsFromRest(result: z.output<typeof instrumentsResult>): Instrument[] {
  return result.list.map((row) => instrumentFromBybit(row));
}

export function bookFromRest(result: z.output<typeof orderbookResult>): BookSnapshot {
  return { kind: 'snapshot', symbol: result.s, bids: result.b, asks: result.a, updateId: result.u, seq: result.seq, time: result.ts, ...(result.cts === undefined ? {} : { matchTime: result.cts }) };
}

/** Recent trades in time order (Bybit lists them newest first). */
export function tradesFromRest(result: z.output<typeof recentTradeResult>): Trade[] {
  return result.list.map((row) => ({ symbol: row.symbol, time: row.time, price: row.price, size: row.size, side: orderSide(row.side), id: row.execId })).sort((a, b) => a.time - b.time);
}

/** Funding settlements in time order. */
export function fundingFromRest(result: z.output<typeof fundingHistoryResult>): FundingRate[] {
  return result.list.map((row) => ({ symbol: row.symbol, time: row.fundingRateTimestamp, rate: row.fundingRate })).sort((a, b) => a.time - b.time);
}

/** What an API key may do: bybot refuses to run with a key that can withdraw. */
export interface ApiKeyRights {
  readonly apiKey: string;
  readonly readOnly: boolean;
  readonly canTradeContracts: boolean;
  readonly canWithdraw: boolean;
  /** Bound IPs; empty when the key is not IP-bound. */
  readonly ips: readonly string[];
}

export function apiKeyFromRest(result: z.output<typeof queryApiResult>): ApiKeyRights {
  const granted = (group: string, permission: string): boolean => result.permissions[group]?.includes(permission) ?? false;
  return {
    apiKey: result.apiKey,
    readOnly: result.readOnly === 1,
    canTradeContracts: (granted('ContractTrade', 'Order') && granted('ContractTrade', 'Position')) || granted('Derivatives', 'DerivativesTrade'),
    canWithdraw: granted('Wallet', 'Withdraw'),
    ips: result.ips ?? [],
  };
}
