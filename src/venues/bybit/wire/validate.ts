// Runs a wire schema and turns its first complaint into one error naming the payload, the field path and the value.
import type { z } from 'zod';
import { InputError, describeValue } from '../../../core/errors.js';

/** A Bybit payload that does not have the documented shape; `field` is its path ("data[0].execQty"). */
export class WireFormatError extends InputError {
  override readonly name = 'WireFormatError';
  constructor(
    /** What was being read: a topic or an endpoint. */
    readonly what: string,
    readonly field: string,
    readonly value: unknown,
    detail: string,
  ) {
    super(`${what}: ${detail}`);
  }
}

/** `["data", 0, "b", 3, 1]` → `data[0].b[3][1]`; the root is called "payload". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? 'payload' : out;
}

/**
 * Parses `value` with `schema`, returning the schema's output.
 * @throws WireFormatError naming `what`, the first bad field and its value (and how many more there were).
 */
export function parseWire<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Parsed again to have zod report the offending values: reportInput costs 4× on the good path.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const field = fieldPath(first?.path ?? []);
  const missing = first?.message === 'is missing';
  const detail =
    `${field} ${first?.message ?? 'is invalid'}` +
    (missing ? '' : `, got ${describeValue(first?.input)}`) +
    (rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '');
  throw new WireFormatError(what, field, first?.input, detail);
}
