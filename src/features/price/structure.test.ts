// Swings, BOS / CHoCH and order blocks on one hand-worked candle table, and swings against a brute-force search on real bars.
import { describe, expect, it } from 'vitest';
import { NotStableError } from '../../indicators/contract.js';
import { realBars } from '../../indicators/test-support/bars.js';
import { OrderBlocks } from './order-blocks.js';
import { MarketStructure } from './structure.js';
import { SwingLabel, SwingPoints } from './swings.js';
import { collect, table } from './test-support/candles.js';

// One swing bar either side (n = 1, left = 1). Columns: open, high, low, close.
const bars = table([
  [9.5, 10, 8, 9], //   0
  [9.2, 12, 9, 11], //  1  swing high 12, confirmed on bar 2
  [11, 11, 9.5, 10], // 2
  [10, 10.5, 8.5, 9], // 3  swing low 8.5 (down candle), confirmed on bar 4
  [9, 11, 9, 10.5], //  4
  [10.5, 13, 10, 12.5], // 5  close 12.5 > 12: first break (BOS up); swing high 13 confirmed on bar 6 (HH)
  [12.5, 12.8, 11, 11.5], // 6
  [11.5, 12, 10.5, 10.8], // 7
  [11, 11.5, 9, 9.2], //  8
  [9.2, 10, 8, 8.2], //   9  close 8.2 < 8.5 against the up trend: CHoCH down
  [8.2, 9, 7, 7.5], //   10  swing low 7 confirmed on bar 11 (LL)
  [7.5, 9.5, 7.5, 9], // 11  swing high 9.5 (up candle) confirmed on bar 12 (LH)
  [9, 9.2, 8, 8.5], //   12
  [8.5, 8.5, 6.5, 6.8], // 13  close 6.8 < 7 with the down trend: BOS down
]);

describe('SwingPoints', () => {
  it('confirms a swing only n bars after it, and labels it against the previous one of its kind', () => {
    const swings = new SwingPoints(1, 1);
    const rows = collect(swings, bars, () => [swings.lastHigh, swings.lastLow, swings.confirmedHigh, swings.confirmedLow, swings.getResult()?.label]);
    expect(rows.map((r) => r[0])).toEqual([NaN, NaN, 12, 12, 12, 12, 13, 13, 13, 13, 13, 13, 9.5, 9.5]);
    expect(rows.map((r) => r[1])).toEqual([NaN, NaN, NaN, NaN, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 7, 7, 7]);
    expect(rows.flatMap((r, i) => (r[2] ? [i] : []))).toEqual([2, 6, 12]);
    expect(rows.flatMap((r, i) => (r[3] ? [i] : []))).toEqual([4, 11]);
    // Stable once both kinds are known (bar 4); the label follows the latest confirmed swing.
    const { none, HH, LL, LH } = SwingLabel;
    expect(rows.map((r) => r[4])).toEqual([undefined, undefined, undefined, undefined, none, none, HH, HH, HH, HH, HH, LL, LH, LH]);
    expect(swings.lastHighTime).toBe(bars[11]!.time);
  });

  it('counts only the first of equal highs and throws before warm-up', () => {
    const swings = new SwingPoints(1, 1);
    expect(() => swings.label).toThrow(NotStableError);
    const rows = [[10, 9], [12, 9.5], [12, 10], [11, 10.5], [11.5, 8], [12, 9]] as const;
    rows.forEach(([h, l], i) => swings.add({ time: i, open: l, high: h, low: l, close: l, volume: 1 }));
    expect(swings.getResultOrThrow()).toEqual({ lastSwingHigh: 12, lastSwingLow: 8, label: SwingLabel.none });
    expect(swings.lastHighTime).toBe(1); // bar 1, not its twin on bar 2
    expect(swings.lastLowTime).toBe(4);
  });

  it('rejects bad sizes', () => {
    expect(() => new SwingPoints(0)).toThrow(/right/);
    expect(() => new SwingPoints(2, 1.5)).toThrow(/left/);
  });
});

describe('MarketStructure', () => {
  it('signals BOS with the trend and CHoCH against it, on the closing bar, once per swing', () => {
    const structure = new MarketStructure(1, 1);
    const rows = collect(structure, bars, () => structure.getResult());
    expect(rows.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(rows.slice(4).map((r) => [r!.bos, r!.choch, r!.trend])).toEqual([
      [0, 0, 0], //   4
      [1, 0, 1], //   5  BOS up (the first break of all)
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
      [0, -1, -1], // 9  CHoCH down
      [0, 0, -1], // 10  close 7.5 is below 8.5 again, but that swing is already broken
      [0, 0, -1],
      [0, 0, -1],
      [-1, 0, -1], // 13  BOS down
    ]);
  });
});

describe('OrderBlocks', () => {
  it('takes the last opposite candle before the breaking bar and drops a block a close goes through', () => {
    const blocks = new OrderBlocks(1, 1, 20);
    const rows = collect(blocks, bars, () => blocks.getResult());
    expect(rows[3]).toBeUndefined();
    const none = { bullTop: 0, bullBottom: 0, bearTop: 0, bearBottom: 0 };
    expect(rows[4]).toEqual(none);
    // Bar 5 breaks up: the last down candle before it is bar 3 (10.5 / 8.5).
    expect(rows[5]).toEqual({ ...none, bullTop: 10.5, bullBottom: 8.5 });
    expect(rows[8]).toEqual({ ...none, bullTop: 10.5, bullBottom: 8.5 });
    // Bar 9 closes 8.2 below the bullish block (dropped) and breaks down: last up candle is bar 5 (13 / 10).
    expect(rows[9]).toEqual({ ...none, bearTop: 13, bearBottom: 10 });
    // Bar 13 breaks down again: the last up candle is bar 11 (9.5 / 7.5).
    expect(rows[13]).toEqual({ ...none, bearTop: 9.5, bearBottom: 7.5 });
  });

  it('keeps the previous block when no opposite candle lies within the lookback', () => {
    const blocks = new OrderBlocks(1, 1, 1);
    const rows = collect(blocks, bars, () => blocks.getResult());
    // Bar 5: the one bar in reach (bar 4) is an up candle, so no bullish block forms.
    expect(rows[5]).toEqual({ bullTop: 0, bullBottom: 0, bearTop: 0, bearBottom: 0 });
    // Bar 9: bar 8 is a down candle, no bearish block; bar 13: bar 12 is down too.
    expect(rows[13]).toEqual({ bullTop: 0, bullBottom: 0, bearTop: 0, bearBottom: 0 });
  });
});

const real = realBars(5000);

describe.skipIf(!real)('swings and structure on real SOLUSDT 5m bars', () => {
  it('finds exactly the swings a brute-force search finds, each reported n bars after its bar', () => {
    const [n, left] = [3, 5];
    const swings = new SwingPoints(n, left);
    const found: string[] = [];
    real!.forEach((bar, t) => {
      swings.add(bar);
      if (swings.confirmedHigh) found.push(`H${t}:${swings.lastHigh}@${swings.lastHighTime}`);
      if (swings.confirmedLow) found.push(`L${t}:${swings.lastLow}@${swings.lastLowTime}`);
    });
    const expected: string[] = [];
    for (let c = left; c + n < real!.length; c++) {
      const around = (k: number) => real![c + k]!;
      const before = Array.from({ length: left }, (_, k) => around(-1 - k));
      const after = Array.from({ length: n }, (_, k) => around(1 + k));
      const bar = real![c]!;
      if (before.every((b) => b.high < bar.high) && after.every((b) => b.high <= bar.high)) expected.push(`H${c + n}:${bar.high}@${bar.time}`);
      if (before.every((b) => b.low > bar.low) && after.every((b) => b.low >= bar.low)) expected.push(`L${c + n}:${bar.low}@${bar.time}`);
    }
    expect(found).toEqual(expected);
    expect(found.length).toBeGreaterThan(400);
  });

  it('breaks only on closes beyond the last swing, and the trend follows the last break', () => {
    const structure = new MarketStructure(3, 3);
    let trend = 0;
    let breaks = 0;
    for (const bar of real!) {
      const [high, low] = [structure.swings.lastHigh, structure.swings.lastLow];
      structure.add(bar);
      const r = structure.getResult();
      if (!r) continue;
      expect(r.bos === 0 || r.choch === 0).toBe(true);
      const signal = r.bos + r.choch;
      if (signal !== 0) {
        breaks++;
        // The level broken is the one known before this bar (a swing confirmed on this bar cannot be broken by it).
        if (signal > 0) expect(bar.close).toBeGreaterThan(structure.swings.confirmedHigh ? high : structure.swings.lastHigh);
        else expect(bar.close).toBeLessThan(structure.swings.confirmedLow ? low : structure.swings.lastLow);
        expect(r.choch !== 0).toBe(trend === -signal);
        trend = signal;
      }
      expect(r.trend).toBe(trend);
    }
    expect(breaks).toBeGreaterThan(100);
  });

  it('places every order block on an opposite-coloured candle within the lookback', () => {
    const blocks = new OrderBlocks(3, 3, 20);
    let formed = 0;
    real!.forEach((bar, t) => {
      blocks.add(bar);
      const direction = blocks.structure.breakDirection;
      const r = blocks.getResult();
      if (!r || direction === 0) return;
      const [top, bottom] = direction > 0 ? [r.bullTop, r.bullBottom] : [r.bearTop, r.bearBottom];
      const candle = real!.slice(Math.max(0, t - 20), t).reverse().find((b) => (direction > 0 ? b.close < b.open : b.close > b.open));
      if (candle) {
        expect([top, bottom]).toEqual([candle.high, candle.low]);
        formed++;
      }
    });
    expect(formed).toBeGreaterThan(100);
  });
});
