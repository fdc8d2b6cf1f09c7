// Numbers as Bybit writes them: decimal strings, prices and sizes on the instrument's grid, amounts to eight places.
import type { StepGrid } from '../../../core/decimal.js';

/** `value` on `grid` with the grid's decimals ("126.64"); "0.00"-style zero for an absent value. */
export function onGrid(grid: StepGrid, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return grid.toString(0);
  return grid.toString(grid.toSteps(value, 'halfUp'));
}

/** A computed amount (PnL, fee, value, average price) to at most `decimals` places, trailing zeros cut. */
export function amount(value: number, decimals = 8): string {
  if (!Number.isFinite(value)) return '0';
  const text = value.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A millisecond timestamp as Bybit's lists carry it: a string of an integer. */
export function millis(time: number): string {
  return String(Math.round(time));
}
