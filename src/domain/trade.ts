// A public trade print: what order-flow features (delta, CVD, footprint) are built from.

export type AggressorSide = 'buy' | 'sell';

export interface Trade {
  readonly symbol: string;
  /** Execution time, ms since epoch, UTC. */
  readonly time: number;
  readonly price: number;
  /** Base-coin size. */
  readonly size: number;
  /** The taker's side: 'buy' lifted the ask, 'sell' hit the bid. */
  readonly side: AggressorSide;
  /** The venue's trade id, unique per symbol. */
  readonly id: string;
}
