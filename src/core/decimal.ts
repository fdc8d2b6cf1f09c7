// Exact decimal and step-grid math, so prices and quantities that reach an order are integers of ticks and lots.
//
// Everything is done on BigInt mantissas; a double only ever enters through its shortest round-trip string
// (String(x)), so 126.64 with tick 0.01 is exactly 12664 ticks, never 12663 from a float division.

import { InputError, describeValue } from './errors.js';

/**
 * Direction of rounding onto a grid. There is deliberately no default: every caller names it.
 * - `down` toward −∞ (floor), `up` toward +∞ (ceil),
 * - `towardZero` (truncate), `awayFromZero`,
 * - `halfUp` nearest, ties away from zero; `halfEven` nearest, ties to the even step.
 */
export type Rounding = 'down' | 'up' | 'towardZero' | 'awayFromZero' | 'halfUp' | 'halfEven';

export const ROUNDINGS: readonly Rounding[] = ['down', 'up', 'towardZero', 'awayFromZero', 'halfUp', 'halfEven'];

/** The exact value mantissa / 10^scale; scale is never negative. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

// Sign, digits with an optional point (at least one digit somewhere), optional exponent.
const DECIMAL_PATTERN = /^([+-])?(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
// Far beyond any double (1e308, 5e-324); bounds the BigInt work a hostile string can cause.
const MAX_EXPONENT = 1000;

const POW10: bigint[] = [1n];

/** 10^n as a bigint, cached: step conversions hit the same few powers over and over. */
function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

/** Parses a decimal string exactly ("126.64", "-0.001", "25", "1e-7", "1.5E+3", ".5"). */
export function parseDecimal(text: string): Decimal {
  const match = typeof text === 'string' ? DECIMAL_PATTERN.exec(text) : null;
  if (match === null) throw new InputError(`not a decimal number: ${describeValue(text)}`);
  const [, sign, body = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (!(Math.abs(exponent) <= MAX_EXPONENT)) {
    throw new InputError(`decimal exponent out of range (|e| <= ${MAX_EXPONENT}): ${describeValue(text)}`);
  }
  const point = body.indexOf('.');
  const digits = point < 0 ? body : body.slice(0, point) + body.slice(point + 1);
  let scale = (point < 0 ? 0 : body.length - point - 1) - exponent;
  let mantissa = BigInt(digits);
  if (scale < 0) {
    mantissa *= pow10(-scale);
    scale = 0;
  }
  return { mantissa: sign === '-' ? -mantissa : mantissa, scale };
}

/** The exact decimal of the shortest string that round-trips to x (what String(x) prints). */
export function decimalFromNumber(x: number): Decimal {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InputError(`not a finite number: ${describeValue(x)}`);
  }
  return parseDecimal(String(x));
}

/** Plain decimal notation with exactly `scale` fraction digits (no exponent). */
export function formatDecimal(value: Decimal): string {
  const negative = value.mantissa < 0n;
  const digits = (negative ? -value.mantissa : value.mantissa).toString();
  const sign = negative ? '-' : '';
  if (value.scale === 0) return sign + digits;
  const padded = digits.padStart(value.scale + 1, '0');
  const cut = padded.length - value.scale;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** Exact comparison: negative when a < b, 0 when equal, positive when a > b. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = a.mantissa * pow10(scale - a.scale);
  const y = b.mantissa * pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The same value with trailing fraction zeros removed ("0.10" → 0.1). */
export function normalizeDecimal(value: Decimal): Decimal {
  let { mantissa, scale } = value;
  while (scale > 0 && mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale--;
  }
  return { mantissa, scale };
}

/** numerator / denominator (denominator > 0) as an integer, rounded the named way. */
function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // has the numerator's sign
  if (remainder === 0n) return quotient;
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  switch (rounding) {
    case 'down':
      return numerator < 0n ? away : quotient;
    case 'up':
      return numerator < 0n ? quotient : away;
    case 'towardZero':
      return quotient;
    case 'awayFromZero':
      return away;
    case 'halfUp':
    case 'halfEven': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder);
      if (twice > denominator) return away;
      if (twice < denominator) return quotient;
      if (rounding === 'halfUp') return away;
      return quotient % 2n === 0n ? quotient : away;
    }
    default:
      throw new InputError(`unknown rounding: ${describeValue(rounding)}`);
  }
}

const MAX_STEPS = BigInt(Number.MAX_SAFE_INTEGER);
/** Grid values (in units of 10^-decimals) below this have at most 15 significant digits: their doubles print back as themselves. */
const FAST_LIMIT = 1e15;

/**
 * A price or quantity grid (tick size, lot step): converts values to whole steps and back, exactly.
 * Decimal strings written out have exactly `decimals` fraction digits, the way the exchange expects them.
 */
export class StepGrid {
  /** The step in plain notation without trailing zeros ("0.10" → "0.1", "1e-7" → "0.0000001"). */
  readonly step: string;
  /** Fraction digits of the step, hence of every value on the grid. */
  readonly decimals: number;
  private readonly unit: bigint; // step = unit / 10^decimals
  /** unit and 10^decimals as doubles, or NaN when they are not exact (the fast path is then off). */
  private readonly unitAsNumber: number;
  private readonly scaleAsNumber: number;

  constructor(step: string) {
    let parsed: Decimal;
    try {
      parsed = parseDecimal(step);
    } catch (error) {
      throw new InputError(`step must be a positive decimal string, got ${describeValue(step)}`, { cause: error });
    }
    if (parsed.mantissa <= 0n) throw new InputError(`step must be positive, got ${describeValue(step)}`);
    const normal = normalizeDecimal(parsed);
    this.unit = normal.mantissa;
    this.decimals = normal.scale;
    this.step = formatDecimal(normal);
    // Doubles hold integers to 2^53 and powers of ten to 10^22 exactly: then k·unit / 10^d is one correctly rounded division.
    const exact = normal.mantissa <= MAX_STEPS && normal.scale <= 22;
    this.unitAsNumber = exact ? Number(normal.mantissa) : NaN;
    this.scaleAsNumber = exact ? 10 ** normal.scale : NaN;
  }

  /** The whole number of steps nearest `value` in the named direction; a number goes through String(value). */
  toSteps(value: string | number, rounding: Rounding): number {
    if (typeof value === 'number') {
      const fast = this.fastSteps(value, rounding);
      if (fast !== undefined) return fast;
    }
    const steps = this.stepsOf(toDecimal(value), rounding);
    if (steps > MAX_STEPS || steps < -MAX_STEPS) {
      throw new InputError(
        `${describeValue(value)} is more than Number.MAX_SAFE_INTEGER steps of ${this.step}`,
      );
    }
    return Number(steps);
  }

  /** The exact value of `steps` steps, with exactly `decimals` fraction digits (12664 × 0.01 → "126.64"). */
  toString(steps: number): string {
    return formatDecimal(this.toDecimal(steps));
  }

  /** The exact value of `steps` steps as a Decimal. */
  toDecimal(steps: number): Decimal {
    if (!Number.isInteger(steps)) throw new InputError(`steps must be an integer, got ${describeValue(steps)}`);
    return { mantissa: BigInt(steps) * this.unit, scale: this.decimals };
  }

  /** The double nearest the exact value of `steps` steps. */
  toNumber(steps: number): number {
    if (Number.isInteger(steps) && Math.abs(steps * this.unitAsNumber) < FAST_LIMIT) return this.gridValue(steps);
    return parseFloat(this.toString(steps));
  }

  /** `value` rounded onto the grid, as the double nearest the grid point. */
  round(value: string | number, rounding: Rounding): number {
    return this.toNumber(this.toSteps(value, rounding));
  }

  /** True when `value` is exactly a whole number of steps. */
  isOnGrid(value: string | number): boolean {
    if (typeof value === 'number') {
      const fast = this.fastSteps(value, 'down');
      if (fast !== undefined) return this.gridValue(fast) === value;
    }
    const { numerator, denominator } = this.ratio(toDecimal(value));
    return numerator % denominator === 0n;
  }

  /** The double nearest k steps: k·unit and 10^d are exact doubles, so one division rounds correctly (as parseFloat would). */
  private gridValue(k: number): number {
    return (k * this.unitAsNumber) / this.scaleAsNumber + 0; // + 0: never −0, as the exact path
  }

  /**
   * toSteps for a double without BigInt, or undefined where it cannot be sure (huge values, exact ties).
   * Sound because the grid points stay below 10^15 (so String(grid double) is the grid decimal) and
   * rounding to doubles is monotonic: a double strictly between two grid doubles has a shortest
   * decimal strictly between the two grid decimals, and one on either side of a midpoint's double
   * has its shortest decimal on that side of the exact midpoint.
   */
  private fastSteps(x: number, rounding: Rounding): number | undefined {
    const quotient = (x * this.scaleAsNumber) / this.unitAsNumber;
    if (!(Math.abs(quotient * this.unitAsNumber) < FAST_LIMIT)) return undefined; // also NaN (off, or x not finite)
    let k = Math.floor(quotient) + 0;
    while (this.gridValue(k) > x) k--;
    while (this.gridValue(k + 1) <= x) k++;
    if (this.gridValue(k) === x) return k;
    switch (rounding) {
      case 'down':
        return k;
      case 'up':
        return k + 1;
      case 'towardZero':
        return x > 0 ? k : k + 1;
      case 'awayFromZero':
        return x > 0 ? k + 1 : k;
      case 'halfUp':
      case 'halfEven': {
        const midpoint = ((2 * k + 1) * this.unitAsNumber) / (2 * this.scaleAsNumber);
        if (x < midpoint) return k;
        if (x > midpoint) return k + 1;
        return undefined; // at (or within a double of) the tie: the exact path decides
      }
      default:
        return undefined;
    }
  }

  private stepsOf(value: Decimal, rounding: Rounding): bigint {
    const { numerator, denominator } = this.ratio(value);
    return divide(numerator, denominator, rounding);
  }

  /** value / step = (mantissa · 10^decimals) / (unit · 10^scale). */
  private ratio(value: Decimal): { numerator: bigint; denominator: bigint } {
    return {
      numerator: value.mantissa * pow10(this.decimals),
      denominator: this.unit * pow10(value.scale),
    };
  }
}

function toDecimal(value: string | number): Decimal {
  return typeof value === 'number' ? decimalFromNumber(value) : parseDecimal(value);
}
