// What the exchange remembers of each symbol's position beyond the venue's size and entry: times, realised PnL, the opening fee, the sequence.
import type { Fill } from '../../../domain/order.js';
import { FLAT, type PositionState } from '../../../domain/position.js';

export interface PositionMeta {
  position: PositionState;
  /** First time a position was opened on the symbol (0: never). */
  createdTime: number;
  updatedTime: number;
  /** When the current position opened (0 while flat). */
  openTime: number;
  /** Realised PnL of the position held now, and of all time: price PnL less fees and funding. */
  curRealisedPnl: number;
  cumRealisedPnl: number;
  /** Fees paid opening the size still held, not yet counted against a close. */
  openFee: number;
  /** Sequence of the last fill on the symbol (-1: never traded). */
  seq: number;
}

/** What a fill did to the position, as closed PnL reports it. */
export interface FillOnPosition {
  readonly closedQty: number;
  /** Entry price of the size closed. */
  readonly entryPrice: number;
  readonly pricePnl: number;
  /** Share of the opening fee that the closed size carried, and the fee of the closing part of this fill. */
  readonly openFee: number;
  readonly closeFee: number;
}

export class PositionBook {
  private readonly metas = new Map<string, PositionMeta>();

  meta(symbol: string): PositionMeta {
    let meta = this.metas.get(symbol);
    if (meta === undefined) {
      meta = { position: FLAT, createdTime: 0, updatedTime: 0, openTime: 0, curRealisedPnl: 0, cumRealisedPnl: 0, openFee: 0, seq: -1 };
      this.metas.set(symbol, meta);
    }
    return meta;
  }

  /** Accounts a fill against the position as it stood before it (the venue's positionChanged follows). */
  applyFill(fill: Fill, seq: number): FillOnPosition {
    const meta = this.meta(fill.symbol);
    const before = meta.position;
    const held = Math.abs(before.size);
    const reduces = before.size !== 0 && (fill.side === 'buy') !== before.size > 0;
    const closedQty = reduces ? Math.min(fill.qty, held) : 0;
    const closeFee = (fill.fee * closedQty) / fill.qty;
    const openingFee = fill.fee - closeFee;
    const openFee = closedQty > 0 ? (meta.openFee * closedQty) / held : 0;
    const pricePnl = closedQty > 0 ? Math.sign(before.size) * (fill.price - before.entryPrice) * closedQty : 0;
    const opensAnew = before.size === 0 || (reduces && fill.qty - held > 1e-9 * held);
    meta.cumRealisedPnl += pricePnl - fill.fee;
    if (opensAnew) {
      meta.curRealisedPnl = -openingFee;
      meta.openFee = openingFee;
      meta.openTime = fill.time;
    } else {
      meta.curRealisedPnl += pricePnl - fill.fee;
      meta.openFee += openingFee - openFee;
    }
    if (meta.createdTime === 0) meta.createdTime = fill.time;
    meta.seq = seq;
    meta.updatedTime = fill.time;
    return { closedQty, entryPrice: before.entryPrice, pricePnl, openFee, closeFee };
  }

  applyPosition(symbol: string, position: PositionState, time: number): void {
    const meta = this.meta(symbol);
    meta.position = position;
    meta.updatedTime = time;
    if (position.size === 0) {
      meta.openTime = 0;
      meta.curRealisedPnl = 0;
      meta.openFee = 0;
    }
  }

  /** Funding paid (positive) or received comes off realised PnL. */
  applyFunding(symbol: string, amount: number, time: number): void {
    const meta = this.meta(symbol);
    meta.curRealisedPnl -= amount;
    meta.cumRealisedPnl -= amount;
    meta.updatedTime = time;
  }

  /** Realised PnL of every symbol, all time. */
  totalRealised(): number {
    let total = 0;
    for (const meta of this.metas.values()) total += meta.cumRealisedPnl;
    return total;
  }
}
