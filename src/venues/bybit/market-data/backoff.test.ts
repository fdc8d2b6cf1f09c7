import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/errors.js';
import { seededRandom, type Random } from '../../../core/random.js';
import { Backoff } from './backoff.js';

const always = (value: number): Random => ({ next: () => value });

describe('Backoff', () => {
  it('ceilings double from 500 ms and stop at 30 s', () => {
    const backoff = new Backoff(always(0));
    expect(Array.from({ length: 9 }, (_, n) => backoff.ceiling(n))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('full jitter: each delay is random × its ceiling, whole ms', () => {
    const top = new Backoff(always(0.999_999));
    expect(Array.from({ length: 8 }, () => top.next())).toEqual([499, 999, 1999, 3999, 7999, 15999, 29999, 29999]);
    const half = new Backoff(always(0.5));
    expect(Array.from({ length: 4 }, () => half.next())).toEqual([250, 500, 1000, 2000]);
    expect(half.attempts).toBe(4);
  });

  it('reset starts the schedule over', () => {
    const backoff = new Backoff(always(0.5));
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(250);
  });

  it('a seeded random gives the same schedule every run, always inside [0, ceiling)', () => {
    const schedule = (seed: number) => {
      const backoff = new Backoff(seededRandom(seed), { baseMs: 100, factor: 3, capMs: 5_000 });
      return Array.from({ length: 20 }, () => backoff.next());
    };
    const first = schedule(7);
    expect(schedule(7)).toEqual(first);
    const ceilings = Array.from({ length: 20 }, (_, n) => Math.min(5_000, 100 * 3 ** n));
    first.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[n]!);
    });
  });

  it('rejects settings that cannot give a schedule, naming them', () => {
    expect(() => new Backoff(always(0), { baseMs: 0 })).toThrow(new InputError('backoff baseMs must be a positive number, got 0'));
    expect(() => new Backoff(always(0), { factor: 0.5 })).toThrow(/backoff factor must be a number >= 1, got 0.5/);
    expect(() => new Backoff(always(0), { baseMs: 1000, capMs: 10 })).toThrow(/backoff capMs must be a number >= baseMs \(1000\), got 10/);
  });
});
