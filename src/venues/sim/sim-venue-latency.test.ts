import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.js';
import { SOLUSDT_DEFAULT } from '../../domain/instrument.js';
import { SimVenue } from './sim-venue.js';
import { MINUTE, scenario, SOL } from './test-support/scenario.js';

const WARM = [100, 100, 100, 100] as const;
/** Four 15-second candles inside one minute: opens 100, 100.6, 101.2, 100.9. */
const QUARTERS = [
  [100, 100.5, 99.9, 100.6],
  [100.6, 101.2, 100.5, 101.2],
  [101.2, 101.4, 100.8, 100.9],
  [100.9, 101, 100.7, 100.8],
] as const;
const MINUTE_OF_QUARTERS = [100, 101.4, 99.9, 100.8] as const;

/** A venue with `latencyMs` that has seen two candles (so it knows they are a minute long); the clock stands at the next candle's open. */
function delayed(latencyMs: number) {
  const s = scenario({ latencyMs });
  s.candles(WARM, WARM);
  return s;
}

describe('latency between decision and fill', () => {
  it('fills a market order at the open when the latency is shorter than the candle (without detail)', () => {
    const s = delayed(500);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles([101, 102, 100.5, 101.5]);
    expect(s.fills()).toMatchObject([{ qty: 10, price: 101 }]);
  });

  it('fills at the open of the detail candle the order arrives in', () => {
    const s = delayed(20_000); // arrives 20 s into the minute: in the second quarter
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candle(MINUTE_OF_QUARTERS, { detail: QUARTERS });
    expect(s.fills()).toEqual([{ id: 'o1', side: 'buy', qty: 10, price: 100.6, fee: 0.5533, maker: false, cause: 'order' }]);
  });

  it('fills in the candle that contains submit time + latency when the latency spans whole candles', () => {
    const s = delayed(60_000);
    s.submit({ side: 'buy', type: 'market', qty: 10 });
    s.candles([101, 102, 100.5, 101.5]);
    expect(s.fills()).toEqual([]);
    expect(s.venue.openOrders(SOL)).toMatchObject([{ clientId: 'o1', status: 'New' }]);
    s.candles([102, 102.5, 101.5, 102]);
    expect(s.fills()).toMatchObject([{ qty: 10, price: 102 }]);
  });

  it('lets a resting limit meet only the prices after its arrival', () => {
    const s = delayed(20_000);
    s.submit({ side: 'buy', type: 'limit', qty: 10, price: 99.95 });
    // The first quarter dips to 99.9, before the order arrives; later quarters stay above 100.5.
    s.candle(MINUTE_OF_QUARTERS, { detail: QUARTERS });
    expect(s.fills()).toEqual([]);
  });

  it('takes effect of a cancel only once it arrives: an order filled before then stays filled', () => {
    const s = delayed(20_000);
    s.clock.advance(-MINUTE);
    s.submit({ clientId: 'bid', side: 'buy', type: 'limit', qty: 10, price: 99.95 });
    s.clock.advance(MINUTE);
    s.venue.cancel(SOL, 'bid'); // arrives in the second quarter; the first already trades at 99.9
    expect(s.types()).toEqual(['orderAccepted']);
    s.candle(MINUTE_OF_QUARTERS, { detail: QUARTERS });
    expect(s.fills()).toMatchObject([{ id: 'bid', qty: 10, price: 99.95, maker: true }]);
    expect(s.types()).toEqual(['orderAccepted', 'orderFilled', 'positionChanged']);
  });

  it('cancels before a later fill when the cancel arrives first', () => {
    const s = delayed(20_000);
    s.clock.advance(-MINUTE);
    s.submit({ clientId: 'ask', side: 'sell', type: 'limit', qty: 10, price: 101.3 });
    s.clock.advance(MINUTE);
    s.venue.cancel(SOL, 'ask'); // arrives in the second quarter
    s.candle(MINUTE_OF_QUARTERS, { detail: QUARTERS }); // 101.4 trades in the third quarter, after the cancel
    expect(s.fills()).toEqual([]);
    expect(s.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'ask', filledQty: 0 }, reason: 'cancelled by request' });
  });

  it('without detail: a gap through a resting limit at the open beats a cancel sent at the close; a later cross does not', () => {
    const gap = delayed(500);
    gap.submit({ clientId: 'bid', side: 'buy', type: 'limit', qty: 10, price: 99 });
    gap.candles(WARM);
    gap.venue.cancel(SOL, 'bid');
    gap.candles([98.5, 99.5, 98, 99]);
    expect(gap.fills()).toMatchObject([{ id: 'bid', price: 98.5 }]);

    const cross = delayed(500);
    cross.submit({ clientId: 'bid', side: 'buy', type: 'limit', qty: 10, price: 99 });
    cross.candles(WARM);
    cross.venue.cancel(SOL, 'bid');
    cross.candles([99.5, 99.6, 98, 99]);
    expect(cross.fills()).toEqual([]);
    expect(cross.events.at(-1)).toMatchObject({ type: 'orderCancelled', order: { clientId: 'bid' } });
  });

  it('fills a market order cancelled right after it was sent: it reached the exchange first', () => {
    const s = delayed(500);
    s.submit({ clientId: 'now', side: 'buy', type: 'market', qty: 10 });
    s.venue.cancel(SOL, 'now');
    s.candles([101, 102, 100.5, 101.5]);
    expect(s.fills()).toMatchObject([{ id: 'now', qty: 10, price: 101 }]);
  });

  it('cancels at once when there is no latency', () => {
    const s = delayed(0);
    s.submit({ clientId: 'bid', side: 'buy', type: 'limit', qty: 10, price: 99 });
    s.venue.cancel(SOL, 'bid');
    expect(s.types()).toEqual(['orderAccepted', 'orderCancelled']);
  });

  it('refuses a latency that is not a number of milliseconds from 0 to 60000', () => {
    const make = (latencyMs: number) => () => new SimVenue({ instruments: [SOLUSDT_DEFAULT], initialEquity: 1000, clock: new ManualClock(0), latencyMs });
    expect(make(-1)).toThrow('latencyMs must be a number of milliseconds from 0 to 60000, got -1');
    expect(make(Number.NaN)).toThrow('got NaN');
    expect(make(60_001)).toThrow('got 60001');
    expect(make(60_000)).not.toThrow();
  });
});
