import { beforeAll, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import type { CandleSeries } from '../../../data/candle-series.js';
import { loadCandleFile } from '../../../data/load-history.js';
import { loadBinanceStream } from '../../../data/loaders/binance-stream.js';
import { describeWithData, sharedDataPath } from '../../../data/test-support/shared-data.js';
import { createInstrument } from '../../../domain/instrument.js';
import type { Trade } from '../../../domain/trade.js';
import { runBacktestLoop, type BacktestLoopOutput } from '../../../engine/backtest-loop.js';
import { OrderManager } from '../../../execution/order-manager.js';
import { SimVenue } from '../../../venues/sim/sim-venue.js';
import { valuesOf } from '../multitf-volume/test-support/candle-legs.js';
import type { RecordedEntry } from '../shared/test-support/real-data.js';
import { liquiditySweep } from './index.js';

/** Bybit BTCUSDT 5m candles covering the Binance capture (2024-08-08 23:54:16 – 23:59:59 UTC). */
const CANDLES = 'candles/bybit-linear_BTCUSDT_5m_2024-05-01_2024-08-09.csv';
const CAPTURE = 'orderflow/usdm_btcusdt_20240808.gz';
/** The 23:55 candle, the last the capture covers. */
const LAST_CANDLE = Date.UTC(2024, 7, 8, 23, 55);
/** The 23:50 candle: it runs the lone swing low of 23:30 (61,710) down to 61,691 and closes at 61,815. */
const SWEEP_CANDLE = Date.UTC(2024, 7, 8, 23, 50);
const FIVE_MINUTES = 300_000;

const BTCUSDT = createInstrument({ symbol: 'BTCUSDT', category: 'linear', baseCoin: 'BTC', quoteCoin: 'USDT', tickSize: '0.1', qtyStep: '0.001', minOrderQty: '0.001', maxOrderQty: '1190', maxMarketOrderQty: '500', minNotional: '5', maxLeverage: '100', fundingIntervalMinutes: 480 });

interface TradeRun {
  readonly output: BacktestLoopOutput;
  readonly entries: RecordedEntry[];
  /** Trades that reached onTrade. */
  readonly delivered: number;
}

/** The strategy over `candles` of BTCUSDT with `trades` for onTrade, recording its entries. */
function run(candles: CandleSeries, raw: Record<string, unknown>, trades: readonly Trade[]): TradeRun {
  const strategy = liquiditySweep.create(liquiditySweep.params.parse(raw));
  const entries: RecordedEntry[] = [];
  let delivered = 0;
  const clock = new ManualClock(candles.columns.time[0]!);
  const venue = new SimVenue({ instruments: [BTCUSDT], initialEquity: 10_000, clock });
  const output = runBacktestLoop({
    symbol: 'BTCUSDT',
    timeframe: '5m',
    candles,
    venue,
    clock,
    orders: new OrderManager(venue, BTCUSDT),
    needs: liquiditySweep.needs!(liquiditySweep.params.parse(raw)),
    trades,
    strategy: {
      onTrade(ctx, trade) {
        delivered++;
        return strategy.onTrade?.(ctx, trade);
      },
      onCandle(ctx) {
        const intents = strategy.onCandle(ctx);
        for (const intent of intents ?? []) if (intent.kind === 'enter') entries.push({ intent, time: ctx.time, close: ctx.candles.close(0) });
        return intents;
      },
    },
  });
  return { output, entries, delivered };
}

/** Taker delta after the candle's last print at its low, over the candle's traded volume: the factor, computed here from the raw capture. */
function turnShareOf(trades: readonly Trade[], openTime: number): number {
  const inCandle = trades.filter((t) => t.time >= openTime && t.time < openTime + FIVE_MINUTES);
  const low = Math.min(...inCandle.map((t) => t.price));
  let lastAtLow = -1;
  inCandle.forEach((t, i) => {
    if (t.price === low) lastAtLow = i;
  });
  const signed = (t: Trade): number => (t.side === 'buy' ? t.size : -t.size);
  const after = inCandle.slice(lastAtLow + 1).reduce((sum, t) => sum + signed(t), 0);
  return after / inCandle.reduce((sum, t) => sum + t.size, 0);
}

const captureAvailable = sharedDataPath(CAPTURE) !== undefined;

describeWithData(CANDLES, 'liquidity-sweep with real trades (Binance BTCUSDT capture over Bybit 5m candles)', (file) => {
  let candles: CandleSeries;
  let trades: Trade[];
  beforeAll(() => {
    const all = loadCandleFile(file).series;
    const end = all.columns.time.indexOf(LAST_CANDLE) + 1;
    candles = all.slice(end - 4000, end);
    trades = captureAvailable ? loadBinanceStream(sharedDataPath(CAPTURE)!).trades : [];
  });

  it.skipIf(!captureAvailable)('feeds every trade to onTrade and trades over two weeks, judging on candles alone where the capture is silent', () => {
    const { output, entries, delivered } = run(candles, {}, trades);
    expect(delivered).toBe(trades.length);
    expect(trades.length).toBeGreaterThan(20_000);
    expect(output.trades.length).toBeGreaterThan(10);
    for (const { intent, time } of entries) {
      if (time < SWEEP_CANDLE) expect(valuesOf(intent)).toHaveProperty(['order flow: no trades (candles only)'], 0);
    }
  });

  it.skipIf(!captureAvailable)('judges the 23:50 sweep by the captured takers, and refuses it when they did not turn enough', () => {
    // A lone swing is a pool with minTouches 1: the 23:50 candle sweeps the 23:30 low and closes back above.
    const share = turnShareOf(trades, SWEEP_CANDLE);
    const withFlow = run(candles, { minTouches: 1 }, trades).entries.find((e) => e.time === SWEEP_CANDLE);
    expect(withFlow?.intent).toMatchObject({ side: 'long', signal: { level: 61_710 } });
    const flow = withFlow!.intent.signal!.factors.find((f) => f.name === 'taker delta after the sweep');
    expect(flow).toEqual({ name: 'taker delta after the sweep', value: expect.closeTo(share, 12), threshold: 0, passed: true, weight: 0.25 });
    // The capture starts 44 s before that candle's close: takers after its lowest print were about even.
    expect(Math.abs(share)).toBeLessThan(0.05);
    expect(run(candles, { minTouches: 1, minTurnShare: 0.05 }, trades).entries.some((e) => e.time === SWEEP_CANDLE)).toBe(false);
    // Without the trades the same sweep is taken on candles alone, and its signal says so.
    const candlesOnly = run(candles, { minTouches: 1 }, []).entries.find((e) => e.time === SWEEP_CANDLE);
    expect(valuesOf(candlesOnly?.intent)).toHaveProperty(['order flow: no trades (candles only)'], 0);
  });
});
