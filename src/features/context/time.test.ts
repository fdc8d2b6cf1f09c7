import { describe, expect, it } from 'vitest';
import { NotStableError, type Bar } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { TimeContext, type TimeContextResult } from './time.js';

const bar = (iso: string): Bar => ({ time: Date.parse(iso), open: 1, high: 1, low: 1, close: 1, volume: 0 });

function at(iso: string, fundingHours = 8): TimeContextResult {
  const t = new TimeContext(fundingHours);
  t.add(bar(iso));
  return t.getResultOrThrow();
}

describe('TimeContext by hand', () => {
  it('throws before the first bar', () => {
    const t = new TimeContext();
    expect(t.isStable).toBe(false);
    expect(() => t.asia).toThrow(NotStableError);
    expect(t.getResult()).toBeUndefined();
  });

  it('Monday 07:55: Asia and Europe, 5 minutes to the hour and to the 08:00 funding', () => {
    expect(at('2026-03-02T07:55:00Z')).toEqual({ asia: 1, europe: 1, us: 0, minutesToHourClose: 5, minutesToFunding: 5, dayOfWeek: 1 });
  });

  it('Sunday 00:00: no session; a bar opening on the hour or on funding reads the full hour and interval', () => {
    expect(at('2025-09-28T00:00:00Z')).toEqual({ asia: 0, europe: 0, us: 0, minutesToHourClose: 60, minutesToFunding: 480, dayOfWeek: 0 });
  });

  it('Wednesday 13:30: Europe and US overlap; 150 minutes to the 16:00 funding', () => {
    expect(at('2025-10-01T13:30:00Z')).toEqual({ asia: 0, europe: 1, us: 1, minutesToHourClose: 30, minutesToFunding: 150, dayOfWeek: 3 });
  });

  it('session edges: from is inside, to is outside', () => {
    expect(at('2025-10-04T01:00:00Z').asia).toBe(1);
    expect(at('2025-10-04T00:55:00Z').asia).toBe(0);
    expect(at('2025-10-04T08:55:00Z').asia).toBe(1);
    expect(at('2025-10-04T09:00:00Z').asia).toBe(0);
    expect(at('2025-10-04T15:59:00Z').europe).toBe(1);
    expect(at('2025-10-04T16:00:00Z').europe).toBe(0);
    const late = at('2025-10-04T22:00:00Z');
    expect([late.us, late.dayOfWeek, late.minutesToFunding]).toEqual([0, 6, 120]);
  });

  it('fractional minutes and other funding intervals', () => {
    expect(at('2025-10-01T10:59:30Z').minutesToHourClose).toBe(0.5);
    expect(at('2025-10-01T13:30:00Z', 4).minutesToFunding).toBe(150);
    expect(at('2025-10-01T15:00:00Z', 4).minutesToFunding).toBe(60);
    expect(at('2025-10-01T13:20:00Z', 1).minutesToFunding).toBe(40);
    expect(() => new TimeContext(5)).toThrow(/dividing 24/);
  });

  it('works before 1970: 1969-12-31 23:00 is a Wednesday, an hour from midnight', () => {
    expect(at('1969-12-31T23:00:00Z')).toMatchObject({ dayOfWeek: 3, minutesToHourClose: 60, minutesToFunding: 60, us: 0 });
  });

  it('replace() reads the replacing bar', () => {
    const t = new TimeContext();
    t.add(bar('2025-10-01T13:30:00Z'));
    t.replace(bar('2025-10-01T02:00:00Z'));
    expect([t.asia, t.us, t.count]).toEqual([1, 0, 1]);
  });
});

const SOL = realBars(Infinity);

describe.skipIf(!SOL)('TimeContext over SOLUSDT 5m, 2025-09-24 → 2026-03-31', () => {
  it('agrees with Date on every bar; session shares are 8/24, 9/24 and 9/24 of the bars', () => {
    const t = new TimeContext();
    const counts = { asia: 0, europe: 0, us: 0 };
    for (const b of SOL!) {
      t.add(b);
      const d = new Date(b.time);
      const h = d.getUTCHours();
      expect(t.dayOfWeek).toBe(d.getUTCDay());
      expect(t.asia).toBe(h >= 1 && h < 9 ? 1 : 0);
      expect(t.minutesToHourClose).toBe(60 - d.getUTCMinutes());
      expect(t.minutesToFunding).toBe(480 - ((h % 8) * 60 + d.getUTCMinutes()));
      counts.asia += t.asia;
      counts.europe += t.europe;
      counts.us += t.us;
    }
    // 189 whole days of 288 bars: exact shares.
    expect(SOL!.length).toBe(189 * 288);
    expect(counts).toEqual({ asia: 189 * 96, europe: 189 * 108, us: 189 * 108 });
  });
});
