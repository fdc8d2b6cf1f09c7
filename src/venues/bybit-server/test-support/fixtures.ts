// Local exchanges for tests: SOLUSDT (and BTCUSDT) minute candles from price rows, two keys, a deterministic rate-limit clock.
import type { Candle } from '../../../domain/candle.js';
import type { FundingRate } from '../../../domain/funding.js';
import { createInstrument, SOLUSDT_DEFAULT } from '../../../domain/instrument.js';
import { DEFAULT_RATE_LIMITS, startLocalExchange, type LocalExchange, type LocalExchangeOptions, type ReplaySpeed } from '../index.js';

export const SOL = 'SOLUSDT';
export const BTC = 'BTCUSDT';
export const MINUTE = 60_000;
/** 2024-01-01T06:00:00Z: two hours before a funding settlement. */
export const T0 = Date.UTC(2024, 0, 1, 6);

export const BTCUSDT = createInstrument({
  symbol: BTC, category: 'linear', baseCoin: 'BTC', quoteCoin: 'USDT', tickSize: '0.1', qtyStep: '0.001', minOrderQty: '0.001',
  maxOrderQty: '1190', maxMarketOrderQty: '500', minNotional: '5', maxLeverage: '100', fundingIntervalMinutes: 480,
});

export const TRADER = { key: 'trader-key', secret: 'trader-secret-do-not-print' };
export const READER = { key: 'reader-key', secret: 'reader-secret-do-not-print' };
export const WITHDRAWER = { key: 'withdraw-key', secret: 'withdraw-secret' };

/** Minute candles from T0 given as [open, high, low, close] (volume 1000). */
export function candles(rows: readonly (readonly [number, number, number, number])[], start = T0): Candle[] {
  return rows.map(([open, high, low, close], i) => ({ time: start + i * MINUTE, open, high, low, close, volume: 1000, turnover: NaN, closed: true }));
}

/** `count` quiet minutes around `price`: a 0.2 range, closing where they opened. */
export function flat(count: number, price = 100): (readonly [number, number, number, number])[] {
  return Array.from({ length: count }, () => [price, price + 0.1, price - 0.1, price] as const);
}

/** A gentle wave around 100, for endpoints that only read history. */
export function wave(count: number): Candle[] {
  return candles(
    Array.from({ length: count }, (_, i) => {
      const open = Math.round((100 + 2 * Math.sin(i / 10)) * 100) / 100;
      const close = Math.round((100 + 2 * Math.sin((i + 1) / 10)) * 100) / 100;
      return [open, Math.max(open, close) + 0.05, Math.min(open, close) - 0.05, close] as const;
    }),
  );
}

/** `count` minutes of two waves around 100 (periods of about 38 and 14 minutes): many crossings of short moving averages, for trading tests. */
export function swing(count: number): Candle[] {
  const at = (k: number) => Math.round((100 + 3 * Math.sin(k / 6) + Math.sin(k / 2.3)) * 100) / 100;
  return candles(Array.from({ length: count }, (_, i) => [at(i), Math.max(at(i), at(i + 1)) + 0.05, Math.min(at(i), at(i + 1)) - 0.05, at(i + 1)] as const));
}

export const FUNDING: FundingRate[] = [
  { symbol: SOL, time: Date.UTC(2024, 0, 1, 0), rate: 0.0001 },
  { symbol: SOL, time: Date.UTC(2024, 0, 1, 8), rate: 0.0002 },
  { symbol: SOL, time: Date.UTC(2024, 0, 1, 16), rate: -0.0001 },
];

/** Limits no test reaches by accident (the rate-limit test sets its own). */
const ROOMY_LIMITS = Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS).map((path) => [path, 100_000]));

/** A SOLUSDT exchange on `solCandles` (a 240-minute wave unless given), keys TRADER, READER (read-only) and WITHDRAWER. */
export function startTestExchange(solCandles: readonly Candle[] = wave(240), extra: Partial<LocalExchangeOptions> = {}): Promise<LocalExchange> {
  return startLocalExchange({
    instruments: [SOLUSDT_DEFAULT],
    history: { timeframe: '1m', symbols: { [SOL]: { candles: solCandles, funding: FUNDING } } },
    apiKeys: [
      { ...TRADER, note: 'tests' },
      { ...READER, readOnly: true },
      { ...WITHDRAWER, permissions: { Wallet: ['AccountTransfer', 'Withdraw'] } },
    ],
    rateLimits: ROOMY_LIMITS,
    ...extra,
  });
}

/**
 * Plays the replay at `speed` once a client listens to SOLUSDT's candles, whatever the client had to
 * do first (warm-up, key check, reconciliation), so a slow start on a busy machine misses no candle.
 * Returns a function that stops waiting.
 */
export function playWhenListening(local: LocalExchange, speed: ReplaySpeed): () => void {
  const poll = setInterval(() => {
    if (!local.listens('kline', SOL)) return;
    clearInterval(poll);
    local.play(speed);
  }, 10);
  return () => clearInterval(poll);
}
