// A simulated venue wired for scenario tests: one call sets it up, events are recorded, fills read back as plain rows.
import { ManualClock } from '../../../core/clock.js';
import { SOLUSDT_DEFAULT, type Instrument } from '../../../domain/instrument.js';
import type { OrderRequest } from '../../../domain/order.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import { SimVenue, type SimCandle, type SimVenueOptions } from '../sim-venue.js';

export const SOL = 'SOLUSDT';

export function scenario(options: Partial<SimVenueOptions> & { instruments?: readonly Instrument[] } = {}) {
  const clock = new ManualClock(0);
  const venue = new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 10_000, clock, ...options });
  const events: VenueEvent[] = [];
  venue.onEvent((event) => events.push(event));
  let id = 0;
  return {
    venue,
    events,
    clock,
    /** Submits with a generated client id unless one is given. */
    submit(order: Omit<OrderRequest, 'clientId' | 'symbol'> & { clientId?: string; symbol?: string }): string {
      const clientId = order.clientId ?? `o${++id}`;
      venue.submit({ symbol: SOL, ...order, clientId });
      return clientId;
    },
    /** Feeds candles of SOLUSDT given as [open, high, low, close] (volume 1000), one minute apart. */
    candles(...rows: Array<[number, number, number, number] | [number, number, number, number, number]>): void {
      for (const [open, high, low, close, volume] of rows) {
        const candle: SimCandle = { time: clock.now(), open, high, low, close, volume: volume ?? 1000 };
        venue.processCandle(SOL, candle);
        clock.advance(60_000);
      }
    },
    fills() {
      return events.flatMap((e) =>
        e.type === 'orderFilled'
          ? [{ id: e.fill.clientId, side: e.fill.side, qty: e.fill.qty, price: e.fill.price, fee: round(e.fill.fee), maker: e.fill.maker, cause: e.fill.cause }]
          : [],
      );
    },
    types(): string[] {
      return events.map((e) => e.type);
    },
    rejections() {
      return events.flatMap((e) => (e.type === 'orderRejected' ? [{ code: e.code, reason: e.reason }] : []));
    },
    clear(): void {
      events.length = 0;
    },
  };
}

/** Money compared to 1e-9: the float noise of a product, not a rounding policy. */
export function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
