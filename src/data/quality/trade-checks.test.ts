// Trade tape checks on hand-made bad tapes.
import { describe, expect, it } from 'vitest';
import type { Trade } from '../../domain/trade.js';
import { checkTrades } from './trade-checks.js';

const t = (id: string, time: number, price = 100, size = 1, side: Trade['side'] = 'buy', symbol = 'BTCUSDT'): Trade => ({
  id,
  time,
  price,
  size,
  side,
  symbol,
});

describe('checkTrades', () => {
  it('passes a clean tape, equal times included', () => {
    expect(checkTrades([t('1', 1), t('2', 1), t('3', 2)])).toEqual([]);
  });

  it('rejects an empty tape', () => {
    expect(checkTrades([])).toEqual([
      expect.objectContaining({ check: 'empty', action: 'reject', severity: 'error', value: 0, timestamp: NaN }),
    ]);
  });

  it('rejects non-finite or non-positive prices and sizes, carrying time and value', () => {
    const findings = checkTrades([t('1', 10, 0), t('2', 11, NaN), t('3', 12, 100, -1), t('4', 13, Infinity, 0)]);
    expect(findings.map((f) => [f.check, f.timestamp, f.value, f.action, f.severity])).toEqual([
      ['price', 10, 0, 'reject', 'error'],
      ['price', 11, NaN, 'reject', 'error'],
      ['size', 12, -1, 'reject', 'error'],
      ['price', 13, Infinity, 'reject', 'error'],
      ['size', 13, 0, 'reject', 'error'],
    ]);
    expect(findings[0]?.message).toMatch(/trade 1 \(#0\) has price 0/);
  });

  it('rejects time going back, with how far back as the value, against the latest time seen', () => {
    const findings = checkTrades([t('1', 100), t('2', 90), t('3', 95), t('4', 101), t('5', NaN)]);
    expect(findings.map((f) => [f.check, f.timestamp, f.value, f.action])).toEqual([
      ['time', 90, 10, 'reject'],
      ['time', 95, 5, 'reject'],
      ['time', NaN, NaN, 'reject'],
    ]);
  });

  it('warns on an identical repeat and rejects an id reused for a different trade', () => {
    const findings = checkTrades([t('1', 1), t('1', 1), t('2', 2), t('2', 3, 101)]);
    expect(findings.map((f) => [f.check, f.timestamp, f.value, f.action, f.severity])).toEqual([
      ['duplicate', 1, '1', 'warn', 'warning'],
      ['duplicate', 3, '2', 'reject', 'error'],
    ]);
  });

  it('looks for duplicate ids per symbol', () => {
    expect(checkTrades([t('1', 1), t('1', 1, 100, 1, 'buy', 'ETHUSDT')])).toEqual([]);
  });
});
