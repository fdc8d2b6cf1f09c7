// A tradable contract and its exchange rules (tick, lot, size, notional), so orders are valid before they leave.

import { compareDecimals, formatDecimal, parseDecimal, StepGrid } from '../core/decimal.js';
import type { Decimal, Rounding } from '../core/decimal.js';
import { InputError, describeValue } from '../core/errors.js';
import type { PositionSide } from './position.js';

/** A USDT perpetual as Bybit's instruments-info describes it; numbers stay decimal strings, exactly as sent. */
export interface Instrument {
  readonly symbol: string;
  readonly category: 'linear';
  readonly baseCoin: string;
  readonly quoteCoin: string;
  readonly tickSize: string;
  readonly qtyStep: string;
  readonly minOrderQty: string;
  /** Largest limit (and post-only) order. */
  readonly maxOrderQty: string;
  /** Largest market order. */
  readonly maxMarketOrderQty: string;
  /** Smallest price × qty, in the quote coin. */
  readonly minNotional: string;
  readonly maxLeverage: string;
  readonly fundingIntervalMinutes: number;
}

export type { PositionSide } from './position.js';

export type OrderCheck = { ok: true } | { ok: false; reason: string; code: number };

/** Bybit retCode for a parameter error such as an invalid quantity. */
export const CODE_PARAMS_ERROR = 10001;
/** Bybit retCode "Order notional value below the lower limit". */
export const CODE_NOTIONAL_TOO_LOW = 110094;

const DECIMAL_FIELDS = [
  'tickSize',
  'qtyStep',
  'minOrderQty',
  'maxOrderQty',
  'maxMarketOrderQty',
  'minNotional',
  'maxLeverage',
] as const;
const TEXT_FIELDS = ['symbol', 'baseCoin', 'quoteCoin'] as const;

/** Checks every field of an instrument and returns a frozen copy of exactly those fields. */
export function createInstrument(spec: Instrument): Instrument {
  if (spec === null || typeof spec !== 'object') {
    throw new InputError(`instrument must be an object, got ${describeValue(spec)}`);
  }
  const where = typeof spec.symbol === 'string' && spec.symbol !== '' ? `instrument ${spec.symbol}` : 'instrument';
  for (const field of TEXT_FIELDS) requireText(spec[field], field, where);
  if (spec.category !== 'linear') {
    throw new InputError(`${where}: category must be "linear", got ${describeValue(spec.category)}`);
  }
  const values = {} as Record<(typeof DECIMAL_FIELDS)[number], Decimal>;
  for (const field of DECIMAL_FIELDS) values[field] = requirePositiveDecimal(spec[field], field, where);
  requirePositiveInteger(spec.fundingIntervalMinutes, 'fundingIntervalMinutes', where);
  for (const limit of ['maxOrderQty', 'maxMarketOrderQty'] as const) {
    if (compareDecimals(values.minOrderQty, values[limit]) > 0) {
      throw new InputError(
        `${where}: minOrderQty ${describeValue(spec.minOrderQty)} is above ${limit} ${describeValue(spec[limit])}`,
      );
    }
  }
  return Object.freeze({
    symbol: spec.symbol,
    category: spec.category,
    baseCoin: spec.baseCoin,
    quoteCoin: spec.quoteCoin,
    tickSize: spec.tickSize,
    qtyStep: spec.qtyStep,
    minOrderQty: spec.minOrderQty,
    maxOrderQty: spec.maxOrderQty,
    maxMarketOrderQty: spec.maxMarketOrderQty,
    minNotional: spec.minNotional,
    maxLeverage: spec.maxLeverage,
    fundingIntervalMinutes: spec.fundingIntervalMinutes,
  });
}

/** Bybit SOLUSDT limits at the time of writing: an offline fallback; fetch live rules before trading. */
export const SOLUSDT_DEFAULT: Instrument = createInstrument({
  symbol: 'SOLUSDT',
  category: 'linear',
  baseCoin: 'SOL',
  quoteCoin: 'USDT',
  tickSize: '0.01',
  qtyStep: '0.1',
  minOrderQty: '0.1',
  maxOrderQty: '79770.1',
  maxMarketOrderQty: '15954',
  minNotional: '5',
  maxLeverage: '100',
  fundingIntervalMinutes: 480,
});

/** A protective stop rounds away from the entry, never tighter than asked: long → down, short → up. */
export function stopRounding(side: PositionSide): Rounding {
  return side === 'long' ? 'down' : 'up';
}

/** A take-profit rounds toward the entry, so it is no harder to reach than asked: long → down, short → up. */
export function takeProfitRounding(side: PositionSide): Rounding {
  return side === 'long' ? 'down' : 'up';
}

/** An instrument's grids and order limits, precomputed for the order path. */
export class InstrumentRules {
  readonly price: StepGrid;
  readonly qty: StepGrid;
  private readonly minQty: Decimal;
  private readonly maxQty: Decimal;
  private readonly maxMarketQty: Decimal;
  private readonly minNotional: Decimal;
  /** The size limits in whole lots (the smallest allowed and the largest allowed), for the common case without BigInt. */
  private readonly minQtySteps: number;
  private readonly maxQtySteps: number;
  private readonly maxMarketQtySteps: number;
  private readonly minNotionalNumber: number;

  constructor(readonly instrument: Instrument) {
    this.price = new StepGrid(instrument.tickSize);
    this.qty = new StepGrid(instrument.qtyStep);
    this.minQty = parseDecimal(instrument.minOrderQty);
    this.maxQty = parseDecimal(instrument.maxOrderQty);
    this.maxMarketQty = parseDecimal(instrument.maxMarketOrderQty);
    this.minNotional = parseDecimal(instrument.minNotional);
    this.minQtySteps = this.qty.toSteps(instrument.minOrderQty, 'up');
    this.maxQtySteps = this.qty.toSteps(instrument.maxOrderQty, 'down');
    this.maxMarketQtySteps = this.qty.toSteps(instrument.maxMarketOrderQty, 'down');
    this.minNotionalNumber = Number(instrument.minNotional);
  }

  /** `x` on the tick grid, as the nearest double. */
  roundPrice(x: string | number, rounding: Rounding): number {
    return this.price.round(x, rounding);
  }

  /** `x` on the lot grid, as the nearest double. */
  roundQty(x: string | number, rounding: Rounding): number {
    return this.qty.round(x, rounding);
  }

  /** A stop-loss price for a position on `side`, rounded away from the entry. */
  stopPrice(x: string | number, side: PositionSide): number {
    return this.price.round(x, stopRounding(side));
  }

  /** A take-profit price for a position on `side`, rounded toward the entry. */
  takeProfitPrice(x: string | number, side: PositionSide): number {
    return this.price.round(x, takeProfitRounding(side));
  }

  /**
   * Checks an order the way Bybit would, before sending it. Size limits are checked for every order;
   * the notional floor only when a price is given (for a market order pass a reference price to check it).
   */
  checkOrder(priceTicks: number | undefined, qtySteps: number, options: { market: boolean }): OrderCheck {
    // Whole lots compare exactly as integers; the notional only needs exact math near its floor.
    const sizeFine = Number.isInteger(qtySteps) && qtySteps >= this.minQtySteps && qtySteps <= (options.market ? this.maxMarketQtySteps : this.maxQtySteps) && qtySteps > 0;
    if (sizeFine && priceTicks === undefined) return { ok: true };
    if (sizeFine && priceTicks !== undefined && Number.isInteger(priceTicks) && priceTicks > 0 && this.price.toNumber(priceTicks) * this.qty.toNumber(qtySteps) > this.minNotionalNumber * (1 + 1e-9)) {
      return { ok: true };
    }
    return this.checkOrderExactly(priceTicks, qtySteps, options);
  }

  /** checkOrder in exact decimals, with the reason written out. */
  private checkOrderExactly(priceTicks: number | undefined, qtySteps: number, options: { market: boolean }): OrderCheck {
    const { symbol } = this.instrument;
    const qty = this.qty.toDecimal(qtySteps);
    const qtyText = formatDecimal(qty);
    if (qtySteps <= 0) {
      return reject(CODE_PARAMS_ERROR, `Qty invalid: order qty ${qtyText} must be positive (${symbol})`);
    }
    if (compareDecimals(qty, this.minQty) < 0) {
      return reject(
        CODE_PARAMS_ERROR,
        `Qty invalid: order qty ${qtyText} is below minOrderQty ${this.instrument.minOrderQty} (${symbol})`,
      );
    }
    const [limitName, limit, limitText] = options.market
      ? ['maxMarketOrderQty', this.maxMarketQty, this.instrument.maxMarketOrderQty]
      : ['maxOrderQty', this.maxQty, this.instrument.maxOrderQty];
    if (compareDecimals(qty, limit) > 0) {
      const reason = `Qty invalid: order qty ${qtyText} is above ${limitName} ${limitText} (${symbol})`;
      return reject(CODE_PARAMS_ERROR, reason);
    }
    if (priceTicks === undefined) return { ok: true };
    const price = this.price.toDecimal(priceTicks);
    const priceText = formatDecimal(price);
    if (priceTicks <= 0) {
      return reject(CODE_PARAMS_ERROR, `Price invalid: price ${priceText} must be positive (${symbol})`);
    }
    const notional = { mantissa: price.mantissa * qty.mantissa, scale: price.scale + qty.scale };
    if (compareDecimals(notional, this.minNotional) < 0) {
      return reject(
        CODE_NOTIONAL_TOO_LOW,
        `Order notional value below the lower limit: ${priceText} × ${qtyText} = ${formatDecimal(notional)}` +
          ` is below minNotional ${this.instrument.minNotional} (${symbol})`,
      );
    }
    return { ok: true };
  }
}

/** Converts one row of Bybit GET /v5/market/instruments-info?category=linear (result.list[i]) into an Instrument. */
export function instrumentFromBybit(row: unknown): Instrument {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new InputError(`Bybit instrument row must be an object, got ${describeValue(row)}`);
  }
  const symbol = field(row, 'symbol');
  const where = typeof symbol === 'string' && symbol !== '' ? `Bybit instrument ${symbol}` : 'Bybit instrument';
  const text = (path: string): string => requireText(field(row, path), path, where);
  const decimal = (path: string): string => {
    const value = field(row, path);
    requirePositiveDecimal(value, path, where);
    return value as string;
  };
  const interval = field(row, 'fundingInterval');
  // Documented as an integer of minutes; accept its string form too, since Bybit sends most numbers as strings.
  const minutes = typeof interval === 'string' && /^\d+$/.test(interval) ? Number(interval) : interval;
  return createInstrument({
    symbol: text('symbol'),
    category: 'linear',
    baseCoin: text('baseCoin'),
    quoteCoin: text('quoteCoin'),
    tickSize: decimal('priceFilter.tickSize'),
    qtyStep: decimal('lotSizeFilter.qtyStep'),
    minOrderQty: decimal('lotSizeFilter.minOrderQty'),
    maxOrderQty: decimal('lotSizeFilter.maxOrderQty'),
    maxMarketOrderQty: decimal('lotSizeFilter.maxMktOrderQty'),
    minNotional: decimal('lotSizeFilter.minNotionalValue'),
    maxLeverage: decimal('leverageFilter.maxLeverage'),
    fundingIntervalMinutes: requirePositiveInteger(minutes, 'fundingInterval', where),
  });
}

function reject(code: number, reason: string): OrderCheck {
  return { ok: false, reason, code };
}

/** Reads a dotted path ("lotSizeFilter.qtyStep"); undefined when any step is missing. */
function field(row: object, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function missing(value: unknown, name: string, where: string): void {
  if (value === undefined || value === null) {
    throw new InputError(`${where}: ${name} is missing (got ${describeValue(value)})`);
  }
}

function requireText(value: unknown, name: string, where: string): string {
  missing(value, name, where);
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
    throw new InputError(`${where}: ${name} must be a non-empty string, got ${describeValue(value)}`);
  }
  return value;
}

function requirePositiveDecimal(value: unknown, name: string, where: string): Decimal {
  missing(value, name, where);
  let parsed: Decimal | undefined;
  if (typeof value === 'string') {
    try {
      parsed = parseDecimal(value);
    } catch {
      parsed = undefined;
    }
  }
  if (parsed === undefined || parsed.mantissa <= 0n) {
    throw new InputError(`${where}: ${name} must be a positive decimal string, got ${describeValue(value)}`);
  }
  return parsed;
}

function requirePositiveInteger(value: unknown, name: string, where: string): number {
  missing(value, name, where);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new InputError(`${where}: ${name} must be a positive integer, got ${describeValue(value)}`);
  }
  return value;
}
