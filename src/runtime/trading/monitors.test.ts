import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import type { LiveEngine } from '../../engine/live-engine.js';
import type { Alert } from './alert.js';
import { Monitors, type Monitored } from './monitors.js';

/** Just what the monitors touch of an engine. */
function fakeEngine() {
  const calls: string[] = [];
  let block: { reason: string; since: number } | undefined;
  const engine = {
    manage: (time: number) => calls.push(`manage ${time}`),
    blockEntries: (reason: string, since: number) => void (block ??= { reason, since }),
    allowEntries: () => void (block = undefined),
    get entriesBlocked() {
      return block;
    },
  };
  return { engine: engine as unknown as LiveEngine, calls, blocked: () => block };
}

function setup(unprotected: string[] = []) {
  const clock = new ManualClock(1_000_000);
  const sol = fakeEngine();
  const lastCandleAt = new Map([['SOLUSDT', clock.now()]]);
  const session: Monitored = { engines: new Map([['SOLUSDT', sol.engine]]), lastCandleAt, timeframeOf: () => '1m', unprotected };
  const alerts: Alert[] = [];
  const monitors = new Monitors(session, { staleGraceMs: 10_000 }, clock, (a) => alerts.push(a));
  return { clock, sol, lastCandleAt, monitors, alerts };
}

describe('Monitors', () => {
  it('blocks entries when no candle came within its interval plus the grace, and lifts the block when one comes', () => {
    const { clock, sol, lastCandleAt, monitors, alerts } = setup();
    clock.advance(70_000);
    monitors.safety();
    expect(sol.blocked()).toBeUndefined();
    clock.advance(1_000);
    monitors.safety();
    expect(sol.blocked()?.reason).toBe('stale market data');
    monitors.safety();
    expect(alerts.map((a) => a.code)).toEqual(['staleData']);
    lastCandleAt.set('SOLUSDT', clock.now());
    monitors.safety();
    expect(sol.blocked()).toBeUndefined();
    expect(alerts.map((a) => a.code)).toEqual(['staleData', 'dataFresh']);
  });

  it('leaves a block it did not set (a shutdown) alone', () => {
    const { sol, monitors } = setup();
    sol.engine.blockEntries('shutting down', 0);
    monitors.safety();
    expect(sol.blocked()?.reason).toBe('shutting down');
  });

  it('alerts on every round while a position has no confirmed stop', () => {
    const { monitors, alerts } = setup(['SOLUSDT']);
    monitors.safety();
    monitors.safety();
    expect(alerts.filter((a) => a.code === 'unprotectedPosition' && a.level === 'error')).toHaveLength(2);
  });

  it('reports a public feed that is not live', () => {
    const clock = new ManualClock(0);
    const alerts: Alert[] = [];
    const monitors = new Monitors({ engines: new Map(), lastCandleAt: new Map(), timeframeOf: () => '1m', unprotected: [], feedState: 'reconnecting' }, {}, clock, (a) => alerts.push(a));
    monitors.safety();
    expect(alerts).toMatchObject([{ code: 'feedUnhealthy', level: 'warn', message: expect.stringContaining('reconnecting') }]);
  });

  it('alerts when open positions are worth more than maxExposure times the equity', () => {
    const clock = new ManualClock(0);
    const alerts: Alert[] = [];
    let notional = 25_000;
    const session = { engines: new Map(), lastCandleAt: new Map(), timeframeOf: () => '1m' as const, unprotected: [], exposure: () => ({ equity: 10_000, notional }) };
    const monitors = new Monitors(session, { maxExposure: 3 }, clock, (a) => alerts.push(a));
    monitors.safety();
    expect(alerts).toEqual([]);
    notional = 31_000;
    monitors.safety();
    expect(alerts).toMatchObject([{ code: 'exposureHigh', level: 'error', message: expect.stringContaining('31000.00') }]);
  });

  it("alerts what the venue's balance check finds, and when it cannot run", async () => {
    const clock = new ManualClock(0);
    const alerts: Alert[] = [];
    let fail = false;
    const session = {
      engines: new Map(),
      lastCandleAt: new Map(),
      timeframeOf: () => '1m' as const,
      unprotected: [],
      venueChecks: async (): Promise<Alert[]> => {
        if (fail) throw new Error('HTTP 502');
        return [{ level: 'error', code: 'noEquity', message: 'USDT equity is 0', time: 0 }];
      },
    };
    const monitors = new Monitors(session, {}, clock, (a) => alerts.push(a));
    monitors.safety();
    fail = true;
    monitors.safety();
    await new Promise((resolve) => setImmediate(resolve));
    expect(alerts.map((a) => a.code)).toEqual(['noEquity', 'venueUnreachable']);
    expect(alerts[1]!.message).toMatch(/HTTP 502/);
  });

  it('runs the exit rules of every engine on the position round', () => {
    const { clock, sol, monitors } = setup();
    monitors.positions();
    expect(sol.calls).toEqual([`manage ${clock.now()}`]);
  });

  it("runs them at the market's time when the session gives one (a replay lives in its own past)", () => {
    const engine = { calls: [] as string[], manage(time: number) { this.calls.push(`manage ${time}`); } };
    const replayed = Date.UTC(2024, 0, 1, 6);
    const session = { engines: new Map([['SOLUSDT', engine as unknown as LiveEngine]]), lastCandleAt: new Map(), timeframeOf: () => '1m' as const, unprotected: [], marketTime: () => replayed };
    new Monitors(session, {}, new ManualClock(Date.UTC(2026, 10, 23)), () => undefined).positions();
    expect(engine.calls).toEqual([`manage ${replayed}`]);
  });

  it('a failing loop alerts and the other loop keeps running', async () => {
    const clock = new ManualClock(0);
    const alerts: Alert[] = [];
    const broken = { manage: () => { throw new Error('boom'); }, get entriesBlocked() { return undefined; }, blockEntries: () => undefined, allowEntries: () => undefined } as unknown as LiveEngine;
    const lastCandleAt = new Map([['SOLUSDT', 0]]);
    const monitors = new Monitors({ engines: new Map([['SOLUSDT', broken]]), lastCandleAt, timeframeOf: () => '1m', unprotected: ['SOLUSDT'] }, { positionMs: 5, safetyMs: 5 }, clock, (a) => alerts.push(a));
    monitors.start();
    // Rounds, not wall time: a loaded machine runs fewer of them in any fixed span.
    const unprotected = () => alerts.filter((a) => a.code === 'unprotectedPosition').length;
    while (unprotected() < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    monitors.stop();
    // Once at the first failure, then only every tenth in a row: a stuck loop does not flood the operator.
    const failed = alerts.filter((a) => a.code === 'loopFailed').map((a) => a.message);
    expect(failed[0]).toMatch(/position monitor failed \(1 in a row\): boom/);
    expect(failed.slice(1).every((m) => /\(\d*0 in a row\)/.test(m))).toBe(true);
    // The safety loop kept its rounds while the position loop failed on every one of its own.
    expect(unprotected()).toBeGreaterThanOrEqual(3);
  });
});
