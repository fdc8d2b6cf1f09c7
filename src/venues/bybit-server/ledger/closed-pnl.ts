// Closed PnL as Bybit reports it: one record per order that closed (part of) a position, built up fill by fill.
import type { Fill } from '../../../domain/order.js';
import type { OrderRecord } from './order-record.js';
import type { FillOnPosition } from './position-book.js';

export interface ClosedPnlRecord {
  readonly order: OrderRecord;
  readonly leverage: number;
  closedSize: number;
  cumEntryValue: number;
  cumExitValue: number;
  /** Price PnL less the opening fee carried by the closed size and the closing fee. */
  closedPnl: number;
  openFee: number;
  closeFee: number;
  fillCount: number;
  readonly createdTime: number;
  updatedTime: number;
}

export class ClosedPnlBook {
  /** Oldest first. */
  readonly records: ClosedPnlRecord[] = [];
  private readonly byOrder = new Map<string, ClosedPnlRecord>();

  add(order: OrderRecord, fill: Fill, effect: FillOnPosition, leverage: number): void {
    let record = this.byOrder.get(order.orderId);
    if (record === undefined) {
      record = { order, leverage, closedSize: 0, cumEntryValue: 0, cumExitValue: 0, closedPnl: 0, openFee: 0, closeFee: 0, fillCount: 0, createdTime: fill.time, updatedTime: fill.time };
      this.byOrder.set(order.orderId, record);
      this.records.push(record);
    }
    record.closedSize += effect.closedQty;
    record.cumEntryValue += effect.entryPrice * effect.closedQty;
    record.cumExitValue += fill.price * effect.closedQty;
    record.closedPnl += effect.pricePnl - effect.openFee - effect.closeFee;
    record.openFee += effect.openFee;
    record.closeFee += effect.closeFee;
    record.fillCount += 1;
    record.updatedTime = fill.time;
  }
}
