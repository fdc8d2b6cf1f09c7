// The fault switches on their own: counts, paths, seeded chances, held requests, and the errors a bad argument gets.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/errors.js';
import { HttpFaults } from './http-faults.js';

const CREATE = '/v5/order/create';
const REALTIME = '/v5/order/realtime';

function faults(seed = 1) {
  const caps: (number | undefined)[] = [];
  const f = new HttpFaults(seed, { setParticipationCap: (cap) => void caps.push(cap) });
  f.serve([
    { path: '/v5/market/time', public: true },
    { path: CREATE, public: false },
    { path: REALTIME, public: false },
    { path: '/v5/position/trading-stop', public: false },
  ]);
  return { f, caps };
}

describe('HttpFaults arming', () => {
  it('hits the next N matching requests, then disarms itself', () => {
    const { f } = faults();
    const armed = f.serverError({ times: 2, status: 503 });
    expect(f.hit('serverError', CREATE)).toEqual({ status: 503, body: expect.stringContaining('<title>503 Service Temporarily Unavailable</title>') });
    expect(f.hit('timeout', CREATE)).toBeUndefined();
    expect(f.hit('serverError', REALTIME)?.status).toBe(503);
    expect([armed.hits, armed.remaining, armed.active]).toEqual([2, 0, false]);
    expect(f.hit('serverError', CREATE)).toBeUndefined();
  });

  it('defaults to one hit, and keeps to its path', () => {
    const { f } = faults();
    const armed = f.serverErrorAfter({ path: CREATE });
    expect(f.hit('serverErrorAfter', REALTIME)).toBeUndefined();
    expect(f.hit('serverErrorAfter', CREATE)?.status).toBe(502);
    expect(f.hit('serverErrorAfter', CREATE)).toBeUndefined();
    expect(armed.hits).toBe(1);
  });

  it("'untilCleared' hits until clear(); disarm() takes back one fault alone; clear() switches partial fills off", () => {
    const { f, caps } = faults();
    const skew = f.clockSkew({ ms: -3000, times: 'untilCleared' });
    const limit = f.rateLimit({ times: 'untilCleared' });
    for (let i = 0; i < 5; i++) expect(f.hit('clockSkew', REALTIME)).toEqual({ ms: -3000 });
    expect(skew.remaining).toBe('untilCleared');
    limit.disarm();
    expect([limit.active, f.hit('rateLimit', CREATE)]).toEqual([false, undefined]);
    expect(f.hit('clockSkew', CREATE)?.ms).toBe(-3000);
    f.partialFills({ participation: 0.25 });
    f.clear();
    expect([skew.active, f.hit('clockSkew', CREATE)]).toEqual([false, undefined]);
    expect(caps).toEqual([0.25, undefined]);
  });

  it('tries faults of one kind in the order they were armed', () => {
    const { f } = faults();
    f.rejectTradingStop({ retCode: 110005, retMsg: 'first' });
    f.rejectTradingStop({ times: 2 });
    expect(f.hit('rejectTradingStop', '/v5/position/trading-stop')).toEqual({ retCode: 110005, retMsg: 'first' });
    expect(f.hit('rejectTradingStop', '/v5/position/trading-stop')).toEqual({ retCode: 10001, retMsg: 'params error: the trading stop could not be set' });
    // Tied to its endpoint: no other path is hit.
    expect(f.hit('rejectTradingStop', CREATE)).toBeUndefined();
  });

  it('draws a chance from the seed: the same requests are hit in every run, `times` counts hits', () => {
    const pattern = (seed: number) => {
      const { f } = faults(seed);
      const armed = f.timeout({ ms: 1, probability: 0.3, times: 'untilCleared' });
      const hits = Array.from({ length: 40 }, () => (f.hit('timeout', CREATE) ? 1 : 0)).join('');
      return { hits, count: armed.hits };
    };
    const first = pattern(7);
    expect(pattern(7)).toEqual(first);
    expect(first.count).toBeGreaterThan(4);
    expect(first.count).toBeLessThan(24);
    expect(pattern(8).hits).not.toBe(first.hits);
    const { f } = faults(7);
    const counted = f.timeout({ probability: 0.5, times: 3 });
    for (let i = 0; i < 100; i++) f.hit('timeout', CREATE);
    expect([counted.hits, counted.active]).toEqual([3, false]);
  });

  it('refuses a bad argument with an InputError naming the field and the value', () => {
    const { f } = faults();
    const refused = (arm: () => unknown, message: string) => {
      expect(arm).toThrow(InputError);
      expect(arm).toThrow(message);
    };
    refused(() => f.serverError({ times: 0 }), "serverError: times must be a whole number from 1 to 1000000 or 'untilCleared', got 0");
    refused(() => f.timeout({ times: 1.5 }), 'timeout: times must be a whole number from 1 to 1000000');
    refused(() => f.serverError({ path: 'v5/order/create' }), 'serverError: path must be an endpoint path such as "/v5/order/create", got "v5/order/create"');
    refused(() => f.timeoutAfter({ path: '/v5/order/nope' }), 'timeoutAfter: path "/v5/order/nope" is not served by the local exchange (it serves /v5/market/time, /v5/order/create, /v5/order/realtime, /v5/position/trading-stop)');
    refused(() => f.serverError({ probability: 0 }), 'serverError: probability must be a number with 0 < p <= 1, got 0');
    refused(() => f.serverError({ probability: 1.5 }), 'got 1.5');
    refused(() => f.serverError({ status: 404 as never }), 'serverError: status must be one of 500, 502, 503, 504, got 404');
    refused(() => f.timeout({ ms: -1 }), 'timeout: ms must be a whole number of milliseconds from 0 to 600000, got -1');
    refused(() => f.timeoutAfter({ reply: 'never' as never }), `timeoutAfter: reply must be 'normal' or 'serverTimeout', got "never"`);
    refused(() => f.rateLimit({ path: '/v5/market/time' }), 'rateLimit: path "/v5/market/time" is a public endpoint');
    refused(() => f.rateLimit({ resetMs: Number.NaN }), 'rateLimit: resetMs must be a whole number of milliseconds from 0 to 60000, got NaN');
    refused(() => f.rejectTradingStop({ retCode: 0 }), 'rejectTradingStop: retCode must be a non-zero whole number, got 0');
    refused(() => f.rejectTradingStop({ retMsg: '' }), 'rejectTradingStop: retMsg must be a non-empty string, got ""');
    refused(() => f.clockSkew({} as never), 'clockSkew: ms must be a whole number of milliseconds from -86400000 to 86400000, got undefined');
    refused(() => f.partialFills({ participation: 0 }), 'partialFills: participation must be a fraction of candle volume with 0 < p <= 1, got 0');
  });
});

describe('HttpFaults holds', () => {
  it('ends a hold when its time is up, when its request aborts, and all of them on dispose()', async () => {
    const { f } = faults();
    expect(await f.hold(1, undefined)).toBe('elapsed');
    const client = new AbortController();
    const aborted = f.hold(undefined, client.signal);
    const forever = f.hold(undefined, undefined);
    const long = f.hold(60_000, undefined);
    expect(f.held).toBe(3);
    client.abort();
    expect(await aborted).toBe('released');
    f.dispose();
    expect(await Promise.all([forever, long])).toEqual(['released', 'released']);
    expect(f.held).toBe(0);
    // After dispose nothing is held any more.
    expect(await f.hold(60_000, undefined)).toBe('released');
  });

  it('keeps a clock offset to the synchronous answer it wraps', () => {
    const { f } = faults();
    expect(f.withClockOffset(5000, () => f.clockOffset)).toBe(5000);
    expect(f.clockOffset).toBe(0);
    expect(() => f.withClockOffset(5000, () => { throw new Error('boom'); })).toThrow('boom');
    expect(f.clockOffset).toBe(0);
  });
});
