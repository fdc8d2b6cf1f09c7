// A simulated venue wired for scenario tests: one call sets it up, events are recorded, fills read back as plain rows.
import { ManualClock } from '../../../core/clock.js';
import { SOLUSDT_DEFAULT, type Instrument } from '../../../domain/instrument.js';
import type { OrderRequest } from '../../../domain/order.js';
import type { VenueEvent } from '../../../domain/venue-events.js';
import { SimVenue, type SimCandle, type SimVenueOptions } from '../sim-venue.js';

export const SOL = 'SOLUSDT';
export const MINUTE = 60_000;

/** A candle as [open, high, low, close] or [open, high, low, close, volume] (volume 1000 unless given). */
export type Row = readonly [number, number, number, number] | readonly [number, number, number, number, number];

function toCandle([open, high, low, close, volume]: Row, time: number): SimCandle {
  return { time, open, high, low, close, volume: volume ?? 1000 };
}

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
    candles(...rows: Row[]): void {
      for (const row of rows) {
        venue.processCandle(SOL, toCandle(row, clock.now()));
        clock.advance(MINUTE);
      }
    },
    /**
     * Feeds one minute candle with finer `detail` candles (evenly spaced inside the minute) and/or the
     * `mark` price candle of the same minute, then advances the clock a minute.
     */
    candle(row: Row, extra: { detail?: readonly Row[]; mark?: Row }): void {
      const time = clock.now();
      const detail = extra.detail?.map((d, i, all) => toCandle(d, time + (i * MINUTE) / all.length));
      venue.processCandle(SOL, toCandle(row, time), detail, extra.mark && toCandle(extra.mark, time));
      clock.advance(MINUTE);
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
