import { describe, expect, it } from 'vitest';
import { parseDurationArg, parseRange, parseSymbol, parseTimeArg, parseTimeframeArg } from './args.js';

describe('command-line values', () => {
  it('reads dates, date-times and epoch milliseconds as UTC', () => {
    expect(parseTimeArg('2025-01-01', '--from')).toBe(Date.UTC(2025, 0, 1));
    expect(parseTimeArg('2025-06-30', '--to', 'end')).toBe(Date.UTC(2025, 5, 30, 23, 59, 59, 999));
    expect(parseTimeArg('2025-01-01T12:30', '--from')).toBe(Date.UTC(2025, 0, 1, 12, 30));
    expect(parseTimeArg('2025-01-01T12:30:00+02:00', '--from')).toBe(Date.UTC(2025, 0, 1, 10, 30));
    expect(parseTimeArg('1714521600000', '--from')).toBe(1714521600000);
  });
  it('names the argument and the value when they are wrong', () => {
    expect(() => parseTimeArg('2025-13-01', '--from')).toThrow('--from: "2025-13-01" is not a date');
    expect(() => parseTimeArg('yesterday', '--to')).toThrow('--to: "yesterday" is not a date');
    expect(() => parseRange('2025-06-30', '2025-01-01')).toThrow('--from "2025-06-30" is not before --to "2025-01-01"');
    expect(() => parseSymbol('SOL/USDT')).toThrow('--symbol: "SOL/USDT" is not a symbol');
    expect(parseSymbol('solusdt')).toBe('SOLUSDT');
    expect(() => parseTimeframeArg('7m')).toThrow('--interval: unknown timeframe "7m"; expected one of 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 1d');
    expect(parseDurationArg('10m', '--max-age')).toBe(600_000);
    expect(() => parseDurationArg('ten', '--max-age')).toThrow('--max-age: "ten" is not a duration');
  });
});
