import { describe, expect, it } from 'vitest';
import { RiskEventHub, type RiskEvent } from './events.js';
import { statusOf, TradingStateTracker, type Restriction } from './trading-state.js';
import { T0 } from './test-support/fixtures.js';

const halfSize: Restriction = { rule: 'drawdown', effect: 'reduce', reason: 'drawdown ≥ 5 %: size × 0.5', sizeFactor: 0.5 };
const paused: Restriction = { rule: 'lossStreak', effect: 'block', reason: '3 losses in a row', until: T0 + 1 };
const crash: Restriction = { rule: 'flashCrash', effect: 'halt', reason: 'flash crash', until: T0 + 2 };

describe('trading state', () => {
  it('is ACTIVE with nothing restricted, REDUCING when entries shrink or stop, HALTED after a close-all', () => {
    expect(statusOf([])).toMatchObject({ state: 'ACTIVE', sizeFactor: 1, minStrength: 0 });
    expect(statusOf([halfSize])).toMatchObject({ state: 'REDUCING', reason: halfSize.reason, sizeFactor: 0.5, blockedBy: undefined });
    expect(statusOf([halfSize, paused])).toMatchObject({ state: 'REDUCING', reason: paused.reason, blockedBy: paused, sizeFactor: 0.5 });
    expect(statusOf([halfSize, paused, crash])).toMatchObject({ state: 'HALTED', reason: 'flash crash', cause: crash });
  });

  it('emits an event for every change of state or reason, none when nothing changed', () => {
    const hub = new RiskEventHub();
    const events: RiskEvent[] = [];
    const unsubscribe = hub.subscribe((event) => events.push(event));
    const tracker = new TradingStateTracker(hub);
    tracker.update([halfSize], T0);
    tracker.update([halfSize], T0 + 1);
    tracker.update([paused], T0 + 2);
    tracker.update([], T0 + 3);
    unsubscribe();
    tracker.update([crash], T0 + 4);
    expect(events).toEqual([
      { type: 'tradingStateChanged', from: 'ACTIVE', to: 'REDUCING', reason: halfSize.reason, rule: 'drawdown', time: T0 },
      { type: 'tradingStateChanged', from: 'REDUCING', to: 'REDUCING', reason: paused.reason, rule: 'lossStreak', until: T0 + 1, time: T0 + 2 },
      { type: 'tradingStateChanged', from: 'REDUCING', to: 'ACTIVE', reason: 'no protection active', time: T0 + 3 },
    ]);
  });
});
