// Client order ids in the shape order managers give them, `<prefix>-<n>`: the sequence number read back without a parse allocation.

const ZERO = 48;
const NINE = 57;
/** Digits a sequence number may have and stay a safe integer. */
const MAX_DIGITS = 15;

const DASH = 45;

/**
 * The index of the dash before an id's trailing digits (`<prefix>-<digits>`), or -1 when the id does
 * not end that way. A scan from the end: String.prototype.lastIndexOf is a runtime call in V8 that
 * cost twice as much, and the venue and the order manager ask it of every order.
 */
export function sequenceDash(id: string): number {
  let i = id.length - 1;
  while (i >= 0) {
    const c = id.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    i--;
  }
  return i >= 0 && i < id.length - 1 && id.charCodeAt(i) === DASH ? i : -1;
}

/**
 * The n of an id `<prefix>-<n>` (n ≥ 1 in plain digits, no leading zero), or 0 when the id has another
 * shape. `dash` is the index of the dash before the id's digits (found when not given).
 */
export function sequenceOf(id: string, dash: number = sequenceDash(id)): number {
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
