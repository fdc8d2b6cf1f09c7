// Sample orders, fills, positions and trades for the store tests.
import type { OrderRequest, OrderState } from '../../domain/order.js';
import type { Signal } from '../../domain/signal.js';
import type { StoredFill, TradeRecord } from '../../ports/store.js';

export const T0 = Date.UTC(2025, 4, 1);

export function request(clientId: string, overrides: Partial<OrderRequest> = {}): OrderRequest {
  return { clientId, symbol: 'SOLUSDT', side: 'buy', type: 'limit', qty: 1.5, price: 150.25, timeInForce: 'GTC', stopLoss: 145.1, ...overrides };
}

export function orderState(clientId: string, overrides: Partial<OrderState> = {}): OrderState {
  return { ...request(clientId), orderId: `venue-${clientId}`, status: 'New', filledQty: 0, avgFillPrice: NaN, createdTime: T0, updatedTime: T0, ...overrides };
}

export function fill(execId: string, overrides: Partial<StoredFill> = {}): StoredFill {
  return { execId, orderId: 'venue-a', clientId: 'a', symbol: 'SOLUSDT', side: 'buy', price: 150.25, qty: 0.5, fee: 0.0413, maker: true, time: T0 + 1000, cause: 'order', ...overrides };
}

export function trade(overrides: Partial<TradeRecord> = {}): TradeRecord {
  return {
    symbol: 'SOLUSDT',
    side: 'long',
    entryTime: T0,
    exitTime: T0 + 60_000,
    entryPrice: 150.25,
    exitPrice: 152.1,
    quantity: 1.5,
    fees: 0.18,
    funding: -0.01,
    slippage: 0.02,
    pnl: 2.605,
    exitReason: 'takeProfit',
    ...overrides,
  };
}

export function signal(overrides: Partial<Signal> = {}): Signal {
  return {
    strategy: 'breakout',
    symbol: 'SOLUSDT',
    time: T0,
    side: 'long',
    strength: 0.7,
    factors: [{ name: 'volume z-score', value: 2.1, threshold: 0.5, passed: true, weight: 0.4 }],
    level: 149.9,
    ...overrides,
  };
}
