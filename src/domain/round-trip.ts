// One round trip (flat → position → flat) as the portfolio records it: what metrics, reports and a strategy's onPositionClosed see.

export interface RoundTrip {
  readonly side: 'long' | 'short';
  readonly entryTime: number;
  readonly exitTime: number;
  /** Size-weighted average of the fills that opened or added (their exact price when all were at one price). */
  readonly entryPrice: number;
  readonly exitPrice: number;
  /** Base coin, positive: everything that was bought (long) or sold (short) to open and add. */
  readonly quantity: number;
  /** Positive = paid (a maker rebate makes it negative). */
  readonly fees: number;
  /** Positive = paid, negative = received. */
  readonly funding: number;
  /** Cost of slippage, positive = paid. Informational: it is already inside the fill prices, hence inside `pnl`. */
  readonly slippage: number;
  /** Net PnL after fees and funding (USDT). */
  readonly pnl: number;
  /** Why it ended: a strategy's exit reason, or stop-loss, take-profit, trailing-stop, liquidation, end of data. */
  readonly exitReason: string;
  /** What the trade risked at entry (|entry − initial stop| × quantity), when known; enables `expectancyR`. */
  readonly risk?: number;
}
