// `bybot venue check`: the live venue's start-up on its own — key check, isolated margin and leverage, private stream, reconciliation — reported and closed again, nothing traded.
import { systemClock } from '../core/clock.js';
import type { BybotConfig } from '../config/schema.js';
import type { Instrument } from '../domain/instrument.js';
import type { PositionState } from '../domain/position.js';
import type { BybitEndpoints } from '../venues/bybit/client/endpoints.js';
import type { ApiCredentials } from '../venues/bybit/sign.js';
import { BybitVenue } from '../venues/bybit/venue/bybit-venue.js';
import type { VenueNotice } from '../venues/bybit/venue/options.js';
import type { ReconcileReport } from '../venues/bybit/venue/reconcile.js';

export interface VenueCheck {
  readonly endpoints: BybitEndpoints;
  readonly notices: readonly VenueNotice[];
  readonly report: ReconcileReport;
  readonly positions: Readonly<Record<string, PositionState>>;
  /** Symbols holding a position without a stop on the exchange (the guard would act after its confirm time). */
  readonly unprotected: readonly string[];
}

/** The leverage of one pair: its own setting, else the common one. */
export function leverageOf(bybit: BybotConfig['bybit'], symbol: string): number {
  return bybit.safety.leverageBySymbol[symbol] ?? bybit.safety.leverage;
}

export function venueFromConfig(endpoints: BybitEndpoints, credentials: ApiCredentials, instruments: readonly Instrument[], bybit: BybotConfig['bybit']): BybitVenue {
  return new BybitVenue({
    endpoints,
    credentials,
    instruments,
    clock: systemClock,
    leverage: Object.fromEntries(instruments.map((i) => [i.symbol, leverageOf(bybit, i.symbol)])),
    stopGuard: { confirmMs: bybit.safety.stopConfirmMs, policy: bybit.safety.stopFailurePolicy, retries: bybit.safety.stopRetries },
    orphans: bybit.safety.orphanOrders,
    restTimeoutMs: bybit.requestTimeoutMs,
  });
}

export async function checkVenue(venue: BybitVenue, endpoints: BybitEndpoints, symbols: readonly string[]): Promise<VenueCheck> {
  const notices: VenueNotice[] = [];
  venue.onNotice((notice) => notices.push(notice));
  try {
    const report = await venue.start();
    const positions = Object.fromEntries(symbols.map((symbol) => [symbol, venue.position(symbol)]));
    return { endpoints, notices, report, positions, unprotected: venue.unprotected() };
  } finally {
    venue.close();
  }
}
