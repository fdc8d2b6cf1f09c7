import { describe, expect, it } from 'vitest';
import { notional } from './event.js';
import { isAllLiquidationTopic, LiquidationPayloadError, parseAllLiquidation } from './parse.js';

/** Bybit's example, verbatim from docs/v5/websocket/public/all-liquidation.mdx (reference §10.5). */
const OFFICIAL = `{
    "topic": "allLiquidation.ROSEUSDT",
    "type": "snapshot",
    "ts": 1739502303204,
    "data": [
        {
            "T": 1739502302929,
            "s": "ROSEUSDT",
            "S": "Sell",
            "v": "20000",
            "p": "0.04499"
        }
    ]
}`;

describe('parseAllLiquidation', () => {
  it('parses the official example: a short of 20000 ROSE liquidated at 0.04499', () => {
    const events = parseAllLiquidation(JSON.parse(OFFICIAL));
    expect(events).toEqual([{ symbol: 'ROSEUSDT', time: 1739502302929, side: 'short', price: 0.04499, size: 20000 }]);
    expect(notional(events[0]!)).toBeCloseTo(899.8, 9);
  });

  it('reads Buy as a liquidated long, several items in order, and a single object as data', () => {
    const message = {
      topic: 'allLiquidation.SOLUSDT',
      type: 'snapshot',
      ts: 2,
      data: [
        { T: 1, s: 'SOLUSDT', S: 'Buy', v: '1.5', p: '150.25' },
        { T: 2, s: 'SOLUSDT', S: 'Sell', v: '3', p: '151' },
      ],
    };
    expect(parseAllLiquidation(message).map((e) => [e.side, e.size, e.price])).toEqual([
      ['long', 1.5, 150.25],
      ['short', 3, 151],
    ]);
    expect(parseAllLiquidation({ ...message, data: message.data[0] })).toHaveLength(1);
    expect(parseAllLiquidation({ ...message, data: [] })).toEqual([]);
  });

  it('rejects other topics and malformed fields, naming the field', () => {
    const ok = JSON.parse(OFFICIAL) as { data: Array<Record<string, unknown>> };
    const withItem = (patch: Record<string, unknown>) => ({ ...ok, data: [{ ...ok.data[0], ...patch }] });
    expect(() => parseAllLiquidation({ ...ok, topic: 'liquidation.ROSEUSDT' })).toThrow(/is not allLiquidation/);
    expect(() => parseAllLiquidation('{}')).toThrow(LiquidationPayloadError);
    expect(() => parseAllLiquidation(withItem({ S: 'buy' }))).toThrow(/data\[0\]\.S: expected "Buy" or "Sell", got "buy"/);
    expect(() => parseAllLiquidation(withItem({ v: '0' }))).toThrow(/data\[0\]\.v/);
    expect(() => parseAllLiquidation(withItem({ p: 0.04499 }))).toThrow(/data\[0\]\.p: expected a positive decimal string/);
    expect(() => parseAllLiquidation(withItem({ p: '' }))).toThrow(/\.p/);
    expect(() => parseAllLiquidation(withItem({ T: '1739502302929' }))).toThrow(/\.T/);
    expect(() => parseAllLiquidation(withItem({ s: '' }))).toThrow(/\.s/);
    expect(() => parseAllLiquidation({ ...ok, data: [null] })).toThrow(/data\[0\]: expected an object/);
  });

  it('recognises the topic', () => {
    expect(isAllLiquidationTopic('allLiquidation.BTCUSDT')).toBe(true);
    expect(isAllLiquidationTopic('allLiquidation.')).toBe(false);
    expect(isAllLiquidationTopic('liquidation.BTCUSDT')).toBe(false);
  });
});
