// Trades for order-flow tests: a terse hand-made trade, and the real Binance BTCUSDT capture when ../shared/data has it.
import { loadBinanceStream, type BinanceStream } from '../../../data/loaders/binance-stream.js';
import { sharedDataPath } from '../../../data/test-support/shared-data.js';
import type { Trade } from '../../../domain/trade.js';

export const BTC_CAPTURE = 'orderflow/usdm_btcusdt_20240808.gz';

let nextId = 0;

/** A hand-made trade (symbol TEST, fresh id). */
export const trade = (time: number, side: 'buy' | 'sell', size: number, price = 100): Trade => ({ symbol: 'TEST', time, price, size, side, id: String(nextId++) });

/** Path of the BTCUSDT capture, undefined (with a printed reason) when absent. */
export const capturePath: string | undefined = sharedDataPath(BTC_CAPTURE);

let cached: BinanceStream | undefined;

/** The parsed capture (loaded once per test file); call only inside a test that is skipped when capturePath is undefined. */
export function captureStream(): BinanceStream {
  if (!capturePath) throw new Error(`${BTC_CAPTURE} is absent`);
  cached ??= loadBinanceStream(capturePath);
  return cached;
}
