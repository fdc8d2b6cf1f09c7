import { describe, expect, it } from 'vitest';
import { blankDecimal, decimal, millisText, record, unsignedDecimal } from './fields.js';
import { fieldPath, parseWire } from './validate.js';

describe('wire number fields', () => {
  it('read decimal strings exactly as Bybit writes them', () => {
    expect(parseWire(decimal, '-0.5', 'x')).toBe(-0.5);
    expect(parseWire(unsignedDecimal, '120.650', 'x')).toBe(120.65);
    expect(parseWire(blankDecimal, '', 'x')).toBeNaN();
    expect(parseWire(millisText, '1684738540559', 'x')).toBe(1684738540559);
  });

  it('refuse what Number() would let through, naming the value', () => {
    for (const bad of ['', ' 1', '1e3', '0x10', 'Infinity', '1.', '.5', '1,5']) {
      expect(() => parseWire(decimal, bad, 'price')).toThrow(`price: payload must be a decimal string, got ${JSON.stringify(bad)}`);
    }
    expect(() => parseWire(unsignedDecimal, '-1', 'size')).toThrow('size: payload must be a non-negative decimal string, got "-1"');
    expect(() => parseWire(millisText, '1684738540559.5', 't')).toThrow('t: payload must be a string of milliseconds, got "1684738540559.5"');
  });

  it('say "is missing" for an absent field and count the other problems', () => {
    const row = record({ qty: decimal, price: decimal, side: decimal });
    expect(() => parseWire(row, { price: 'x', side: 'y' }, 'order')).toThrow('order: qty is missing (and 2 more problems)');
  });

  it('write paths the way code reads them', () => {
    expect(fieldPath(['data', 0, 'b', 3, 1])).toBe('data[0].b[3][1]');
    expect(fieldPath([])).toBe('payload');
  });
});
