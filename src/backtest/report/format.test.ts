// The report's number, ratio, time and escaping formats.
import { describe, expect, it } from 'vitest';
import { decimalsOf, duration, elapsed, escapeHtml, num, qty, ratio, signed, utc } from './format.js';

describe('report formats', () => {
  it('groups thousands and uses a real minus sign, never "−0.00"', () => {
    expect(num(1234567.891)).toBe('1,234,567.89');
    expect(num(-1234.5, 1)).toBe('\u22121,234.5');
    expect(num(-0.001)).toBe('0.00');
    expect(num(NaN)).toBe('\u2013');
    expect(signed(12.345)).toBe('+12.35');
    expect(signed(0.001)).toBe('0.00');
  });

  it('shows unbounded ratios as ∞ with a reason', () => {
    expect(ratio(Infinity)).toContain('\u221e');
    expect(ratio(Infinity)).toContain('unbounded');
    expect(ratio(-Infinity)).toContain('\u2212\u221e');
    expect(ratio(1.5)).toBe('1.50');
  });

  it('formats durations, elapsed times, UTC times and quantities', () => {
    expect(duration(0)).toBe('0');
    expect(duration(45 * 60_000)).toBe('45m');
    expect(duration(2 * 3_600_000 + 5 * 60_000)).toBe('2h 5m');
    expect(duration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
    expect(elapsed(850)).toBe('850 ms');
    expect(elapsed(12_340)).toBe('12.3 s');
    expect(utc(Date.UTC(2025, 8, 24, 13, 5))).toBe('2025-09-24 13:05');
    expect(qty(10)).toBe('10');
    expect(qty(0.1234)).toBe('0.1234');
  });

  it('finds the decimals a price series needs', () => {
    expect(decimalsOf([213.73, 213.8, 214])).toBe(2);
    expect(decimalsOf([0.51234, 0.5])).toBe(5);
    expect(decimalsOf([65000, 65001])).toBe(0);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
