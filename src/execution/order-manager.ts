// Turns a strategy's intents into venue orders: exact lot and tick rounding, idempotent client ids, stops rounded away from the entry.
import { InstrumentRules, stopRounding, takeProfitRounding, type Instrument } from '../domain/instrument.js';
import type { OrderRequest } from '../domain/order.js';
import type { PositionState } from '../domain/position.js';
import type { ExecutionVenue } from '../ports/execution-venue.js';

export type ManagedIntent =
  | { readonly kind: 'enter'; readonly side: 'long' | 'short'; readonly qty: number; readonly limitPrice?: number; readonly stopLoss?: number; readonly takeProfit?: number; readonly reason?: string }
  | { readonly kind: 'exit'; readonly fraction?: number; readonly reason: string }
  | { readonly kind: 'moveStop'; readonly stopLoss: number }
  | { readonly kind: 'cancelOrders' };

export class OrderManager {
  private readonly rules: InstrumentRules;
  private sequence = 0;
  /** Why each order was sent, by client id: becomes the exit reason of the trade it closes. */
  readonly reasons = new Map<string, string>();

  constructor(
    private readonly venue: ExecutionVenue,
    instrument: Instrument,
    private readonly idPrefix = 'bb',
  ) {
    this.rules = new InstrumentRules(instrument);
  }

  get symbol(): string {
    return this.rules.instrument.symbol;
  }

  apply(intents: readonly ManagedIntent[], position: PositionState): void {
    for (const intent of intents) this.applyOne(intent, position);
  }

  private nextId(): string {
    return `${this.idPrefix}-${++this.sequence}`;
  }

  private applyOne(intent: ManagedIntent, position: PositionState): void {
    switch (intent.kind) {
      case 'enter': {
        const qty = this.rules.roundQty(intent.qty, 'down');
        if (!(qty > 0)) return;
        const side = intent.side;
        const order: OrderRequest = {
          clientId: this.nextId(),
          symbol: this.symbol,
          side: side === 'long' ? 'buy' : 'sell',
          type: intent.limitPrice === undefined ? 'market' : 'limit',
          qty,
          ...(intent.limitPrice === undefined ? {} : { price: this.rules.roundPrice(intent.limitPrice, side === 'long' ? 'down' : 'up') }),
          ...(intent.stopLoss === undefined ? {} : { stopLoss: this.rules.price.round(intent.stopLoss, stopRounding(side)) }),
          ...(intent.takeProfit === undefined ? {} : { takeProfit: this.rules.price.round(intent.takeProfit, takeProfitRounding(side)), tpslMode: 'Full' as const }),
        };
        this.reasons.set(order.clientId, intent.reason ?? 'entry');
        this.venue.submit(order);
        return;
      }
      case 'exit': {
        if (position.size === 0) return;
        const fraction = Math.min(1, Math.max(0, intent.fraction ?? 1));
        const qty = fraction >= 1 ? Math.abs(position.size) : this.rules.roundQty(Math.abs(position.size) * fraction, 'down');
        if (!(qty > 0)) return;
        const clientId = this.nextId();
        this.reasons.set(clientId, intent.reason);
        this.venue.submit({ clientId, symbol: this.symbol, side: position.size > 0 ? 'sell' : 'buy', type: 'market', qty, reduceOnly: true });
        return;
      }
      case 'moveStop': {
        if (position.size === 0) return;
        this.venue.setTradingStop(this.symbol, { stopLoss: this.rules.price.round(intent.stopLoss, stopRounding(position.size > 0 ? 'long' : 'short')) });
        return;
      }
      case 'cancelOrders':
        this.venue.cancelAll(this.symbol);
    }
  }
}
