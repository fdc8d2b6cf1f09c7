// The instrument's exact tick and lot math throws an InputError for values it cannot hold (beyond 2^53 steps); risk answers instead.
import { InputError } from '../core/errors.js';

/** `compute()`, or `offGrid(error)` when grid math inside it rejected a value. Other errors are bugs and pass through. */
export function onGrid<T>(compute: () => T, offGrid: (error: InputError) => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof InputError) return offGrid(error);
    throw error;
  }
}
