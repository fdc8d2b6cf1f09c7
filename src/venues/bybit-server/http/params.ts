// Reads request parameters (query strings or JSON bodies) and answers 10001 naming the parameter and the value when one is missing or wrong.
import { parseDecimal } from '../../../core/decimal.js';
import { describeValue } from '../../../core/errors.js';
import { paramsError } from './envelope.js';

/** Parameters of one request: a query string's values are strings, a JSON body's can be anything. */
export class Params {
  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  static fromQuery(query: string): Params {
    const values: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(query)) values[key] = value;
    return new Params(values);
  }

  /** True when the parameter is present (null and "" count as absent, as Bybit reads them). */
  has(name: string): boolean {
    const value = this.values[name];
    return value !== undefined && value !== null && value !== '';
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw paramsError(`${name} is required`);
    return value;
  }

  optionalString(name: string): string | undefined {
    if (!this.has(name)) return undefined;
    const value = this.values[name];
    if (typeof value !== 'string') throw paramsError(`${name} ${describeValue(value)} must be a string`);
    return value;
  }

  /** One of `allowed`; `fallback` when absent (required when there is none). */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const value = fallback === undefined ? this.string(name) : (this.optionalString(name) ?? fallback);
    if (!(allowed as readonly string[]).includes(value)) {
      throw paramsError(`${name} ${describeValue(value)} is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  optionalOneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    return this.has(name) ? this.oneOf(name, allowed) : undefined;
  }

  /** A decimal given as a string (Bybit's way) or a JSON number; `min` is inclusive. */
  optionalDecimal(name: string, min = 0): number | undefined {
    if (!this.has(name)) return undefined;
    const value = this.values[name];
    const text = typeof value === 'number' ? String(value) : value;
    let number = NaN;
    if (typeof text === 'string') {
      try {
        parseDecimal(text);
        number = Number(text);
      } catch {
        number = NaN;
      }
    }
    if (!Number.isFinite(number) || number < min) throw paramsError(`${name} ${describeValue(value)} is not a decimal number >= ${min}`);
    return number;
  }

  decimal(name: string, min = 0): number {
    const value = this.optionalDecimal(name, min);
    if (value === undefined) throw paramsError(`${name} is required`);
    return value;
  }

  /** A whole number from `min` to `max`; `fallback` when absent. */
  integer(name: string, range: { min: number; max: number }, fallback?: number): number {
    if (!this.has(name)) {
      if (fallback === undefined) throw paramsError(`${name} is required`);
      return fallback;
    }
    const value = this.values[name];
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
      throw paramsError(`${name} ${describeValue(value)} is not an integer from ${range.min} to ${range.max}`);
    }
    return number;
  }

  optionalInteger(name: string, range: { min: number; max: number }): number | undefined {
    return this.has(name) ? this.integer(name, range) : undefined;
  }

  /** A JSON boolean (or its string form, as some clients send it). */
  boolean(name: string, fallback: boolean): boolean {
    if (!this.has(name)) return fallback;
    const value = this.values[name];
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw paramsError(`${name} ${describeValue(value)} is not a boolean`);
  }

  /** Refuses a parameter the local exchange does not simulate, rather than ignoring what it asks for. */
  unsupported(...names: string[]): void {
    for (const name of names) {
      if (this.has(name)) throw paramsError(`${name} ${describeValue(this.values[name])} is not supported by the local exchange`);
    }
  }
}
