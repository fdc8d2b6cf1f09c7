// Turns a strategy's intents into venue orders: exact lot and tick rounding, idempotent client ids, stops rounded away from the entry, TP ladders and trailing set once the entry fills.
import { InputError, describeValue } from '../core/errors.js';
import type { Intent, TakeProfitRung } from '../domain/intent.js';
import { InstrumentRules, stopRounding, takeProfitRounding, type Instrument } from '../domain/instrument.js';
import { sequenceDash, sequenceOf } from '../domain/client-id.js';
import { isFinalStatus, isPassedTakeProfit, type OrderRequest, type OrderState } from '../domain/order.js';
import type { PositionState } from '../domain/position.js';
import type { VenueEvent } from '../domain/venue-events.js';
import type { ExecutionVenue } from '../ports/execution-venue.js';

/** The position as the order manager reads it, with the last price it was marked at when known (NaN or absent: unknown). */
export type MarkedPosition = PositionState & { readonly mark?: number };

/** An entry without targets (most of them): one shared empty ladder. */
const NO_TARGETS: readonly TakeProfitRung[] = Object.freeze([]);

/** What to put on the position once an entry has filled. */
interface PendingProtection {
  readonly side: 'long' | 'short';
  /** Rungs with prices already on the tick grid. */
  readonly targets: readonly TakeProfitRung[];
  /** Trailing distance on the tick grid (0: none). */
  readonly trailingStop: number;
}

export class OrderManager {
  private readonly rules: InstrumentRules;
  private sequence = 0;
  /**
   * Why each order was sent, in sequence order (client id `<prefix>-<n>` at n − 1): becomes the exit reason of the
   * trade it closes. An array, not a map by id: a backtest sends tens of thousands of orders, and
   * hashing each id into a growing table cost more than the rest of the order's bookkeeping.
   */
  private readonly sentBecause: string[] = [];
  private readonly pending = new Map<string, PendingProtection>();
  /**
   * The exit of the whole position under way, until its order is done: exit rules checked again before
   * its fill is known (live, the position monitor every few seconds) do not send another one.
   */
  private closing: string | undefined;

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

  /** `position.mark`, when given, is the last price: a stop moved through it closes the position at market. */
  apply(intents: readonly Intent[], position: MarkedPosition): void {
    for (const intent of intents) this.applyOne(intent, position);
  }

  /** Venue events: an entry that has finished filling gets its ladder and trailing stop. */
  on(event: VenueEvent): void {
    if (this.closing !== undefined && 'order' in event && event.order.clientId === this.closing && isFinalStatus(event.order.status)) this.closing = undefined;
    if (this.pending.size === 0) return;
    if (event.type === 'orderFilled' && event.order.status === 'Filled') this.protect(event.order);
    else if ((event.type === 'orderCancelled' || event.type === 'orderRejected') && this.pending.has(event.order.clientId)) {
      if (event.order.filledQty > 0) this.protect(event.order);
      else this.pending.delete(event.order.clientId);
    }
  }

  /** Why the order with this client id was sent; undefined for an id this manager did not give. */
  reasonOf(clientId: string): string | undefined {
    const dash = sequenceDash(clientId);
    if (dash !== this.idPrefix.length || !clientId.startsWith(this.idPrefix)) return undefined;
    const sequence = sequenceOf(clientId, dash);
    return sequence > 0 ? this.sentBecause[sequence - 1] : undefined;
  }

  /** A new client id, `<prefix>-<sequence>`, sent for `reason`. */
  private nextId(reason: string): string {
    const sequence = ++this.sequence;
    this.sentBecause.push(reason);
    return `${this.idPrefix}-${sequence}`;
  }

  private applyOne(intent: Intent, position: MarkedPosition): void {
    switch (intent.kind) {
      case 'enter':
        return this.enter(intent);
      case 'exit': {
        // The whole position is already on its way out: nothing more to exit.
        if (position.size === 0 || this.closing !== undefined) return;
        const fraction = Math.min(1, Math.max(0, intent.fraction ?? 1));
        const qty = fraction >= 1 ? this.rules.roundQty(Math.abs(position.size), 'halfUp') : this.rules.roundQty(Math.abs(position.size) * fraction, 'down');
        if (!(qty > 0)) return;
        const clientId = this.nextId(intent.reason);
        if (fraction >= 1) this.closing = clientId;
        this.venue.submit({ clientId, symbol: this.symbol, side: position.size > 0 ? 'sell' : 'buy', type: 'market', qty, reduceOnly: true });
        return;
      }
      case 'moveStop': {
        if (position.size === 0) return;
        const long = position.size > 0;
        const stopLoss = this.rules.price.round(intent.stopLoss, stopRounding(long ? 'long' : 'short'));
        const mark = position.mark;
        // Bybit refuses a stop-loss beyond the last price: that stop is already hit, so the position goes at market as the stop would take it.
        if (mark !== undefined && (long ? stopLoss >= mark : stopLoss <= mark)) {
          return this.applyOne({ kind: 'exit', reason: `stop moved to ${stopLoss}, through the last price ${mark}: closed at market` }, position);
        }
        this.venue.setTradingStop(this.symbol, { stopLoss });
        return;
      }
      case 'trail': {
        if (position.size === 0) return;
        this.venue.setTradingStop(this.symbol, { trailingStop: this.trailDistance(intent.distance, 'trail.distance') });
        return;
      }
      case 'cancelOrders':
        this.pending.clear();
        this.venue.cancelAll(this.symbol);
    }
  }

  private enter(intent: Extract<Intent, { kind: 'enter' }>): void {
    const qty = this.rules.roundQty(intent.qty, 'down');
    if (!(qty > 0)) return;
    const side = intent.side;
    const targets = this.ladder(intent);
    // One target for everything rides on the order as Bybit's Full take-profit; a ladder is set rung by rung after the fill.
    const single = targets.length === 1 && targets[0]!.fraction === 1 ? targets[0]!.price : undefined;
    // One object shape for every order (absent fields are undefined, not missing): the venue's hot path stays monomorphic.
    const order: OrderRequest = {
      clientId: this.nextId(intent.reason ?? 'entry'),
      symbol: this.symbol,
      side: side === 'long' ? 'buy' : 'sell',
      type: intent.limitPrice === undefined ? 'market' : 'limit',
      qty,
      price: intent.limitPrice === undefined ? undefined : this.rules.roundPrice(intent.limitPrice, side === 'long' ? 'down' : 'up'),
      stopLoss: intent.stopLoss === undefined ? undefined : this.rules.price.round(intent.stopLoss, stopRounding(side)),
      takeProfit: single,
      tpslMode: single === undefined ? undefined : 'Full',
    };
    const trailingStop = intent.trailingStop === undefined ? 0 : this.trailDistance(intent.trailingStop, 'enter.trailingStop');
    if ((single === undefined && targets.length > 0) || trailingStop > 0) {
      this.pending.set(order.clientId, { side, targets: single === undefined ? targets : [], trailingStop });
    }
    this.venue.submit(order);
  }

  /** The intent's targets on the tick grid, checked: a ladder's fractions are in (0, 1] and add up to at most 1. */
  private ladder(intent: Extract<Intent, { kind: 'enter' }>): readonly TakeProfitRung[] {
    if (intent.takeProfit !== undefined && intent.targets !== undefined) {
      throw new InputError('enter intent: give takeProfit or targets, not both');
    }
    if (intent.takeProfit === undefined && intent.targets === undefined) return NO_TARGETS;
    const rounding = takeProfitRounding(intent.side);
    if (intent.takeProfit !== undefined) return [{ price: this.rules.price.round(intent.takeProfit, rounding), fraction: 1 }];
    let total = 0;
    const rungs = (intent.targets ?? []).map((rung, i) => {
      if (!(rung.fraction > 0 && rung.fraction <= 1)) throw new InputError(`enter intent: targets[${i}].fraction must be in (0, 1], got ${describeValue(rung.fraction)}`);
      if (!(rung.price > 0)) throw new InputError(`enter intent: targets[${i}].price must be positive, got ${describeValue(rung.price)}`);
      total += rung.fraction;
      return { price: this.rules.price.round(rung.price, rounding), fraction: rung.fraction };
    });
    if (total > 1 + 1e-9) throw new InputError(`enter intent: targets fractions add up to ${total}, more than 1`);
    return rungs;
  }

  /** A trailing distance on the tick grid, at least one tick. */
  private trailDistance(distance: number, field: string): number {
    if (!(distance >= 0) || !Number.isFinite(distance)) throw new InputError(`${field} must be a distance ≥ 0 in price, got ${describeValue(distance)}`);
    if (distance === 0) return 0;
    return Math.max(this.rules.roundPrice(distance, 'halfUp'), Number(this.rules.instrument.tickSize));
  }

  /** Sets the ladder (one partial take-profit per rung, sized on the filled quantity) and the trailing stop. */
  private protect(order: OrderState): void {
    const plan = this.pending.get(order.clientId);
    if (!plan) return;
    this.pending.delete(order.clientId);
    const filled = order.filledQty;
    let placed = 0;
    const everything = plan.targets.reduce((sum, rung) => sum + rung.fraction, 0) >= 1 - 1e-9;
    plan.targets.forEach((rung, i) => {
      const last = i === plan.targets.length - 1;
      // The last rung of a full ladder takes what rounding left over, so the whole entry is covered.
      const size = last && everything ? this.rules.roundQty(filled - placed, 'halfUp') : this.rules.roundQty(filled * rung.fraction, 'down');
      if (!(size > 0)) return;
      placed += size;
      const stop = partialTakeProfit(rung.price, size);
      try {
        this.venue.setTradingStop(this.symbol, stop);
      } catch (error) {
        // A simulated venue refuses at once a rung the price has already passed (a live venue answers
        // later and takes the rung at market itself): what it would have taken goes at market now.
        if (!(error instanceof InputError && isPassedTakeProfit(stop, error.message))) throw error;
        const reason = `take-profit ${rung.price} already passed when set: taken at market`;
        this.venue.submit({ clientId: this.nextId(reason), symbol: this.symbol, side: plan.side === 'long' ? 'sell' : 'buy', type: 'market', qty: size, reduceOnly: true });
      }
    });
    if (plan.trailingStop > 0) this.venue.setTradingStop(this.symbol, { trailingStop: plan.trailingStop });
  }
}

/** A Bybit Partial-mode trading stop: a take-profit for `size` of the position. */
function partialTakeProfit(price: number, size: number): Parameters<ExecutionVenue['setTradingStop']>[1] {
  const stop = { takeProfit: price, tpslMode: 'Partial' as const, tpSize: size };
  return stop;
}
