// Compares a response with an official example by shape: every key of the example present, with the same JSON type.

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Keys whose value is a map with keys of the data's own (cumFeeDetail: {"MNT": ...} in the example, {"USDT": ...} here). */
const MAPS = new Set(['cumFeeDetail']);

/**
 * Where `actual` differs in shape from `example` (empty when it has every key of the example, with the
 * same JSON type; extra keys are allowed). An example's null matches anything (Bybit's "null or
 * object" fields); arrays compare their first elements.
 */
export function shapeDiff(actual: unknown, example: unknown, path = '$'): string[] {
  if (example === null) return [];
  if (kind(actual) !== kind(example)) return [`${path}: ${kind(actual)} where the example has ${kind(example)} (${JSON.stringify(example)})`];
  if (Array.isArray(example)) {
    const items = actual as unknown[];
    return example.length > 0 && items.length > 0 ? shapeDiff(items[0], example[0], `${path}[0]`) : [];
  }
  if (typeof example !== 'object' || MAPS.has(path.slice(path.lastIndexOf('.') + 1))) return [];
  const record = actual as Record<string, unknown>;
  return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) =>
    key in record ? shapeDiff(record[key], value, `${path}.${key}`) : [`${path}.${key}: missing`],
  );
}

/** Every string in `value` that should carry a number does: a decimal, or "" where Bybit leaves one empty. */
export function numericStrings(value: Record<string, unknown>, keys: readonly string[]): string[] {
  return keys.filter((key) => typeof value[key] !== 'string' || !/^(-?\d+(\.\d+)?)?$/.test(value[key] as string)).map((key) => `${key}=${JSON.stringify(value[key])}`);
}
