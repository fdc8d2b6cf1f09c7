// What a backtest loop drives on a simulated venue besides the ordinary commands: time, candles and funding.
import type { Candle } from '../domain/candle.js';
import type { PositionState } from '../domain/position.js';
import type { ExecutionVenue } from './execution-venue.js';

/** The part of a candle the venue matches against. */
export type SimCandle = Pick<Candle, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

export interface SimulatedVenue extends ExecutionVenue {
  /** Fills and triggers what the candle's path reaches (finer `detail` candles decide the path when given). */
  processCandle(symbol: string, candle: SimCandle, detail?: readonly SimCandle[]): void;
  settleFunding(symbol: string, time: number, rate: number, markPrice: number): void;
  /** Closes the whole position at `price` (the end of a backtest): taker fee, no slippage. */
  closePosition(symbol: string, price: number, time: number): void;
  position(symbol: string): PositionState;
  /** Wallet balance plus unrealised PnL at the given mark prices. */
  equity(marks: Readonly<Record<string, number>>): number;
}
