// Where a Bybit environment lives: REST base URL and the public-linear and private WebSocket URLs of mainnet, testnet, demo or any URL.
import { describeValue, InputError } from '../../../core/errors.js';

export type BybitNetwork = 'mainnet' | 'testnet' | 'demo';

export interface BybitEndpoints {
  readonly rest: string;
  /** Public USDT-perpetual streams (orderbook, publicTrade, kline, tickers, allLiquidation). */
  readonly publicLinear: string;
  /** Private streams (order, execution, position, wallet). */
  readonly privateStream: string;
}

const NETWORKS: Readonly<Record<BybitNetwork, BybitEndpoints>> = {
  mainnet: { rest: 'https://api.bybit.com', publicLinear: 'wss://stream.bybit.com/v5/public/linear', privateStream: 'wss://stream.bybit.com/v5/private' },
  testnet: { rest: 'https://api-testnet.bybit.com', publicLinear: 'wss://stream-testnet.bybit.com/v5/public/linear', privateStream: 'wss://stream-testnet.bybit.com/v5/private' },
  // Demo trading has its own REST and private host; its public data is mainnet's.
  demo: { rest: 'https://api-demo.bybit.com', publicLinear: 'wss://stream.bybit.com/v5/public/linear', privateStream: 'wss://stream-demo.bybit.com/v5/private' },
};

/** The endpoints of a named Bybit network. */
export function networkEndpoints(network: BybitNetwork): BybitEndpoints {
  const endpoints = NETWORKS[network];
  if (endpoints === undefined) throw new InputError(`network must be one of ${Object.keys(NETWORKS).join(', ')}, got ${describeValue(network)}`);
  return endpoints;
}

/**
 * The endpoints of an exchange at `url` that serves Bybit's paths itself (the local exchange, a proxy):
 * REST at the URL, streams at ws(s)://same-host/v5/public/linear and /v5/private.
 */
export function urlEndpoints(url: string): BybitEndpoints {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`exchange URL must be an http(s) URL, got ${describeValue(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InputError(`exchange URL must be an http(s) URL, got ${describeValue(url)}`);
  const ws = `${parsed.protocol === 'https:' ? 'wss' : 'ws'}://${parsed.host}`;
  return { rest: `${parsed.protocol}//${parsed.host}`, publicLinear: `${ws}/v5/public/linear`, privateStream: `${ws}/v5/private` };
}
