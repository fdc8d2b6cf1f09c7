// clockSkew over HTTP: a client on the replay clock falls outside recvWindow (10002) and resyncs from /v5/market/time.
import { describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { publicGet } from '../test-support/client.js';
import { SOL, startTestExchange } from '../test-support/fixtures.js';
import type { HttpFaults } from './http-faults.js';
import { useFaultExchange } from './test-support/fault-exchange.js';
import { send } from './test-support/requests.js';

let exchange: LocalExchange;
let faults: HttpFaults;
useFaultExchange(() => startTestExchange(), 5, (started) => {
  exchange = started;
  faults = started.httpFaults;
});

const realtime = (timestamp?: number) => send(exchange, 'GET', '/v5/order/realtime', { category: 'linear', symbol: SOL }, timestamp === undefined ? {} : { timestamp });

describe('clockSkew', () => {
  it("answers 10002 in Bybit's words; /v5/market/time shows the skewed clock, and a resynced client gets through", async () => {
    faults.clockSkew({ ms: 10_000, times: 'untilCleared' });
    const now = exchange.clock.now();
    const refused = await realtime(now);
    expect([refused.status, refused.body.retCode]).toEqual([200, 10002]);
    expect(refused.body.retMsg).toBe(`invalid request, please check your server timestamp or recv_window param. req_timestamp[${now}],server_timestamp[${now + 10_000}],recv_window[5000]`);
    expect(refused.body.time).toBe(now + 10_000);
    const time = await publicGet(exchange, '/v5/market/time');
    expect(time.body.result).toEqual({ timeSecond: String(Math.floor((now + 10_000) / 1000)), timeNano: `${now + 10_000}000000` });
    expect(time.body.time).toBe(now + 10_000);
    const offset = Number(time.body.result.timeNano) / 1e6 - now;
    expect((await realtime(now + offset)).body.retCode).toBe(0);
  });

  it('a clock behind puts the client in the future: 10002 as well', async () => {
    faults.clockSkew({ ms: -2000 });
    expect((await realtime()).body.retCode).toBe(10002);
  });

  it('hits only its count and its path, then clears', async () => {
    const armed = faults.clockSkew({ ms: -10_000, times: 2, path: '/v5/order/realtime' });
    const now = exchange.clock.now();
    expect((await publicGet(exchange, '/v5/market/time')).body.time).toBe(now);
    expect((await realtime()).body.retCode).toBe(10002);
    expect((await realtime()).body.retCode).toBe(10002);
    expect((await realtime()).body.retCode).toBe(0);
    expect(armed.active).toBe(false);
    faults.clockSkew({ ms: 60_000, times: 'untilCleared' });
    expect((await realtime()).body.retCode).toBe(10002);
    faults.clear();
    expect((await realtime()).body.retCode).toBe(0);
    expect((await publicGet(exchange, '/v5/market/time')).body.time).toBe(now);
  });
});
