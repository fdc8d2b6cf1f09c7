import { describe, expect, it } from 'vitest';
import { PullbackTracker, type PullbackBand } from './pullback-tracker.js';

/** EMA 21 at 100, EMA 34 at 99, EMA 55 at 98; a low within 0.1 of the EMA 21 touches. */
const BAND: PullbackBand = { inner: 100, outer: 99, guard: 98, tolerance: 0.1 };
const bar = (low: number, close: number, high = close + 1) => ({ time: 0, open: close, high, low, close, volume: 1 });

describe('PullbackTracker', () => {
  it('counts candles since the last touch of the EMA 21 and keeps the pullback low and its margin over the EMA 34', () => {
    const tracker = new PullbackTracker(3);
    tracker.add(bar(100.2, 101), BAND);
    expect(tracker.barsSince('long')).toBe(Infinity);
    tracker.add(bar(100.05, 100.5), BAND);
    tracker.add(bar(99.5, 100.2), BAND);
    tracker.add(bar(100.5, 101), BAND);
    expect(tracker.barsSince('long')).toBe(1);
    expect(tracker.extreme('long')).toBe(99.5);
    expect(tracker.outerMargin('long')).toBe(0.5);
  });

  it('forgets the pullback on a close beyond the EMA 55, or once consumed', () => {
    const tracker = new PullbackTracker(3);
    tracker.add(bar(99.5, 100.2), BAND);
    tracker.add(bar(97.5, 97.9), BAND);
    expect([tracker.barsSince('long'), tracker.extreme('long')]).toEqual([Infinity, NaN]);
    tracker.add(bar(99.8, 100.2), BAND);
    tracker.consume('long');
    expect(tracker.barsSince('long')).toBe(Infinity);
  });

  it('starts a new pullback, with its own low, when the touch comes more than `window` candles after the last', () => {
    const tracker = new PullbackTracker(2);
    tracker.add(bar(99.2, 100.2), BAND);
    for (let i = 0; i < 3; i++) tracker.add(bar(101, 102), BAND);
    expect(tracker.barsSince('long')).toBe(3);
    tracker.add(bar(99.9, 100.5), BAND);
    expect([tracker.barsSince('long'), tracker.extreme('long'), tracker.outerMargin('long')]).toEqual([0, 99.9, expect.closeTo(0.9, 12)]);
  });

  it('mirrors for shorts: the high reaches up to the EMA 21, and a close above the EMA 55 ends it', () => {
    const band: PullbackBand = { inner: 100, outer: 101, guard: 102, tolerance: 0.1 };
    const tracker = new PullbackTracker(3);
    tracker.add(bar(98, 99.5, 99.95), band);
    tracker.add(bar(98, 99, 100.4), band);
    expect([tracker.barsSince('short'), tracker.extreme('short'), tracker.outerMargin('short')]).toEqual([0, 100.4, expect.closeTo(0.6, 12)]);
    expect(tracker.barsSince('long')).toBe(Infinity);
    tracker.add(bar(101, 102.1, 102.5), band);
    expect(tracker.barsSince('short')).toBe(Infinity);
  });
});
