import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.js';
import type { LocalExchange } from '../../bybit-server/index.js';
import { candles, flat, READER, SOL, startTestExchange, WITHDRAWER } from '../../bybit-server/test-support/fixtures.js';
import { exchangeExecIds, exchangeOrderLinkIds, exchangePosition, venueOn, waitFor, type Harness } from './test-support/harness.js';

let local: LocalExchange | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  harness?.venue.close();
  await local?.close();
  local = undefined;
  harness = undefined;
});

/** 10 quiet minutes at 100, then a slide to 94 and a rally to 106. */
const PATH = candles([...flat(10), [100, 100.2, 97, 97.5], [97.5, 97.6, 94, 94.5], ...flat(5, 94.5), [94.5, 101, 94.4, 100.8], [100.8, 106, 100.7, 105.5], ...flat(20, 105.5)]);

async function started(options: Parameters<typeof venueOn>[1] = {}): Promise<Harness> {
  local = await startTestExchange(PATH);
  local.advance(2);
  harness = venueOn(local, options);
  await harness.venue.start();
  return harness;
}

describe('BybitVenue against the local exchange', () => {
  it('refuses a key that can withdraw, and warns about a read-only key', async () => {
    local = await startTestExchange(PATH);
    const withdrawer = venueOn(local, {}, WITHDRAWER);
    await expect(withdrawer.venue.start()).rejects.toThrow(ConfigError);
    await expect(withdrawer.venue.start()).rejects.toThrow(/Withdraw permission/);
    withdrawer.venue.close();
    harness = venueOn(local, {}, READER);
    await harness.venue.start();
    expect(harness.notices.map((n) => n.code)).toContain('readOnlyKey');
  });

  it('enters with the stop attached: accepted, filled, position and stop on the exchange, nothing for the guard to do', async () => {
    const { venue, events, notices } = await started();
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 95 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 2);
    expect(events.map((e) => e.type)).toEqual(['orderAccepted', 'orderFilled', 'positionChanged']);
    expect(await exchangePosition(local!)).toMatchObject({ size: 2, stopLoss: 95 });
    // The wallet topic followed the fill: the fee is gone from the balance.
    await waitFor('the wallet update', () => (venue.wallet()?.coins[0]?.walletBalance ?? 10_000) < 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(notices.filter((n) => n.code.startsWith('stop'))).toEqual([]);
    expect(venue.unprotected()).toEqual([]);
  });

  it("reports the exchange's stop-loss closing the position", async () => {
    const { venue, events } = await started();
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 95 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 2);
    local!.advance(10);
    await waitFor('the stop-loss fill', () => venue.position(SOL).size === 0);
    const exit = events.filter((e) => e.type === 'orderFilled').at(-1)!;
    expect(exit).toMatchObject({ fill: { side: 'sell', qty: 2, cause: 'stopLoss' } });
    const closed = events.filter((e) => e.type === 'positionChanged').at(-1)!;
    expect(closed.type === 'positionChanged' && closed.realisedPnl).toBeLessThan(0);
  });

  it('a stop move that arrives after the position closed is noted, not reported as a failure', async () => {
    const { venue, notices } = await started();
    // As a position monitor's trailing move racing the exchange's stop: the exchange refuses it for a zero position.
    venue.setTradingStop(SOL, { stopLoss: 99 });
    await waitFor('the refusal', () => notices.some((n) => n.code === 'tradingStopMoot' || n.code === 'requestFailed'));
    expect(notices.filter((n) => n.code === 'requestFailed')).toEqual([]);
    expect(notices.find((n) => n.code === 'tradingStopMoot')).toMatchObject({ level: 'info', symbol: SOL, message: expect.stringMatching(/zero position/) });
    // With a position open, a refused change is still a failure worth an alert.
    const { events } = harness!;
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 95 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 2);
    venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 101 });
    await waitFor('the failure', () => notices.some((n) => n.code === 'requestFailed'));
    expect(notices.find((n) => n.code === 'requestFailed')?.message).toMatch(/tpSize is required/);
  });

  it('a ladder rung the price has already passed is taken at market, not lost', async () => {
    const { venue, events, notices } = await started();
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 95 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 2);
    // The last price is 100: a long's take-profit at 99.5 is refused by the exchange.
    venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 99.5, tpSize: 0.5 });
    await waitFor('the notice', () => notices.some((n) => n.code === 'takeProfitPassed'));
    expect(notices.find((n) => n.code === 'takeProfitPassed')).toMatchObject({ level: 'warn', symbol: SOL, message: expect.stringMatching(/take-profit 99.5 for 0.5 refused.*should be higher.*0.5 taken at market/) });
    // The market order for the rung reaches the exchange after the notice: the next candle fills it.
    await waitFor('the market order', () => events.some((e) => e.type === 'orderAccepted' && e.order.reduceOnly === true && e.order.qty === 0.5));
    local!.advance(1);
    await waitFor('the rung taken', () => venue.position(SOL).size === 1.5);
    expect(events.filter((e) => e.type === 'orderFilled').at(-1)).toMatchObject({ order: { side: 'sell', qty: 0.5, reduceOnly: true } });
    expect(await exchangePosition(local!)).toMatchObject({ size: 1.5, stopLoss: 95 });
    expect(notices.filter((n) => n.code === 'requestFailed')).toEqual([]);
  });

  it('takes profit in a ladder of Partial trading-stops and moves the stop; fills match the exchange one for one', async () => {
    const { venue, events } = await started();
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 2, stopLoss: 93 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 2);
    venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 101, tpSize: 1 });
    venue.setTradingStop(SOL, { tpslMode: 'Partial', takeProfit: 105, tpSize: 1 });
    venue.setTradingStop(SOL, { stopLoss: 92 });
    await waitFor('the stop moved', async () => (await exchangePosition(local!)).stopLoss === 92);
    local!.advance(20);
    await waitFor('both rungs', () => venue.position(SOL).size === 0, 6000);
    const exits = events.filter((e) => e.type === 'orderFilled' && e.fill.side === 'sell');
    expect(exits.map((e) => e.type === 'orderFilled' && e.fill.price)).toEqual([101, 105]);
    const fills = events.filter((e) => e.type === 'orderFilled').length;
    expect(fills).toBe((await exchangeExecIds(local!)).length);
  });

  it('sets a trailing stop, closes a position and flattens, cancelling resting orders', async () => {
    const { venue, events } = await started();
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 1, stopLoss: 95 });
    venue.submit({ clientId: 'resting-1', symbol: SOL, side: 'buy', type: 'limit', qty: 1, price: 90 });
    await waitFor('both accepted', () => events.filter((e) => e.type === 'orderAccepted').length === 2);
    local!.advance(1);
    await waitFor('the fill', () => venue.position(SOL).size === 1);
    venue.setTradingStop(SOL, { trailingStop: 2 });
    await waitFor('the trailing stop', async () => (await exchangePosition(local!)).trailingStop === 2);
    await venue.flatten();
    local!.advance(1);
    await waitFor('flat', () => venue.position(SOL).size === 0);
    await waitFor('the resting order cancelled', () => events.some((e) => e.type === 'orderCancelled' && e.order.clientId === 'resting-1'));
    expect((await exchangePosition(local!)).size).toBe(0);
    expect(new Set(await exchangeOrderLinkIds(local!))).toContain('resting-1');
  });

  it('after the private stream drops, reconnects, reconciles and applies the fill it missed', async () => {
    const { venue, events, notices } = await started({ confirmMs: 60_000 });
    venue.submit({ clientId: 'entry-1', symbol: SOL, side: 'buy', type: 'market', qty: 1, stopLoss: 95 });
    await waitFor('acceptance', () => events.some((e) => e.type === 'orderAccepted'));
    local!.streamFaults.silencePrivate = true;
    local!.advance(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(venue.position(SOL).size).toBe(0);
    local!.streamFaults.silencePrivate = false;
    local!.streamFaults.closeAll();
    await waitFor('reconciliation', () => notices.some((n) => n.code === 'reconciled' && notices.some((m) => m.code === 'reconnected')), 6000);
    await waitFor('the missed fill', () => venue.position(SOL).size === 1);
    expect(events.filter((e) => e.type === 'orderFilled')).toHaveLength(1);
  });
});
