// What a backtest loop drives on a simulated venue besides the ordinary commands: time, candles and funding.
import type { Candle } from '../domain/candle.js';
import type { PositionState } from '../domain/position.js';
import type { ExecutionVenue } from './execution-venue.js';

/** The part of a candle the venue matches against. */
export type SimCandle = Pick<Candle, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

export interface SimulatedVenue extends ExecutionVenue {
  /**
   * Fills and triggers what the candle's path reaches (finer `detail` candles decide the path when
   * given). `mark` is the mark-price candle of the same interval: triggers by mark price and
   * liquidation follow its path; without it the mark price is taken to be the last price.
   * The venue must not keep a reference to `candle`, `detail` or `mark` (or their elements) after the
   * call returns: the caller reuses those objects for the next candle.
   */
  processCandle(symbol: string, candle: SimCandle, detail?: readonly SimCandle[], mark?: SimCandle): void;
  /**
   * True when the symbol has no active order and no position: a candle can then change nothing but
   * the last price, so the caller may skip building detail (and mark) candles for it.
   */
  isQuiet(symbol: string): boolean;
  settleFunding(symbol: string, time: number, rate: number, markPrice: number): void;
  /** Closes the whole position at `price` (the end of a backtest): taker fee, no slippage. */
  closePosition(symbol: string, price: number, time: number): void;
  position(symbol: string): PositionState;
  /** Wallet balance plus unrealised PnL at the given mark prices. */
  equity(marks: Readonly<Record<string, number>>): number;
}
