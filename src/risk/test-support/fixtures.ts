// Small builders for risk tests: a calm 10,000 USDT account on SOLUSDT (tick 0.01, lot 0.1) unless a test says otherwise.
import { InstrumentRules, SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import type { Intent } from '../../domain/intent.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import type { Signal } from '../../domain/signal.js';
import type { OpenPosition, RiskView } from '../risk-view.js';

export const SOL = new InstrumentRules(SOLUSDT_DEFAULT);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A UTC time on 2024-03-01 (or another day): utc('10:05'), utc('00:00', '2024-03-02'). */
export function utc(clock: string, day = '2024-03-01'): number {
  return Date.parse(`${day}T${clock}:00Z`);
}

export const T0 = utc('10:00');

export function view(overrides: Partial<RiskView> = {}): RiskView {
  return {
    time: T0,
    strategy: 'density',
    symbol: 'SOLUSDT',
    equity: 10_000,
    balance: 10_000,
    peakEquity: 10_000,
    positions: [],
    recentTrades: [],
    price: 100,
    atr: 1.6,
    baseAtr: 1.6,
    correlations: {},
    oneMinuteMove: 0,
    symbolActive: true,
    ...overrides,
  };
}

export type EnterIntent = Extract<Intent, { kind: 'enter' }>;

/** A long market entry at 100 with its stop 2 % away (1.25 ATR of 1.6). */
export function enter(overrides: Partial<EnterIntent> = {}): EnterIntent {
  return { kind: 'enter', side: 'long', qty: 1, stopLoss: 98, ...overrides };
}

export function signal(overrides: Partial<Signal> = {}): Signal {
  return { strategy: 'density', symbol: 'SOLUSDT', time: T0, side: 'long', strength: 1, factors: [], ...overrides };
}

export function position(overrides: Partial<OpenPosition> = {}): OpenPosition {
  return { symbol: 'BTCUSDT', side: 'long', size: 0.01, entryPrice: 50_000, stopLoss: 49_000, notional: 500, ...overrides };
}

export function trade(pnl: number, exitTime = T0): RoundTrip {
  return {
    side: 'long',
    entryTime: exitTime - 10 * MINUTE,
    exitTime,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    quantity: 1,
    fees: 0,
    funding: 0,
    slippage: 0,
    pnl,
    exitReason: pnl < 0 ? 'stop-loss' : 'take-profit',
  };
}

/** `wins` winning trades of `win` and `losses` losing trades of `loss` (positive), interleaved. */
export function trades(wins: number, win: number, losses: number, loss: number): RoundTrip[] {
  const list: RoundTrip[] = [];
  for (let i = 0; i < Math.max(wins, losses); i++) {
    if (i < wins) list.push(trade(win, T0 + list.length * MINUTE));
    if (i < losses) list.push(trade(-loss, T0 + list.length * MINUTE));
  }
  return list;
}
