// The public frames that need no state of their own (§10.2, §10.5): a closed candle's trade prints, a liquidation.
import { onGrid } from '../http/format.js';
import { candleTrades } from '../market/recent-trade.js';
import type { Market } from '../replay/market.js';

/** `publicTrade.{symbol}`: the prints of candle `index` (those /v5/market/recent-trade lists), oldest first; undefined when it had none. */
export function tradeFrame(name: string, market: Market, index: number, seed: number, now: number): string | undefined {
  const prints = candleTrades(market, index, seed);
  if (prints.length === 0) return undefined;
  // Bybit's tick direction: a print at the same price keeps the direction of the last move ("Zero" + it).
  let lastMove: 1 | -1 = (market.candles[index - 1]?.close ?? 0) <= market.candles[index]!.open ? 1 : -1;
  const data = prints.map((print) => {
    if (print.move !== 0) lastMove = print.move;
    const direction = `${print.move === 0 ? 'Zero' : ''}${lastMove === 1 ? 'PlusTick' : 'MinusTick'}`;
    return { T: print.time, s: market.symbol, S: print.side, v: print.size, p: print.price, L: direction, i: print.execId, BT: false, RPI: false, seq: print.seq };
  });
  return JSON.stringify({ topic: name, type: 'snapshot', ts: now, data });
}

/** `allLiquidation.{symbol}`: S is the side of the position closed out (Buy = a long), p its bankruptcy price. */
export function liquidationFrame(name: string, market: Market, long: boolean, qty: number, price: number, time: number): string {
  const data = { T: time, s: market.symbol, S: long ? 'Buy' : 'Sell', v: onGrid(market.rules.qty, qty), p: onGrid(market.rules.price, price) };
  return JSON.stringify({ topic: name, type: 'snapshot', ts: time, data: [data] });
}
