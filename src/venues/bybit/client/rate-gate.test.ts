import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/clock.js';
import { RateGate, type Timers } from './rate-gate.js';

/** Timers run by hand against a ManualClock: the test decides when time passes. */
function manualTimers(clock: ManualClock): Timers & { advance(ms: number): void } {
  let pending: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    set: (fn, ms) => {
      const id = ++ids;
      pending.push({ at: clock.now() + ms, fn, id });
      return id;
    },
    clear: (handle) => {
      pending = pending.filter((timer) => timer.id !== handle);
    },
    advance(ms) {
      const until = clock.now() + ms;
      for (;;) {
        pending.sort((a, b) => a.at - b.at);
        const next = pending[0];
        if (next === undefined || next.at > until) break;
        pending.shift();
        clock.set(next.at);
        next.fn();
      }
      clock.set(until);
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('RateGate', () => {
  it('lets a full bucket through at once, then one request per 1/rate seconds', async () => {
    const clock = new ManualClock(0);
    const timers = manualTimers(clock);
    const gate = new RateGate(clock, { '/v5/order/create': 2 }, timers);
    const done: number[] = [];
    for (let i = 0; i < 4; i++) void gate.acquire('/v5/order/create', 'entry').then(() => done.push(i));
    await flush();
    expect(done).toEqual([0, 1]);
    timers.advance(499);
    await flush();
    expect(done).toEqual([0, 1]);
    timers.advance(1);
    await flush();
    expect(done).toEqual([0, 1, 2]);
    timers.advance(500);
    await flush();
    expect(done).toEqual([0, 1, 2, 3]);
  });

  it('serves protective requests (stops, closes, cancels) before waiting entries', async () => {
    const clock = new ManualClock(0);
    const timers = manualTimers(clock);
    const gate = new RateGate(clock, { '/v5/order/create': 1 }, timers);
    const order: string[] = [];
    void gate.acquire('/v5/order/create', 'entry').then(() => order.push('entry-1'));
    void gate.acquire('/v5/order/create', 'entry').then(() => order.push('entry-2'));
    void gate.acquire('/v5/order/create', 'protect').then(() => order.push('close'));
    void gate.acquire('/v5/order/create', 'normal').then(() => order.push('normal'));
    await flush();
    timers.advance(3000);
    await flush();
    expect(order).toEqual(['entry-1', 'close', 'normal', 'entry-2']);
  });

  it('takes the limit and the remaining budget from the exchange headers, and blocks until reset when none is left', async () => {
    const clock = new ManualClock(1000);
    const timers = manualTimers(clock);
    const gate = new RateGate(clock, { '/v5/order/create': 10 }, timers);
    gate.adjust({ path: '/v5/order/create', max: 5, remaining: 0, resetAt: 1800 });
    let passed = false;
    void gate.acquire('/v5/order/create', 'normal').then(() => (passed = true));
    timers.advance(799);
    await flush();
    expect(passed).toBe(false);
    timers.advance(1);
    await flush();
    expect(passed).toBe(true);
  });

  it('does not limit paths it has no limit for, and releases waiters on close', async () => {
    const clock = new ManualClock(0);
    const timers = manualTimers(clock);
    const gate = new RateGate(clock, { '/v5/order/create': 1 }, timers);
    await gate.acquire('/v5/market/time', 'normal');
    await gate.acquire('/v5/order/create', 'normal');
    let released = false;
    void gate.acquire('/v5/order/create', 'normal').then(() => (released = true));
    gate.close();
    await flush();
    expect(released).toBe(true);
    await expect(gate.acquire('/v5/order/create', 'normal')).rejects.toThrow(/closed/);
  });

  it('refuses a limit that is not a positive rate, naming the path', () => {
    expect(() => new RateGate(new ManualClock(0), { '/v5/order/create': 0 })).toThrow(/\/v5\/order\/create.*got 0/);
  });
});
