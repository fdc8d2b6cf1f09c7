// The two composition roots of trading: paper (the live feed into a SimVenue) and live (the live feed and the Bybit venue) — the same session, only the venue differs.
import { ManualClock, type Clock } from '../../core/clock.js';
import type { Candle } from '../../domain/candle.js';
import { timeframeMs } from '../../domain/timeframe.js';
import type { BybotConfig } from '../../config/schema.js';
import type { BybitEndpoints } from '../../venues/bybit/client/endpoints.js';
import type { ApiCredentials } from '../../venues/bybit/sign.js';
import type { BybitVenue } from '../../venues/bybit/venue/bybit-venue.js';
import type { VenueNotice } from '../../venues/bybit/venue/options.js';
import { SimVenue } from '../../venues/sim/sim-venue.js';
import { venueFromConfig } from '../venue-check.js';
import type { Alert } from './alert.js';
import { TradingSession, type SessionOptions } from './session.js';

export type SessionPlan = Omit<SessionOptions, 'mode' | 'venue' | 'matchCandle' | 'unprotected'>;

const instrumentsOf = (plan: SessionPlan) => plan.runs.flatMap((run) => run.markets.map((m) => m.instrument));

/** Paper: fills simulated on the live candles by the same SimVenue a backtest uses. */
export function paperSession(plan: SessionPlan, leverage = 1): { session: TradingSession; venue: SimVenue } {
  // The simulated venue lives in market time, as in a backtest: an order counts from the close it was decided at.
  const marketClock = new ManualClock(0);
  const intervalOf = new Map(plan.runs.flatMap((run) => run.markets.map((m) => [m.instrument.symbol, timeframeMs(run.timeframe)] as const)));
  const venue = new SimVenue({ instruments: instrumentsOf(plan), initialEquity: plan.initialEquity, leverage, clock: marketClock });
  const matchCandle = (symbol: string, candle: Candle): void => {
    venue.processCandle(symbol, candle);
    const close = candle.time + (intervalOf.get(symbol) ?? 0);
    if (close > marketClock.now()) marketClock.set(close);
  };
  const session = new TradingSession({ ...plan, mode: 'paper', venue, matchCandle, engineClock: marketClock });
  return { session, venue };
}

export interface LivePlan extends SessionPlan {
  readonly credentials: ApiCredentials;
  /** Where orders go (REST and the private stream); market data comes from `endpoints`. */
  readonly venueEndpoints: BybitEndpoints;
  readonly bybit: BybotConfig['bybit'];
  readonly clock: Clock;
  readonly onNotice?: (notice: VenueNotice) => void;
}

/** The wallet by REST each safety round: the exchange reachable, and money left to margin new orders. */
async function walletChecks(venue: BybitVenue, clock: Clock): Promise<Alert[]> {
  const wallet = await venue.refreshWallet();
  const usdt = wallet?.coins.find((c) => c.coin === 'USDT');
  if (wallet === undefined || usdt === undefined) return [{ level: 'warn', code: 'noBalance', time: clock.now(), message: 'the wallet reports no USDT balance' }];
  if (!(usdt.equity > 0)) return [{ level: 'error', code: 'noEquity', time: clock.now(), message: `USDT equity is ${usdt.equity}: nothing left to trade with` }];
  return [];
}

/**
 * Live: the Bybit venue is started first — what the store says the last run left open, then key
 * check, margin, leverage, private stream and reconciliation (start-up after a crash is this same
 * path) — before the session sees a single candle.
 */
export async function liveSession(plan: LivePlan): Promise<{ session: TradingSession; venue: BybitVenue }> {
  const venue = venueFromConfig(plan.venueEndpoints, plan.credentials, instrumentsOf(plan), plan.bybit);
  if (plan.onNotice) venue.onNotice(plan.onNotice);
  // The session listens before the venue starts: what reconciliation finds (missed fills, positions) reaches the store and the engines.
  const session = new TradingSession({ ...plan, mode: 'live', venue, unprotected: () => venue.unprotected(), venueChecks: () => walletChecks(venue, plan.clock) });
  try {
    if (plan.store) {
      const recovery = await plan.store.loadRecovery();
      venue.restore(
        { orders: recovery.openOrders.map((o) => ({ request: o.request, filledQty: o.filledQty, orderId: o.orderId })), positions: recovery.positions },
        recovery.lastFillTime,
      );
    }
    await venue.start();
    await session.journal.idle();
    // A live account's money is what the exchange says, not a paper figure.
    const usdt = venue.wallet()?.coins.find((c) => c.coin === 'USDT');
    if (usdt !== undefined && usdt.walletBalance > 0) session.portfolio.rebase(usdt.walletBalance);
  } catch (error) {
    venue.close();
    throw error;
  }
  return { session, venue };
}
