// The context series a strategy declared: higher timeframes aggregated from its own candles, other symbols from their files.
import { aggregateSeries } from '../data/aggregate.js';
import type { CandleSeries } from '../data/candle-series.js';
import { InputError } from '../core/errors.js';
import { timeframeMs, type Timeframe } from '../domain/timeframe.js';
import type { CandleView, StrategyNeeds } from '../strategy/api.js';
import { SeriesView } from './series-view.js';
import { seriesKey } from './strategy-context.js';

/** Candles of another symbol, given to a backtest for a strategy that reads them as context. */
export interface ContextSeries {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candles: CandleSeries;
}

export interface ContextViews {
  readonly views: ReadonlyMap<string, CandleView>;
  /** Shows, in every view, the candles closed by `time`. */
  showClosedBy(time: number): void;
}

export function contextViews(
  needs: StrategyNeeds | undefined,
  symbol: string,
  timeframe: Timeframe,
  candles: CandleSeries,
  given: readonly ContextSeries[],
  lookback: number,
): ContextViews {
  const list: SeriesView[] = [];
  const views = new Map<string, CandleView>();
  const add = (key: string, series: CandleSeries, tf: Timeframe): void => {
    const view = new SeriesView(series, timeframeMs(tf), lookback);
    list.push(view);
    views.set(key, view);
  };
  const baseMs = timeframeMs(timeframe);
  for (const tf of needs?.timeframes ?? []) {
    if (tf === timeframe || views.has(seriesKey(symbol, tf))) continue;
    const targetMs = timeframeMs(tf);
    if (targetMs < baseMs || targetMs % baseMs !== 0) {
      throw new InputError(`strategy needs ${symbol} ${tf}: it can only be built from ${timeframe} candles when it is a whole multiple of ${timeframe}`);
    }
    add(seriesKey(symbol, tf), aggregateSeries(candles, baseMs, targetMs), tf);
  }
  for (const need of needs?.symbols ?? []) {
    const key = seriesKey(need.symbol, need.timeframe);
    // The traded series itself (a BTC strategy asking for BTC as context) is the main view already.
    if (views.has(key) || (need.symbol === symbol && need.timeframe === timeframe)) continue;
    const found = given.find((g) => g.symbol === need.symbol && g.timeframe === need.timeframe);
    if (!found) throw new InputError(`strategy needs ${need.symbol} ${need.timeframe} candles as context: none were given (point --data at a folder that holds them)`);
    add(key, found.candles, need.timeframe);
  }
  return {
    views,
    showClosedBy(time) {
      for (let i = 0; i < list.length; i++) list[i]!.showClosedBy(time);
    },
  };
}
