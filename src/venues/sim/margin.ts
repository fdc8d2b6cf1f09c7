// Isolated-margin arithmetic of a Bybit USDT perpetual: initial and maintenance margin, liquidation price, funding.
import type { PositionState } from '../../domain/position.js';

export interface MarginTerms {
  readonly leverage: number;
  /** Maintenance margin rate of the position's risk-limit tier (0.005 = 0.5 %, Bybit's first tier for BTC). */
  readonly maintenanceRate: number;
}

export function initialMargin(position: PositionState, terms: MarginTerms): number {
  return (Math.abs(position.size) * position.entryPrice) / terms.leverage;
}

export function maintenanceMargin(position: PositionState, terms: MarginTerms): number {
  return Math.abs(position.size) * position.entryPrice * terms.maintenanceRate;
}

/**
 * Bybit's isolated liquidation price in one-way mode: the price at which the position's margin
 * (initial margin plus any extra added) falls to the maintenance margin.
 * Long: entry − (IM + extra − MM) / size. Short: entry + (IM + extra − MM) / size.
 * NaN when flat; never below 0 for a long.
 */
export function liquidationPrice(position: PositionState, terms: MarginTerms, extraMargin = 0): number {
  const size = Math.abs(position.size);
  if (size === 0) return NaN;
  const buffer = (initialMargin(position, terms) + extraMargin - maintenanceMargin(position, terms)) / size;
  return position.size > 0 ? Math.max(0, position.entryPrice - buffer) : position.entryPrice + buffer;
}

/** True when the candle's adverse extreme reaches the liquidation price. */
export function isLiquidated(position: PositionState, liqPrice: number, candleHigh: number, candleLow: number): boolean {
  if (position.size === 0 || Number.isNaN(liqPrice)) return false;
  return position.size > 0 ? candleLow <= liqPrice : candleHigh >= liqPrice;
}

/**
 * Funding paid at a settlement (positive = paid, negative = received): position value at the mark
 * price times the rate; longs pay shorts when the rate is positive.
 */
export function fundingPayment(position: PositionState, markPrice: number, rate: number): number {
  return position.size * markPrice * rate;
}
