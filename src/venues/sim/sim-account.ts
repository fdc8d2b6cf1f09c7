// The simulated account: per-symbol books (position, stops, orders), the wallet, and the one place fills change them.
import type { Clock } from '../../core/clock.js';
import type { Instrument } from '../../domain/instrument.js';
import { InstrumentRules } from '../../domain/instrument.js';
import type { Fill, OrderRequest, OrderState, OrderStatus } from '../../domain/order.js';
import { applyFill, FLAT, unrealisedPnl, type PositionState } from '../../domain/position.js';
import type { VenueEvent } from '../../domain/venue-events.js';
import { InputError } from '../../core/errors.js';
import { BYBIT_DEFAULT_FEES, NO_SLIPPAGE, tradingFee, type FeeSchedule, type SlippageModel } from './costs.js';
import { initialMargin, liquidationPrice, type MarginTerms } from './margin.js';

export interface SimVenueOptions {
  readonly instruments: readonly Instrument[];
  readonly fees?: FeeSchedule;
  readonly slippage?: SlippageModel;
  /** Starting wallet balance in USDT. */
  readonly initialEquity: number;
  /** Default leverage of every symbol (isolated margin); 1 unless given. */
  readonly leverage?: number;
  readonly maintenanceRate?: number;
  readonly clock: Clock;
}

/** An order the venue holds, mutable inside the venue only; callers see OrderState snapshots. */
export interface SimOrder {
  readonly request: OrderRequest;
  readonly orderId: string;
  status: OrderStatus;
  filledQty: number;
  avgFillPrice: number;
  readonly createdTime: number;
  updatedTime: number;
  /** Submitted (or triggered) since the last candle: a fill at the start of the path takes liquidity. */
  fresh: boolean;
  /** Time of the candle in which this order last filled partly by the volume cap: it waits for the next one. */
  capped?: number;
}

export interface SymbolBook {
  readonly rules: InstrumentRules;
  position: PositionState;
  stopLoss?: number;
  takeProfit?: number;
  /** Trailing stop distance in price, and the best price seen since it was set (high for a long, low for a short). */
  trailingStop?: number;
  trailPeak?: number;
  leverage: number;
  lastClose?: number;
  /** Active orders (New, PartiallyFilled, Untriggered, Triggered) in arrival order. */
  orders: SimOrder[];
}

/** A position as the simulator holds it: size and entry, its stops, and where isolated margin runs out. */
export interface SimPosition extends PositionState {
  readonly stopLoss?: number;
  readonly takeProfit?: number;
  readonly trailingStop?: number;
  readonly trailPeak?: number;
  readonly liquidationPrice: number;
}

export type FillCause = NonNullable<Fill['cause']>;

export class SimAccount {
  protected readonly books = new Map<string, SymbolBook>();
  protected readonly handlers: Array<(event: VenueEvent) => void> = [];
  protected readonly fees: FeeSchedule;
  protected readonly slippage: SlippageModel;
  protected readonly maintenanceRate: number;
  protected readonly clock: Clock;
  protected sequence = 0;
  private wallet: number;

  constructor(options: SimVenueOptions) {
    if (!(options.initialEquity > 0)) throw new InputError(`initialEquity must be positive, got ${options.initialEquity}`);
    this.fees = options.fees ?? BYBIT_DEFAULT_FEES;
    this.slippage = options.slippage ?? NO_SLIPPAGE;
    this.maintenanceRate = options.maintenanceRate ?? 0.005;
    this.clock = options.clock;
    this.wallet = options.initialEquity;
    for (const instrument of options.instruments) {
      const rules = new InstrumentRules(instrument);
      const leverage = options.leverage ?? 1;
      checkLeverage(rules, leverage);
      this.books.set(instrument.symbol, { rules, position: FLAT, leverage, orders: [] });
    }
  }

  onEvent(handler: (event: VenueEvent) => void): void {
    this.handlers.push(handler);
  }

  /** Wallet balance: initial + realised PnL − fees − funding (isolated margin stays inside it). */
  get balance(): number {
    return this.wallet;
  }

  /** Balance plus unrealised PnL at `marks` (symbol → price); a symbol without a mark uses its last close. */
  equity(marks: Readonly<Record<string, number>> = {}): number {
    let total = this.wallet;
    for (const [symbol, book] of this.books) {
      const mark = marks[symbol] ?? book.lastClose;
      if (book.position.size !== 0 && mark !== undefined) total += unrealisedPnl(book.position, mark);
    }
    return total;
  }

  position(symbol: string): SimPosition {
    const book = this.book(symbol);
    const p = book.position;
    // One object literal of fixed shape (no spread): the engine asks for this on every candle.
    return {
      size: p.size,
      entryPrice: p.entryPrice,
      stopLoss: book.stopLoss,
      takeProfit: book.takeProfit,
      trailingStop: book.trailingStop,
      trailPeak: book.trailPeak,
      liquidationPrice: p.size === 0 ? NaN : liquidationPrice(p, this.terms(book)),
    };
  }

  openOrders(symbol: string): OrderState[] {
    return this.book(symbol).orders.map(snapshot);
  }

  /** Balance less the isolated margin of open positions and of resting orders that would open exposure. */
  availableBalance(): number {
    let used = 0;
    for (const book of this.books.values()) {
      if (book.position.size !== 0) used += initialMargin(book.position, this.terms(book));
      for (const order of book.orders) {
        if (order.request.reduceOnly || order.request.closeOnTrigger) continue;
        const price = order.request.price ?? order.request.trigger?.price ?? book.lastClose ?? 0;
        used += ((order.request.qty - order.filledQty) * price) / book.leverage;
      }
    }
    return this.wallet - used;
  }

  protected book(symbol: string): SymbolBook {
    const book = this.books.get(symbol);
    if (!book) throw new InputError(`unknown symbol ${JSON.stringify(symbol)}: the simulator trades ${[...this.books.keys()].join(', ')}`);
    return book;
  }

  protected terms(book: SymbolBook): MarginTerms {
    return { leverage: book.leverage, maintenanceRate: this.maintenanceRate };
  }

  protected emit(event: VenueEvent): void {
    for (const handler of this.handlers) handler(event);
  }

  protected nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${this.sequence}`;
  }

  /** Closes an order with a final status and reports it. */
  protected finish(book: SymbolBook, order: SimOrder, time: number, reason: string): void {
    order.status = 'Cancelled'; // filledQty > 0 tells a partly filled order from an unfilled one
    order.updatedTime = time;
    book.orders = book.orders.filter((o) => o !== order);
    this.emit({ type: 'orderCancelled', time, order: snapshot(order), reason });
  }

  /**
   * Executes `qty` of `order` at `price`: fee, position, realised PnL, wallet, attached TP/SL; emits
   * orderFilled then positionChanged. `fee` overrides the fee schedule (a liquidation pays none).
   */
  protected execute(book: SymbolBook, order: SimOrder, qty: number, price: number, maker: boolean, cause: FillCause, time: number, fee?: number): void {
    const symbol = book.rules.instrument.symbol;
    const before = book.position;
    const effect = applyFill(before, order.request.side, qty, price);
    const paid = fee ?? tradingFee(this.fees, price, qty, maker);
    this.wallet += effect.realisedPnl - paid;
    book.position = effect.position;
    const filled = order.filledQty + qty;
    order.avgFillPrice = order.filledQty === 0 ? price : (order.avgFillPrice * order.filledQty + price * qty) / filled;
    order.filledQty = book.rules.roundQty(filled, 'halfUp');
    order.status = order.filledQty >= order.request.qty ? 'Filled' : 'PartiallyFilled';
    order.updatedTime = time;
    if (order.status === 'Filled') book.orders = book.orders.filter((o) => o !== order);
    const flipped = before.size !== 0 && Math.sign(before.size) !== Math.sign(book.position.size);
    if (book.position.size === 0 || flipped) {
      book.stopLoss = undefined;
      book.takeProfit = undefined;
      book.trailingStop = undefined;
      book.trailPeak = undefined;
    }
    const { takeProfit, stopLoss } = order.request;
    if (book.position.size !== 0 && (takeProfit !== undefined || stopLoss !== undefined) && !order.request.reduceOnly) {
      if (takeProfit !== undefined) book.takeProfit = takeProfit;
      if (stopLoss !== undefined) book.stopLoss = stopLoss;
    }
    const fill: Fill = { orderId: order.orderId, clientId: order.request.clientId, symbol, side: order.request.side, price, qty, fee: paid, maker, time, cause };
    this.emit({ type: 'orderFilled', time, order: snapshot(order), fill });
    this.emitPosition(book, time, effect.realisedPnl);
    if (book.position.size === 0) {
      for (const resting of book.orders.filter((o) => o.request.reduceOnly || o.request.closeOnTrigger)) {
        this.finish(book, resting, time, 'reduce-only order cancelled: the position is closed');
      }
    }
  }

  protected emitPosition(book: SymbolBook, time: number, realisedPnl: number): void {
    this.emit({
      type: 'positionChanged',
      time,
      symbol: book.rules.instrument.symbol,
      position: book.position,
      realisedPnl,
      ...(book.stopLoss !== undefined ? { stopLoss: book.stopLoss } : {}),
      ...(book.takeProfit !== undefined ? { takeProfit: book.takeProfit } : {}),
    });
  }

  /** Charges funding on the wallet; positive amount = paid. */
  protected chargeFunding(amount: number): void {
    this.wallet -= amount;
  }
}

export function checkLeverage(rules: InstrumentRules, leverage: number): void {
  const max = Number(rules.instrument.maxLeverage);
  if (!(leverage >= 1 && leverage <= max)) {
    throw new InputError(`leverage must be from 1 to ${max} for ${rules.instrument.symbol}, got ${leverage}`);
  }
}

export function snapshot(order: SimOrder): OrderState {
  return {
    ...order.request,
    orderId: order.orderId,
    status: order.status,
    filledQty: order.filledQty,
    avgFillPrice: order.avgFillPrice,
    createdTime: order.createdTime,
    updatedTime: order.updatedTime,
  };
}
