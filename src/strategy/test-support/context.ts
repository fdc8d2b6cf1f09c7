// A hand-made StrategyContext over plain candles, for driving one strategy directly in tests.
import type { Candle } from '../../domain/candle.js';
import type { Timeframe } from '../../domain/timeframe.js';
import type { CandleView, PositionView, StrategyContext } from '../api.js';

/** A CandleView over `candles` (oldest first), newest at steps 0. */
export function arrayView(candles: readonly Candle[]): CandleView {
  const at = (steps: number): Candle => {
    const candle = candles[candles.length - 1 - steps];
    if (!(steps >= 0) || candle === undefined) throw new RangeError(`candle ${steps} back is outside the ${candles.length} visible candles`);
    return candle;
  };
  return {
    get length() {
      return candles.length;
    },
    back: at,
    time: (s) => at(s).time,
    open: (s) => at(s).open,
    high: (s) => at(s).high,
    low: (s) => at(s).low,
    close: (s) => at(s).close,
    volume: (s) => at(s).volume,
  };
}

export function testContext(options: { candles: readonly Candle[]; position?: PositionView; equity?: number; symbol?: string; timeframe?: Timeframe }): StrategyContext {
  const candles = arrayView(options.candles);
  const equity = options.equity ?? 1000;
  const symbol = options.symbol ?? 'SOLUSDT';
  const timeframe = options.timeframe ?? '5m';
  return {
    time: options.candles.at(-1)?.time ?? Number.NaN,
    symbol,
    timeframe,
    candles,
    candlesOf(tf, sym = symbol) {
      if (tf === timeframe && sym === symbol) return candles;
      throw new Error(`testContext has no ${sym} ${tf} candles`);
    },
    position: options.position ?? { size: 0, entryPrice: Number.NaN },
    account: { equity, balance: equity },
    equity,
  };
}
