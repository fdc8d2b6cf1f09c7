// The followed clock: the wall clock until the exchange speaks, then the exchange's time moving with the wall, never backwards.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { FollowedClock } from './market-clock.js';

describe('FollowedClock', () => {
  it('is the wall clock until told, then the told time plus the wall time since, and never goes back', () => {
    const wall = new ManualClock(Date.UTC(2026, 10, 23));
    const market = new FollowedClock(wall);
    expect(market.now()).toBe(wall.now());
    const replayed = Date.UTC(2024, 0, 1, 6);
    market.follow(replayed);
    expect(market.now()).toBe(replayed);
    wall.advance(1500);
    expect(market.now()).toBe(replayed + 1500);
    // A candle close that arrives late says an earlier time: the clock waits for it rather than going back.
    market.follow(replayed + 1000);
    expect(market.now()).toBe(replayed + 1500);
    wall.advance(1000);
    expect(market.now()).toBe(replayed + 2000);
    // A replay that jumps ahead (faster than real time) is followed at once.
    market.follow(replayed + 60_000);
    expect(market.now()).toBe(replayed + 60_000);
    market.follow(Number.NaN);
    expect(market.now()).toBe(replayed + 60_000);
  });
});
