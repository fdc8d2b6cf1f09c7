import { describe, expect, it } from 'vitest';
import { splitRecordedLine } from './recorded-line.js';

describe('splitRecordedLine', () => {
  const payload = '{"topic":"publicTrade.XRPUSDT"}';

  it('passes a bare payload through', () => {
    expect(splitRecordedLine(payload)).toEqual({ receivedAt: undefined, payload });
  });

  it('reads a receive time in s, ms, µs or ns, or ISO, before a space, tab or comma', () => {
    expect(splitRecordedLine(`1733011200693 ${payload}`)).toEqual({ receivedAt: 1733011200693, payload });
    expect(splitRecordedLine(`1733011200693123\t${payload}`).receivedAt).toBe(1733011200693);
    expect(splitRecordedLine(`1723161240003148000 ${payload}`).receivedAt).toBe(1723161240003);
    expect(splitRecordedLine(`1733011200,${payload}`).receivedAt).toBe(1733011200000);
    expect(splitRecordedLine(`1733011200.693 ${payload}`).receivedAt).toBe(1733011200693);
    expect(splitRecordedLine(`2024-12-01T00:00:00.693Z ${payload}`).receivedAt).toBe(1733011200693);
  });

  it('names a prefix that is not a time', () => {
    expect(() => splitRecordedLine(`recv=17 ${payload}`)).toThrow('the text before the JSON payload must be a receive time (epoch s/ms/µs/ns or ISO), got "recv=17"');
  });
});
