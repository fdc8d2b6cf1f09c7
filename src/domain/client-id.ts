// Client order ids in the shape order managers give them, `<prefix>-<n>`: the sequence number read back without a parse allocation.

const ZERO = 48;
const NINE = 57;
/** Digits a sequence number may have and stay a safe integer. */
const MAX_DIGITS = 15;

/**
 * The n of an id `<prefix>-<n>` (n ≥ 1 in plain digits, no leading zero), or 0 when the id has another
 * shape. `dash` is the index of the id's last dash (found when not given).
 */
export function sequenceOf(id: string, dash: number = id.lastIndexOf('-')): number {
  const digits = id.length - dash - 1;
  if (dash < 0 || digits < 1 || digits > MAX_DIGITS || id.charCodeAt(dash + 1) === ZERO) return 0;
  let n = 0;
  for (let i = dash + 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < ZERO || c > NINE) return 0;
    n = n * 10 + (c - ZERO);
  }
  return n;
}
