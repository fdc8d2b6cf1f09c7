import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { bybitEndpoints } from './bybit-endpoints.js';
import { leverageOf } from './venue-check.js';

const bybit = (settings: Record<string, unknown>) => configSchema.parse({ bybit: settings }).bybit;

describe('bybitEndpoints', () => {
  it('mainnet by default, testnet with the testnet flag, demo by name', () => {
    expect(bybitEndpoints(bybit({}))).toEqual({ rest: 'https://api.bybit.com', publicLinear: 'wss://stream.bybit.com/v5/public/linear', privateStream: 'wss://stream.bybit.com/v5/private' });
    expect(bybitEndpoints(bybit({ testnet: true })).privateStream).toBe('wss://stream-testnet.bybit.com/v5/private');
    const demo = bybitEndpoints(bybit({ network: 'demo' }));
    expect(demo.rest).toBe('https://api-demo.bybit.com');
    // Demo trading has no public stream of its own: mainnet's market data.
    expect(demo.publicLinear).toBe('wss://stream.bybit.com/v5/public/linear');
    expect(demo.privateStream).toBe('wss://stream-demo.bybit.com/v5/private');
  });

  it('any exchange URL wins, its streams on the same host', () => {
    expect(bybitEndpoints(bybit({ network: 'mainnet', exchangeUrl: 'http://127.0.0.1:4100' }))).toEqual({
      rest: 'http://127.0.0.1:4100',
      publicLinear: 'ws://127.0.0.1:4100/v5/public/linear',
      privateStream: 'ws://127.0.0.1:4100/v5/private',
    });
  });

  it('refuses an unknown network and a URL that is not http(s), naming the value', () => {
    expect(() => bybit({ network: 'moon' })).toThrow(/network/);
    expect(() => bybit({ exchangeUrl: 'ftp://x' })).toThrow(/http/);
  });

  it('has safe defaults for the stop guard', () => {
    expect(bybit({}).safety).toEqual({ stopConfirmMs: 3000, stopFailurePolicy: 'retry', stopRetries: 3, orphanOrders: 'cancel', leverage: 1, leverageBySymbol: {}, maxExposure: 3 });
  });

  it("takes a pair's own leverage over the common one, and refuses a malformed symbol", () => {
    const settings = bybit({ safety: { leverage: 2, leverageBySymbol: { SOLUSDT: 3 } } });
    expect(leverageOf(settings, 'SOLUSDT')).toBe(3);
    expect(leverageOf(settings, 'ETHUSDT')).toBe(2);
    expect(() => bybit({ safety: { leverageBySymbol: { 'sol-usdt': 3 } } })).toThrow(/upper-case symbol/);
  });
});
