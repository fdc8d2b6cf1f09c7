// GET /v5/market/recent-trade: trade prints made up from the closed candles (open, the two extremes, close), newest first.
import type { Candle } from '../../../domain/candle.js';
import { candlePath, POINTS_PER_CANDLE } from '../../sim/intrabar.js';
import { millis } from '../http/format.js';
import { PUBLIC, requireLinear, type Route } from '../http/route.js';
import type { Market } from '../replay/market.js';
import { randomFor, syntheticUuid } from '../synthetic.js';

interface Print {
  readonly price: number;
  readonly lots: number;
  readonly time: number;
  readonly k: number;
}

/** A candle's prints in time order: its path's four points, its volume split among them at random (whole lots; empty ones dropped). */
function candlePrints(market: Market, candle: Candle, seed: number): Print[] {
  const random = randomFor(seed, 'trades', market.symbol, candle.time);
  const weights = Array.from({ length: POINTS_PER_CANDLE }, () => 0.2 + random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const lots = market.rules.qty.toSteps(candle.volume, 'down');
  const step = market.intervalMs / POINTS_PER_CANDLE;
  return candlePath(candle)
    .map((price, k) => ({ price, lots: Math.floor((lots * weights[k]!) / total), time: candle.time + Math.floor(k * step), k }))
    .filter((print) => print.lots > 0);
}

/** One print as the REST list and the publicTrade stream report it: decimal strings on the instrument's grids. */
export interface TradePrint {
  readonly execId: string;
  readonly time: number;
  readonly price: string;
  readonly size: string;
  /** The taker's side: a print above the one before it was a buy. */
  readonly side: 'Buy' | 'Sell';
  /** Against the price before it: 1 up, -1 down, 0 the same. */
  readonly move: -1 | 0 | 1;
  readonly seq: number;
}

/** The prints of candle `index` of `market`, oldest first. */
export function candleTrades(market: Market, index: number, seed: number): TradePrint[] {
  const prints = candlePrints(market, market.candles[index]!, seed);
  return prints.map((print, p) => {
    const before = p > 0 ? prints[p - 1]!.price : (market.candles[index - 1]?.close ?? print.price);
    return {
      execId: syntheticUuid(seed, 'trade', market.symbol, print.time, print.k),
      time: print.time,
      price: market.rules.price.toString(market.rules.price.toSteps(print.price, 'halfUp')),
      size: market.rules.qty.toString(print.lots),
      side: print.price >= before ? 'Buy' : 'Sell',
      move: print.price > before ? 1 : print.price < before ? -1 : 0,
      seq: index * POINTS_PER_CANDLE + print.k + 1,
    };
  });
}

export const marketRecentTrade: Route = {
  method: 'GET',
  path: '/v5/market/recent-trade',
  access: PUBLIC,
  handle: ({ params, exchange }) => {
    requireLinear(params);
    const market = exchange.market(params.string('symbol'));
    const limit = params.integer('limit', { min: 1, max: 1000 }, 500);
    const list: Record<string, unknown>[] = [];
    for (let i = market.closedBy(exchange.now) - 1; i >= 0 && list.length < limit; i--) {
      const prints = candleTrades(market, i, exchange.seed);
      for (let p = prints.length - 1; p >= 0 && list.length < limit; p--) {
        const print = prints[p]!;
        list.push({
          execId: print.execId,
          symbol: market.symbol,
          price: print.price,
          size: print.size,
          side: print.side,
          time: millis(print.time),
          isBlockTrade: false,
          isRPITrade: false,
          seq: String(print.seq),
        });
      }
    }
    return { category: 'linear', list };
  },
};
