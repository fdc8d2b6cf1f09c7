// Positions, balance and equity kept from venue events alone, the same way in backtest, paper and live.
import { unrealisedPnl } from '../domain/position.js';
import type { VenueEvent } from '../domain/venue-events.js';

/** One symbol's position as the venue last reported it; the object is updated in place. */
export interface HeldPosition {
  readonly symbol: string;
  /** Signed base-coin size: > 0 long, < 0 short, 0 flat. */
  size: number;
  /** Average entry price, NaN when flat. */
  entryPrice: number;
  stopLoss: number | undefined;
  takeProfit: number | undefined;
  /** The last price it was marked at (NaN before the first mark). */
  mark: number;
}

export class Portfolio {
  private readonly held: HeldPosition[] = [];
  /** Starts as a number (not a bare declaration), so V8 stores it unboxed: no allocation per fill. */
  private wallet = Number.NaN;

  constructor(initialBalance: number) {
    if (!(initialBalance > 0)) throw new RangeError(`initial balance must be positive, got ${initialBalance}`);
    this.wallet = initialBalance;
  }

  /**
   * The balance as the venue states it (a live wallet at start-up, after reconciliation): from here
   * on the events move it as before.
   */
  rebase(balance: number): void {
    if (!(balance > 0) || !Number.isFinite(balance)) throw new RangeError(`balance must be a positive amount, got ${balance}`);
    this.wallet = balance;
  }

  /** Wallet balance: initial + realised PnL − fees − funding. */
  get balance(): number {
    return this.wallet;
  }

  /** Balance plus the unrealised PnL of every position at its last mark. */
  get equity(): number {
    let total = this.wallet;
    const held = this.held;
    for (let i = 0; i < held.length; i++) {
      const p = held[i]!;
      if (p.mark === p.mark) total += unrealisedPnl(p, p.mark);
    }
    return total;
  }

  /** The live position object of `symbol` (flat until the venue reports otherwise). */
  position(symbol: string): HeldPosition {
    const held = this.held;
    for (let i = 0; i < held.length; i++) if (held[i]!.symbol === symbol) return held[i]!;
    const created: HeldPosition = { symbol, size: 0, entryPrice: NaN, stopLoss: undefined, takeProfit: undefined, mark: NaN };
    this.held.push(created);
    return created;
  }

  /** Values `symbol` at `price` from now on (a candle close, a mark price). */
  mark(symbol: string, price: number): void {
    this.position(symbol).mark = price;
  }

  on(event: VenueEvent): void {
    switch (event.type) {
      case 'orderFilled':
        this.wallet -= event.fill.fee;
        return;
      case 'fundingPaid':
        this.wallet -= event.amount;
        return;
      case 'positionChanged': {
        const p = this.position(event.symbol);
        this.wallet += event.realisedPnl;
        p.size = event.position.size;
        p.entryPrice = event.position.entryPrice;
        p.stopLoss = event.stopLoss;
        p.takeProfit = event.takeProfit;
        return;
      }
      default:
    }
  }
}
