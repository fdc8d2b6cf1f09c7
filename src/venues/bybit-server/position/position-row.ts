// A position as /v5/position/list shows it: the venue's size, entry and stops with the margin, PnL and times around them.
import type { Exchange } from '../exchange.js';
import { amount, millis, onGrid } from '../http/format.js';
import type { Market } from '../replay/market.js';

/** Bybit's floor for the fee in the break-even price. */
const MIN_BREAK_EVEN_FEE = 0.00055;

export function positionRow(exchange: Exchange, market: Market): Record<string, unknown> {
  const symbol = market.symbol;
  const p = exchange.venue.position(symbol);
  const meta = exchange.ledger.positions.meta(symbol);
  const size = Math.abs(p.size);
  const open = size > 0;
  const entry = open ? p.entryPrice : 0;
  const mark = exchange.lastPrice(symbol) ?? entry;
  const leverage = exchange.leverageOf(symbol);
  const value = size * entry;
  const initial = value / leverage;
  const maintenance = value * exchange.account.maintenanceRate;
  const fee = Math.max(exchange.account.fees.taker, MIN_BREAK_EVEN_FEE);
  const breakEven = open ? (entry * p.size - meta.curRealisedPnl) / (p.size - size * fee) : 0;
  const price = (x: number | undefined): string => onGrid(market.rules.price, x);
  return {
    positionIdx: 0,
    riskId: 1,
    riskLimitValue: '2000000',
    symbol,
    side: open ? (p.size > 0 ? 'Buy' : 'Sell') : '',
    size: onGrid(market.rules.qty, size),
    avgPrice: amount(entry),
    positionValue: amount(value),
    tradeMode: 0,
    positionStatus: 'Normal',
    autoAddMargin: 0,
    adlRankIndicator: open ? 2 : 0,
    leverage: amount(leverage),
    breakEvenPrice: amount(breakEven),
    positionBalance: amount(initial),
    markPrice: price(mark),
    liqPrice: open && p.liquidationPrice > 0 ? price(p.liquidationPrice) : '',
    bustPrice: '',
    positionMM: amount(maintenance),
    positionMMByMp: amount(maintenance),
    positionIM: amount(initial),
    positionIMByMp: amount(initial),
    tpslMode: 'Full',
    takeProfit: price(p.takeProfit),
    stopLoss: price(p.stopLoss),
    trailingStop: price(p.trailingStop),
    unrealisedPnl: amount(open ? p.size * (mark - entry) : 0),
    curRealisedPnl: amount(meta.curRealisedPnl),
    cumRealisedPnl: amount(meta.cumRealisedPnl),
    seq: meta.seq,
    isReduceOnly: false,
    mmrSysUpdateTime: '',
    mmrSysUpdatedTime: '',
    leverageSysUpdatedTime: '',
    sessionAvgPrice: '',
    delta: '',
    gamma: '',
    vega: '',
    theta: '',
    createdTime: millis(meta.createdTime),
    updatedTime: millis(meta.updatedTime),
    openTime: meta.openTime,
  };
}
