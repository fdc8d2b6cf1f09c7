// Errors in logs: the useful parts kept, the request that carried credentials dropped.
import { describe, expect, it } from 'vitest';
import { RemoteRejectedError } from '../core/errors.js';
import { serializeError } from './error-fields.js';

describe('serializeError', () => {
  it('keeps name, message, code and stack down the cause chain', () => {
    const inner = new RemoteRejectedError('insufficient balance', 110007);
    const outer = new Error('order failed', { cause: inner });
    const out = serializeError(outer) as Record<string, any>;
    expect(out).toMatchObject({ name: 'Error', message: 'order failed' });
    expect(out.stack).toContain('order failed');
    expect(out.cause).toMatchObject({ name: 'RemoteRejectedError', message: 'insufficient balance', code: 110007 });
  });

  it('strips request config, headers and options at any depth, keeps the response status and body', () => {
    const axiosLike = Object.assign(new Error('Request failed with status code 403'), {
      code: 'ERR_BAD_REQUEST',
      config: { headers: { 'X-BAPI-SIGN': 'sig' }, url: '/v5/order/create' },
      request: { _header: 'X-BAPI-SIGN: sig' },
      response: { status: 403, statusText: 'Forbidden', data: { retCode: 10004, retMsg: 'error sign' }, config: {}, headers: { a: 1 } },
    });
    // The bybit-api SDK rejects with a plain object rather than an Error.
    const sdkLike = { code: 10003, message: 'invalid api key', body: { retCode: 10003 }, headers: { 'x-bapi-limit': '10' }, requestOptions: { key: 'k', secret: 's' } };
    const out = serializeError(new Error('outer', { cause: Object.assign(axiosLike, { cause: sdkLike, details: { requestOptions: {}, ok: 1 } }) }));
    const text = JSON.stringify(out);
    for (const word of ['X-BAPI-SIGN', 'requestOptions', '_header', 'x-bapi-limit', '"config"', '"headers"']) expect(text).not.toContain(word);
    const cause = (out as Record<string, any>).cause;
    expect(cause).toMatchObject({ code: 'ERR_BAD_REQUEST', response: { status: 403, data: { retCode: 10004, retMsg: 'error sign' } }, details: { ok: 1 } });
    expect(cause.cause).toMatchObject({ code: 10003, message: 'invalid api key', body: { retCode: 10003 } });
  });

  it('survives cycles, strings and aggregate errors', () => {
    const looped: Error & { self?: unknown } = new Error('loop');
    looped.self = looped;
    expect(() => JSON.stringify(serializeError(looped))).not.toThrow();
    expect(serializeError('plain text')).toEqual({ message: 'plain text' });
    const aggregate = serializeError(new AggregateError([new Error('a'), new Error('b')], 'both')) as Record<string, any>;
    expect(aggregate.errors.map((e: { message: string }) => e.message)).toEqual(['a', 'b']);
  });
});
