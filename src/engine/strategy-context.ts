// The one context object a strategy reads on every hook: views over candles, the portfolio's position and account, kept current by the engine.
import { InputError, describeValue } from '../core/errors.js';
import type { Timeframe } from '../domain/timeframe.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { AccountView, CandleView, PositionView, StrategyContext } from '../strategy/api.js';

/** Key of a context series: `SYMBOL@timeframe`. */
export function seriesKey(symbol: string, timeframe: Timeframe): string {
  return `${symbol}@${timeframe}`;
}

/** Updated in place by the engine (time), read in place by the strategy: no object per candle. */
export class EngineContext implements StrategyContext {
  time = Number.NaN;
  readonly position: PositionView;
  readonly account: AccountView;

  constructor(
    readonly symbol: string,
    readonly timeframe: Timeframe,
    readonly candles: CandleView,
    private readonly portfolio: Portfolio,
    /** Declared context series by `seriesKey`. */
    private readonly others: ReadonlyMap<string, CandleView> = new Map(),
  ) {
    this.position = portfolio.position(symbol);
    this.account = {
      get equity() {
        return portfolio.equity;
      },
      get balance() {
        return portfolio.balance;
      },
    };
  }

  get equity(): number {
    return this.portfolio.equity;
  }

  candlesOf(timeframe: Timeframe, symbol: string = this.symbol): CandleView {
    if (symbol === this.symbol && timeframe === this.timeframe) return this.candles;
    const view = this.others.get(seriesKey(symbol, timeframe));
    if (!view) {
      const declared = [...this.others.keys()].join(', ') || 'none';
      throw new InputError(`candlesOf(${describeValue(timeframe)}, ${describeValue(symbol)}): not declared in the strategy's needs (declared: ${declared})`);
    }
    return view;
  }
}
