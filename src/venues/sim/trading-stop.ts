// Bybit's position trading-stop on a simulated book: Full mode sets or clears the whole-position stops, Partial mode adds partial ones; checked whole before anything changes.
import { describeValue, InputError } from '../../core/errors.js';
import type { TradingStop } from '../../ports/execution-venue.js';
import { tpslSideProblem } from './order-checks.js';
import { MAX_PARTIAL_STOPS, partialStopsOf } from './partial-stops.js';
import type { SymbolBook } from './sim-book.js';

/**
 * Applies `stop` to the book, or throws an InputError naming the field and value Bybit would refuse
 * (there is no event for a refused trading stop); nothing changes when it throws. `newPair` names the
 * pair of partial stops one Partial call adds. The trailing stop trails from `trailFrom`.
 */
export function applyTradingStop(book: SymbolBook, stop: TradingStop, newPair: () => string, trailFrom: number): void {
  const fail = (reason: string): never => {
    throw new InputError(`setTradingStop ${book.symbol}: ${reason}`);
  };
  if (book.position.size === 0) fail('can not set tp/sl/ts for zero position');
  const mode = stop.tpslMode ?? 'Full';
  if (mode !== 'Full' && mode !== 'Partial') fail(`tpslMode ${describeValue(stop.tpslMode)} is not Full or Partial`);
  for (const [name, value] of [['tpTriggerBy', stop.tpTriggerBy], ['slTriggerBy', stop.slTriggerBy]] as const) {
    if (value !== undefined && value !== 'last' && value !== 'mark') fail(`${name} ${describeValue(value)} is not a trigger source; use last or mark`);
  }
  const prices = [['stopLoss', stop.stopLoss], ['takeProfit', stop.takeProfit], ['trailingStop', stop.trailingStop], ['tpLimitPrice', stop.tpLimitPrice]] as const;
  for (const [name, value] of prices) {
    // 0 clears a Full-mode stop (Bybit's convention); anything else must be a price on the tick grid.
    if (value !== undefined && !(value === 0 && name !== 'tpLimitPrice') && !(value > 0 && book.rules.price.isOnGrid(value))) {
      fail(`${name} ${describeValue(value)} is not a positive multiple of tickSize ${book.rules.instrument.tickSize}`);
    }
  }
  // As Bybit: a stop-loss on the losing side of the last price, a take-profit on the winning side.
  const long = book.position.size > 0;
  const sides = tpslSideProblem(stop, long, trailFrom, `a ${long ? 'Buy' : 'Sell'} position`, 'the last price');
  if (sides !== undefined) fail(sides);
  if (mode === 'Full') return applyFull(book, stop, fail, trailFrom);
  const partials = checkPartial(book, stop, fail);
  book.partialStops = [...book.partialStops, ...partialStopsOf(newPair(), { ...stop, tpSize: partials.size, slSize: partials.size })];
}

function applyFull(book: SymbolBook, stop: TradingStop, fail: (reason: string) => never, trailFrom: number): void {
  for (const [name, value] of [['tpSize', stop.tpSize], ['slSize', stop.slSize], ['tpLimitPrice', stop.tpLimitPrice]] as const) {
    if (value !== undefined) fail(`${name} ${describeValue(value)} is valid in tpslMode Partial only`);
  }
  if (stop.stopLoss !== undefined) book.stopLoss = stop.stopLoss === 0 ? undefined : stop.stopLoss;
  if (stop.takeProfit !== undefined) book.takeProfit = stop.takeProfit === 0 ? undefined : stop.takeProfit;
  // A trigger source given sets it; one left out stays; a cleared stop forgets it.
  book.stopLossBy = book.stopLoss === undefined ? 'last' : (stop.slTriggerBy ?? book.stopLossBy);
  book.takeProfitBy = book.takeProfit === undefined ? 'last' : (stop.tpTriggerBy ?? book.takeProfitBy);
  if (stop.trailingStop !== undefined) {
    book.trailingStop = stop.trailingStop === 0 ? undefined : stop.trailingStop;
    book.trailPeak = stop.trailingStop === 0 ? undefined : trailFrom;
  }
}

/** The checks of a Partial call; returns the size of the stops it adds. */
function checkPartial(book: SymbolBook, stop: TradingStop, fail: (reason: string) => never): { size: number } {
  if (stop.trailingStop !== undefined) fail(`trailingStop ${describeValue(stop.trailingStop)} is set in tpslMode Full only`);
  if (stop.takeProfit === undefined && stop.stopLoss === undefined) fail('tpslMode Partial needs a takeProfit or a stopLoss to add');
  const position = Math.abs(book.position.size);
  const sides = [['takeProfit', stop.takeProfit, 'tpSize', stop.tpSize], ['stopLoss', stop.stopLoss, 'slSize', stop.slSize]] as const;
  for (const [priceName, price, sizeName, size] of sides) {
    if (price === 0) fail(`${priceName} 0: tpslMode Partial only adds stops; they go when the position closes`);
    if (price !== undefined && size === undefined) fail(`${sizeName} is required with ${priceName} in tpslMode Partial`);
    if (price === undefined && size !== undefined) fail(`${sizeName} ${describeValue(size)} is given without a ${priceName}`);
    if (size === undefined) continue;
    if (!(size > 0) || !book.rules.qty.isOnGrid(size)) fail(`${sizeName} ${describeValue(size)} is not a positive multiple of qtyStep ${book.rules.instrument.qtyStep}`);
    if (size > position) fail(`${sizeName} ${size} is more than the position size ${position}`);
  }
  if (stop.tpSize !== undefined && stop.slSize !== undefined && stop.tpSize !== stop.slSize) {
    fail(`tpSize ${stop.tpSize} and slSize ${stop.slSize} must be equal in tpslMode Partial`);
  }
  if (stop.tpLimitPrice !== undefined && stop.takeProfit === undefined) fail(`tpLimitPrice ${stop.tpLimitPrice} is given without a takeProfit`);
  const adding = (stop.takeProfit === undefined ? 0 : 1) + (stop.stopLoss === undefined ? 0 : 1);
  if (book.partialStops.length + adding > MAX_PARTIAL_STOPS) {
    fail(`Not allowed to have more than ${MAX_PARTIAL_STOPS} TP/SLs under Partial tpSlMode (${book.partialStops.length} set, this call adds ${adding})`);
  }
  return { size: (stop.tpSize ?? stop.slSize)! };
}
