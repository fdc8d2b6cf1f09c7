import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiCredentials, queryString, restPrehash, signGet, signPost, wsAuthMessage, wsAuthPrehash } from './sign.js';

// Bybit's worked examples (§2.4) give the string to sign but not the secret, so their printed
// signatures cannot be recomputed. The prehash strings are checked verbatim; the HMAC is checked
// against `openssl dgst -sha256 -hmac bybot-test-secret` over the same strings.
const SECRET = 'bybot-test-secret';
const credentials = new ApiCredentials('XXXXXXXXXX', SECRET);

describe('REST signature (§2.4)', () => {
  it('signs a GET over the query string exactly as the reference example', () => {
    const query = queryString({ category: 'option', symbol: 'BTC-29JUL22-25000-C' });
    expect(query).toBe('category=option&symbol=BTC-29JUL22-25000-C');
    expect(restPrehash(1658384314791, 'XXXXXXXXXX', 5000, query)).toBe('1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C');
    const signed = signGet(credentials, { category: 'option', symbol: 'BTC-29JUL22-25000-C' }, { timestamp: 1658384314791 });
    expect(signed).toEqual({
      query,
      headers: {
        'X-BAPI-API-KEY': 'XXXXXXXXXX',
        'X-BAPI-TIMESTAMP': '1658384314791',
        'X-BAPI-SIGN': 'a3acf35144658a091cb92c303b5cea8637bd399d1e35670f6373f849853fdec3',
        'X-BAPI-RECV-WINDOW': '5000',
      },
    });
  });

  it('signs a POST over the body byte for byte, spaces included', () => {
    const body = '{"category": "option"}';
    expect(restPrehash(1658385579423, 'XXXXXXXXXX', 5000, body)).toBe('1658385579423XXXXXXXXXX5000{"category": "option"}');
    const signed = signPost(credentials, body, { timestamp: 1658385579423, recvWindow: 5000 });
    expect(signed.body).toBe(body);
    expect(signed.headers['X-BAPI-SIGN']).toBe('bfe94a063ec24d08d2956d6aa82756aad7b27cdcb34747fb5afbcbfdd3c8ed80');
    expect(signed.headers['Content-Type']).toBe('application/json');
  });

  it('serialises an object body once and signs that text', () => {
    const signed = signPost(credentials, { category: 'linear', symbol: 'XRPUSDT' }, { timestamp: 1, recvWindow: 20000 });
    expect(signed.body).toBe('{"category":"linear","symbol":"XRPUSDT"}');
    expect(signed.headers['X-BAPI-SIGN']).toBe(credentials.sign(`1XXXXXXXXXX20000${signed.body}`));
    expect(signed.headers['X-BAPI-RECV-WINDOW']).toBe('20000');
  });

  it('encodes query values and leaves undefined ones out, keeping insertion order', () => {
    expect(queryString({ symbol: 'BTCUSDT', cursor: 'first%3DBIOUSDT', limit: 5, baseCoin: undefined, openOnly: 0 })).toBe('symbol=BTCUSDT&cursor=first%253DBIOUSDT&limit=5&openOnly=0');
    expect(queryString({})).toBe('');
  });
});

describe('WebSocket auth (§9.3)', () => {
  it('signs GET/realtime + expires and builds the auth op', () => {
    expect(wsAuthPrehash(1662350400000)).toBe('GET/realtime1662350400000');
    expect(wsAuthMessage(credentials, 1662350400000, '10001')).toEqual({
      req_id: '10001',
      op: 'auth',
      args: ['XXXXXXXXXX', 1662350400000, '8b523322f4d48349d3c003e0390c710db4cdf3d0d99c75a8a038ca96df0ea233'],
    });
  });
});

describe('the secret never leaks', () => {
  it('is absent from JSON, string and inspect forms', () => {
    for (const shown of [JSON.stringify(credentials), String(credentials), inspect(credentials), inspect({ nested: credentials })]) {
      expect(shown).toContain('XXXXXXXXXX');
      expect(shown).not.toContain(SECRET);
    }
  });

  it('is absent from every error, including for a bad secret, timestamp or recv window', () => {
    const failures = [
      () => new ApiCredentials('', SECRET),
      () => new ApiCredentials('key', ''),
      () => new ApiCredentials('key', 42 as unknown as string),
      () => signGet(credentials, {}, { timestamp: 1.5 }),
      () => signPost(credentials, '{}', { timestamp: 1, recvWindow: 0 }),
      () => wsAuthMessage(credentials, -1),
    ];
    for (const fail of failures) {
      let thrown: unknown;
      try {
        fail();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(`${(thrown as Error).message} ${inspect(thrown)}`).not.toContain(SECRET);
    }
    expect(() => signGet(credentials, {}, { timestamp: 1.5 })).toThrow('timestamp must be an integer >= 0, got 1.5');
  });
});
