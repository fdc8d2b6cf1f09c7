import { describe, expect, it } from 'vitest';
import { candlePath, detailPath, pathOf } from './intrabar.js';

const bar = (open: number, high: number, low: number, close: number) => ({ open, high, low, close });

describe('candlePath', () => {
  it('visits the extreme nearer to the open first', () => {
    expect(candlePath(bar(100, 101, 95, 96))).toEqual([100, 101, 95, 96]);
    expect(candlePath(bar(100, 106, 99, 105))).toEqual([100, 99, 106, 105]);
  });
  it('breaks a tie by the candle direction', () => {
    expect(candlePath(bar(100, 102, 98, 99))).toEqual([100, 102, 98, 99]);
    expect(candlePath(bar(100, 102, 98, 101))).toEqual([100, 98, 102, 101]);
  });
});

describe('detailPath', () => {
  it('concatenates the paths of the finer candles, in time order', () => {
    expect(detailPath([bar(100, 101, 95, 96), bar(96, 99, 95.5, 98)])).toEqual([100, 101, 95, 96, 96, 95.5, 99, 98]);
  });
  it('is the candle\'s own path when there is no detail', () => {
    expect(pathOf(bar(100, 101, 95, 96), undefined)).toEqual([100, 101, 95, 96]);
    expect(pathOf(bar(100, 101, 95, 96), [])).toEqual([100, 101, 95, 96]);
  });
});
