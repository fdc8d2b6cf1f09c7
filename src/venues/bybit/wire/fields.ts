// Zod building blocks for Bybit's wire conventions: numbers as decimal strings, "" for "not set", errors that say what was expected.
import { z } from 'zod';

/** The issue message: "is missing" when the field is absent, else what it must be (the value is added by parseWire). */
const expecting =
  (expected: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? 'is missing' : `must be ${expected}`;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const UNSIGNED_DECIMAL = /^\d+(?:\.\d+)?$/;
/** A decimal or "" (Bybit's "not set"). */
const BLANK_OR_DECIMAL = /^(?:-?\d+(?:\.\d+)?)?$/;
const DIGITS = /^\d+$/;

export const text = z.string({ error: expecting('a string') });
export const nonEmptyText = text.min(1, { error: 'must not be empty' });
export const flag = z.boolean({ error: expecting('true or false') });
export const integer = z.number({ error: expecting('an integer') }).int({ error: 'must be an integer' });
/** A JSON number of milliseconds since the epoch (WS `ts`, `T`, `creationTime`; REST `time`). */
export const millis = z.number({ error: expecting('an integer of milliseconds') }).int({ error: 'must be an integer of milliseconds' }).nonnegative({ error: 'must be an integer of milliseconds' });

/** A string matching `pattern`; a wrong type and a wrong format read the same: "must be <expected>". */
const patterned = (pattern: RegExp, expected: string) => z.string({ error: expecting(expected) }).regex(pattern, { error: `must be ${expected}` });

/** "123.45" or "-0.5" → a number. Strict, so "", "1e3" or " 1" cannot slip through Number(). */
export const decimal = patterned(DECIMAL, 'a decimal string').transform(Number);
/** A decimal string that cannot be negative (prices and sizes). */
export const unsignedDecimal = patterned(UNSIGNED_DECIMAL, 'a non-negative decimal string').transform(Number);
/** A decimal string or "" (not set) → a number, NaN for "". */
export const blankDecimal = patterned(BLANK_OR_DECIMAL, 'a decimal string or ""').transform((s) => (s === '' ? NaN : Number(s)));
/** Milliseconds as a string of digits (REST lists, private WS rows) → a number. */
export const millisText = patterned(DIGITS, 'a string of milliseconds').transform(Number);
/** Digits as a string, kept as text (too large for a double, e.g. nanoseconds). */
export const digitsText = patterned(DIGITS, 'a string of digits');

/** One of a fixed set of strings, named in the error. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expecting(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`) });
}

/** An object (extra keys are dropped: Bybit adds fields over time). */
export function record<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.object(shape, { error: expecting('an object') });
}

export function list<S extends z.ZodType>(item: S) {
  return z.array(item, { error: expecting('an array') });
}

/** Order and trade side. */
export const side = oneOf(['Buy', 'Sell']);
