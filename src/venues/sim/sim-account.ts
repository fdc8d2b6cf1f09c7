// The simulated account: the books of its symbols, the wallet, and the one place fills change them.
import { InputError } from '../../core/errors.js';
import type { Clock } from '../../core/clock.js';
import { InstrumentRules } from '../../domain/instrument.js';
import { applyFill, unrealisedPnl } from '../../domain/position.js';
import type { Fill, OrderState } from '../../domain/order.js';
import type { VenueEvent } from '../../domain/venue-events.js';
import { BYBIT_DEFAULT_FEES, NO_SLIPPAGE, tradingFee, type FeeSchedule, type SlippageModel } from './costs.js';
import { initialMargin, liquidationPrice } from './margin.js';
import { capPartialStops } from './partial-stops.js';
import { attachStops, checkLeverage, clearStops, newBook, removeOrder, snapshot, type FillCause, type SimOrder, type SimPosition, type SymbolBook } from './sim-book.js';
import { checkLatency, checkLimitFill, type LimitFillLevel, type SimVenueOptions } from './sim-options.js';

export class SimAccount {
  protected readonly books = new Map<string, SymbolBook>();
  private readonly bookList: SymbolBook[] = [];
  protected readonly handlers: Array<(event: VenueEvent) => void> = [];
  protected readonly fees: FeeSchedule;
  protected readonly slippage: SlippageModel;
  protected readonly maintenanceRate: number;
  protected readonly clock: Clock;
  protected readonly latencyMs: number;
  protected readonly limitFill: LimitFillLevel;
  protected sequence = 0;
  /** Starts as a number (not a bare declaration), so V8 stores it unboxed: no allocation per fill. */
  private wallet = Number.NaN;

  constructor(options: SimVenueOptions) {
    if (!(options.initialEquity > 0)) throw new InputError(`initialEquity must be positive, got ${options.initialEquity}`);
    this.fees = options.fees ?? BYBIT_DEFAULT_FEES;
    this.slippage = options.slippage ?? NO_SLIPPAGE;
    this.maintenanceRate = options.maintenanceRate ?? 0.005;
    this.clock = options.clock;
    this.latencyMs = checkLatency(options.latencyMs);
    this.limitFill = checkLimitFill(options.limitFill);
    this.wallet = options.initialEquity;
    for (const instrument of options.instruments) {
      const book = newBook(new InstrumentRules(instrument), options.leverage ?? 1, this.maintenanceRate);
      this.books.set(instrument.symbol, book);
      this.bookList.push(book);
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
    for (const book of this.bookList) {
      if (book.position.size === 0) continue;
      const mark = marks[book.symbol] ?? book.lastClose;
      if (mark !== undefined) total += unrealisedPnl(book.position, mark);
    }
    return total;
  }

  position(symbol: string): SimPosition {
    const book = this.book(symbol);
    const p = book.position;
    // One object literal of fixed shape (no spread, nothing computed): the engine asks for this on every candle.
    return {
      size: p.size,
      entryPrice: p.entryPrice,
      stopLoss: book.stopLoss,
      stopLossTriggerBy: book.stopLoss === undefined ? undefined : book.stopLossBy,
      takeProfit: book.takeProfit,
      takeProfitTriggerBy: book.takeProfit === undefined ? undefined : book.takeProfitBy,
      partialStops: book.partialStops,
      trailingStop: book.trailingStop,
      trailPeak: book.trailPeak,
      liquidationPrice: book.liquidationPrice,
    };
  }

  openOrders(symbol: string): OrderState[] {
    return this.book(symbol).orders.map((order) => snapshot(order));
  }

  /** True when the symbol has no active order and no position: a candle can change nothing but its last price. */
  isQuiet(symbol: string): boolean {
    const book = this.book(symbol);
    return book.orders.length === 0 && book.position.size === 0;
  }

  /** Balance less the isolated margin of open positions and of resting orders that would open exposure. */
  private lastBook: SymbolBook | undefined;

  availableBalance(): number {
    let used = 0;
    for (const book of this.bookList) {
      if (book.position.size !== 0) used += initialMargin(book.position, book.terms);
      for (const order of book.orders) {
        if (order.request.reduceOnly || order.request.closeOnTrigger) continue;
        const price = order.request.price ?? order.request.trigger?.price ?? book.lastClose ?? 0;
        used += ((order.request.qty - order.filledQty) * price) / book.leverage;
      }
    }
    return this.wallet - used;
  }

  protected book(symbol: string): SymbolBook {
    // A backtest asks for the same symbol a million times in a row: the last answer first.
    const last = this.lastBook;
    if (last !== undefined && last.symbol === symbol) return last;
    const book = this.books.get(symbol);
    this.lastBook = book;
    if (!book) throw new InputError(`unknown symbol ${JSON.stringify(symbol)}: the simulator trades ${[...this.books.keys()].join(', ')}`);
    return book;
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
    removeOrder(book, order);
    this.emit({ type: 'orderCancelled', time, order: snapshot(order), reason });
  }

  /** New leverage for the symbol: an open position's margin and liquidation price follow it. */
  protected changeLeverage(book: SymbolBook, leverage: number): void {
    checkLeverage(book.rules, leverage);
    book.leverage = leverage;
    book.terms = { leverage, maintenanceRate: this.maintenanceRate };
    this.refreshLiquidation(book);
  }

  /**
   * Executes `qty` of `order` at `price`: fee, position, realised PnL, wallet, attached TP/SL; emits
   * orderFilled then positionChanged. `fee` overrides the fee schedule (a liquidation pays none).
   */
  protected execute(book: SymbolBook, order: SimOrder, qty: number, price: number, maker: boolean, cause: FillCause, time: number, fee?: number): void {
    const before = book.position;
    const effect = applyFill(before, order.request.side, qty, price);
    const paid = fee ?? tradingFee(this.fees, price, qty, maker);
    this.wallet += effect.realisedPnl - paid;
    // Sizes stay on the lot grid: 69 − 34.5 in doubles is 34.50000000000001, and an exit of that would be refused.
    const rawSize = effect.position.size;
    const onGrid = rawSize === 0 ? 0 : book.rules.roundQty(rawSize, 'halfUp');
    book.position = onGrid === rawSize ? effect.position : { size: onGrid, entryPrice: onGrid === 0 ? Number.NaN : effect.position.entryPrice };
    // Lot arithmetic only when it can drift: a first fill is already on the grid.
    const filled = order.filledQty === 0 ? qty : book.rules.roundQty(order.filledQty + qty, 'halfUp');
    order.avgFillPrice = order.filledQty === 0 ? price : (order.avgFillPrice * order.filledQty + price * qty) / filled;
    order.filledQty = filled;
    order.status = filled >= order.request.qty ? 'Filled' : 'PartiallyFilled';
    order.updatedTime = time;
    if (order.status === 'Filled') removeOrder(book, order);
    const size = book.position.size;
    const flipped = before.size !== 0 && Math.sign(before.size) !== Math.sign(size);
    if (size === 0 || flipped) clearStops(book);
    else if (Math.abs(size) < Math.abs(before.size)) book.partialStops = capPartialStops(book.partialStops, Math.abs(size));
    attachStops(book, order, qty);
    this.refreshLiquidation(book);
    const fill: Fill = { orderId: order.orderId, clientId: order.request.clientId, symbol: book.symbol, side: order.request.side, price, qty, fee: paid, maker, time, cause };
    this.emit({ type: 'orderFilled', time, order: snapshot(order), fill });
    this.emitPosition(book, time, effect.realisedPnl);
    if (book.position.size === 0) {
      for (let i = 0; i < book.orders.length; ) {
        const resting = book.orders[i]!;
        if (resting.request.reduceOnly || resting.request.closeOnTrigger) this.finish(book, resting, time, 'reduce-only order cancelled: the position is closed');
        else i++;
      }
    }
  }

  /** One event shape whatever the stops (an absent one is undefined), so every reader's property access stays monomorphic. */
  protected emitPosition(book: SymbolBook, time: number, realisedPnl: number): void {
    this.emit({
      type: 'positionChanged',
      time,
      symbol: book.symbol,
      position: book.position,
      realisedPnl,
      stopLoss: book.stopLoss,
      takeProfit: book.takeProfit,
      partialStops: book.partialStops.length > 0 ? book.partialStops : undefined,
    });
  }

  /** Charges funding on the wallet; positive amount = paid. */
  protected chargeFunding(amount: number): void {
    this.wallet -= amount;
  }

  /** Recomputes the liquidation level after the position or the leverage changed: once, not on every candle. */
  private refreshLiquidation(book: SymbolBook): void {
    const position = book.position;
    if (position.size === 0) {
      book.liquidationPrice = NaN;
      book.liquidationTrigger = NaN;
      return;
    }
    const price = liquidationPrice(position, book.terms);
    book.liquidationPrice = price;
    // Rounded onto the tick grid toward the entry, so it never fires later than the exact level.
    book.liquidationTrigger = price > 0 ? book.rules.roundPrice(price, position.size > 0 ? 'up' : 'down') : NaN;
  }
}
