// query-api: the calling key and its permissions in the reference shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../index.js';
import { get } from '../test-support/client.js';
import { READER, startTestExchange, TRADER, WITHDRAWER } from '../test-support/fixtures.js';
import { EXAMPLES } from '../test-support/reference-examples.js';
import { shapeDiff } from '../test-support/shape.js';

let exchange: LocalExchange;
beforeAll(async () => {
  exchange = await startTestExchange();
});
afterAll(() => exchange.close());

describe('/v5/user/query-api', () => {
  it('reports the calling key in the reference shape, its secret always ""', async () => {
    const { body } = await get(exchange, TRADER, '/v5/user/query-api');
    expect(shapeDiff(body, EXAMPLES.queryApi)).toEqual([]);
    expect(body.retMsg).toBe('');
    expect(body.result).toMatchObject({ apiKey: TRADER.key, secret: '', readOnly: 0, note: 'tests', permissions: { ContractTrade: ['Order', 'Position'], Wallet: [] } });
  });

  it('shows read-only keys and keys that may withdraw, so a client can refuse them', async () => {
    expect((await get(exchange, READER, '/v5/user/query-api')).body.result.readOnly).toBe(1);
    expect((await get(exchange, WITHDRAWER, '/v5/user/query-api')).body.result.permissions.Wallet).toEqual(['AccountTransfer', 'Withdraw']);
  });
});
