import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';
import { ErrorPolicy } from './error-policy.js';
import { parseRiskConfig } from './risk-config.js';
import { MINUTE, T0 } from './test-support/fixtures.js';

describe('circuit breaker: 5 errors in a row → open 5 minutes, then one more try', () => {
  it('opens on the fifth consecutive error and reopens for a try after the cooldown', () => {
    const breaker = new CircuitBreaker(5, 5 * MINUTE);
    for (let i = 0; i < 4; i++) expect(breaker.recordError(T0 + i)).toBe(false);
    expect(breaker.state(T0 + 4)).toBe('closed');
    expect(breaker.recordError(T0 + 4)).toBe(true);
    expect(breaker.state(T0 + 4)).toBe('open');
    expect(breaker.allows(T0 + 4 + 5 * MINUTE - 1)).toBe(false);
    expect(breaker.state(T0 + 4 + 5 * MINUTE)).toBe('halfOpen');
    expect(breaker.allows(T0 + 4 + 5 * MINUTE)).toBe(true);
  });

  it('a failed try opens it again at once; a success closes it', () => {
    const breaker = new CircuitBreaker(5, 5 * MINUTE);
    for (let i = 0; i < 5; i++) breaker.recordError(T0);
    expect(breaker.recordError(T0 + 5 * MINUTE)).toBe(true);
    expect(breaker.reopensAt).toBe(T0 + 10 * MINUTE);
    breaker.recordSuccess();
    expect(breaker.state(T0 + 10 * MINUTE)).toBe('closed');
  });

  it('a success between errors starts the count again', () => {
    const breaker = new CircuitBreaker(5, 5 * MINUTE);
    for (let i = 0; i < 4; i++) breaker.recordError(T0);
    breaker.recordSuccess();
    for (let i = 0; i < 4; i++) expect(breaker.recordError(T0)).toBe(false);
  });
});

describe('errors handled by level', () => {
  const config = parseRiskConfig().errors;

  it('a strategy error skips the candle; the fifth in a row pauses the strategy for 5 minutes', () => {
    const policy = new ErrorPolicy(config);
    const error = { level: 'strategy', strategy: 'density', symbol: 'SOLUSDT', message: 'boom' } as const;
    for (let i = 0; i < 4; i++) expect(policy.report(error, T0)).toEqual({ action: 'skipCandle' });
    expect(policy.report(error, T0)).toMatchObject({ action: 'pauseStrategy', strategy: 'density', until: T0 + 5 * MINUTE });
    expect(policy.pausedReason('density', 'BTCUSDT', T0 + 1)).toContain('paused after repeated errors');
    expect(policy.pausedReason('density', 'BTCUSDT', T0 + 5 * MINUTE)).toBeUndefined();
  });

  it('repeated errors on one symbol pause the strategy there only, while it runs cleanly elsewhere', () => {
    const policy = new ErrorPolicy(config);
    let last;
    for (let i = 0; i < 10; i++) {
      last = policy.report({ level: 'strategy', strategy: 'density', symbol: 'SOLUSDT', message: 'bad book' }, T0 + i);
      policy.success('density', 'BTCUSDT');
    }
    expect(last).toMatchObject({ action: 'pauseStrategy', symbol: 'SOLUSDT', until: T0 + 9 + 60 * MINUTE });
    expect(policy.pausedReason('density', 'SOLUSDT', T0 + 10)).toContain('on SOLUSDT');
    expect(policy.pausedReason('density', 'BTCUSDT', T0 + 10)).toBeUndefined();
  });

  it('a system error stops new entries', () => {
    expect(new ErrorPolicy(config).report({ level: 'system', message: 'store unreachable' }, T0)).toEqual({ action: 'stopEntries', reason: 'system error: store unreachable' });
  });
});
