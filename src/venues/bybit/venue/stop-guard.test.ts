import { describe, expect, it } from 'vitest';
import type { Timers } from '../client/rate-gate.js';
import type { StopFailurePolicy, VenueNotice } from './options.js';
import { StopGuard } from './stop-guard.js';

/** Timers fired by the test. */
function handTimers() {
  const pending = new Map<number, () => void>();
  let id = 0;
  const timers: Timers = { set: (fn) => (pending.set(++id, fn), id), clear: (h) => void pending.delete(h as number) };
  return {
    timers,
    count: () => pending.size,
    fireAll: () => {
      const fns = [...pending.values()];
      pending.clear();
      fns.forEach((fn) => fn());
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function guard(policy: StopFailurePolicy, stopWorks: (attempt: number) => boolean) {
  const calls: string[] = [];
  const notices: VenueNotice[] = [];
  const t = handTimers();
  let attempts = 0;
  const g = new StopGuard(
    { confirmMs: 1000, policy, retries: 3 },
    {
      setStop: async (symbol, stop) => {
        calls.push(`stop ${symbol} ${stop}`);
        if (!stopWorks(++attempts)) throw new Error('refused');
      },
      close: async (symbol, fraction) => void calls.push(`close ${symbol} ${fraction}`),
      notice: (n) => notices.push(n),
    },
    t.timers,
  );
  return { g, calls, notices, t };
}

describe('StopGuard', () => {
  it('does nothing when the stop is confirmed in time', async () => {
    const { g, calls, t } = guard('retry', () => true);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    expect(t.count()).toBe(1);
    g.observe('SOLUSDT', 2, true);
    expect(t.count()).toBe(0);
    expect(calls).toEqual([]);
    expect(g.unprotected()).toEqual([]);
  });

  it('sets the wanted stop through trading-stop when none is confirmed in time', async () => {
    const { g, calls, notices, t } = guard('retry', () => true);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    expect(g.unprotected()).toEqual(['SOLUSDT']);
    t.fireAll();
    await settle();
    expect(calls).toEqual(['stop SOLUSDT 95']);
    expect(notices.map((n) => n.code)).toEqual(['stopMissing', 'stopSet']);
  });

  it('retry: tries the stop `retries` times, then closes', async () => {
    const { g, calls, t } = guard('retry', () => false);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    t.fireAll();
    await settle();
    expect(calls).toEqual(['stop SOLUSDT 95', 'stop SOLUSDT 95', 'stop SOLUSDT 95', 'close SOLUSDT 1']);
  });

  it('reduce: halves the position after the first failure, tries once more, then closes', async () => {
    const { g, calls, t } = guard('reduce', () => false);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    t.fireAll();
    await settle();
    expect(calls).toEqual(['stop SOLUSDT 95', 'close SOLUSDT 0.5', 'stop SOLUSDT 95', 'close SOLUSDT 1']);
  });

  it('reduce: keeps the reduced position once the second attempt works', async () => {
    const { g, calls, t } = guard('reduce', (attempt) => attempt === 2);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    t.fireAll();
    await settle();
    expect(calls).toEqual(['stop SOLUSDT 95', 'close SOLUSDT 0.5', 'stop SOLUSDT 95']);
  });

  it('close: one attempt, then closes; a position with no known stop is closed at once', async () => {
    const a = guard('close', () => false);
    a.g.want('SOLUSDT', 95);
    a.g.resized('SOLUSDT', 2);
    a.t.fireAll();
    await settle();
    expect(a.calls).toEqual(['stop SOLUSDT 95', 'close SOLUSDT 1']);
    const b = guard('retry', () => true);
    b.g.observe('ETHUSDT', -1, false);
    b.t.fireAll();
    await settle();
    expect(b.calls).toEqual(['close ETHUSDT 1']);
    expect(b.notices[0]).toMatchObject({ code: 'stopUnknown', level: 'error' });
  });

  it('a position that is flat before the deadline needs nothing, and a flip starts a new clock', async () => {
    const { g, calls, t } = guard('retry', () => true);
    g.want('SOLUSDT', 95);
    g.resized('SOLUSDT', 2);
    g.observe('SOLUSDT', 2, true);
    g.resized('SOLUSDT', 3);
    expect(t.count()).toBe(0);
    g.resized('SOLUSDT', -1);
    expect(t.count()).toBe(1);
    g.resized('SOLUSDT', 0);
    expect(t.count()).toBe(0);
    expect(calls).toEqual([]);
  });
});
