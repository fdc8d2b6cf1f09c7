import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import type { Trade } from '../domain/trade.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { MIN, runScenario, scripted, series, T0, type Row } from './test-support/scripted.js';

const flat = (price: number): Row => [price, price, price, price];

describe('the backtest loop: what a strategy sees', () => {
  it('shows only closed candles, newest first, read in place', () => {
    const seen: Array<{ time: number; length: number; close0: number; close1?: number }> = [];
    runScenario([flat(100), flat(101), flat(102)], scripted({}, {}, (ctx) => {
      seen.push({ time: ctx.time, length: ctx.candles.length, close0: ctx.candles.close(0), ...(ctx.candles.length > 1 ? { close1: ctx.candles.back(1).close } : {}) });
      expect(() => ctx.candles.close(ctx.candles.length)).toThrow(RangeError);
    }));
    expect(seen).toEqual([
      { time: T0, length: 1, close0: 100 },
      { time: T0 + 5 * MIN, length: 2, close0: 101, close1: 100 },
      { time: T0 + 10 * MIN, length: 3, close0: 102, close1: 101 },
    ]);
  });

  it('caps what can be read back at the lookback', () => {
    const lengths: number[] = [];
    const rows = [flat(1), flat(2), flat(3), flat(4)];
    const strategy = scripted({}, {}, (ctx) => lengths.push(ctx.candles.length));
    runScenario(rows, strategy, {});
    expect(lengths).toEqual([1, 2, 3, 4]);
  });

  it('a higher timeframe candle appears when its last 5m candle closes, aggregated, never earlier', () => {
    const rows: Row[] = [
      [10, 12, 9, 11],
      [11, 15, 10, 14],
      [14, 14, 8, 9],
      [9, 10, 9, 10],
    ];
    const views: Array<{ length: number; last?: { time: number; open: number; high: number; low: number; close: number; volume: number } }> = [];
    runScenario(rows, scripted({}, {}, (ctx) => {
      const q = ctx.candlesOf('15m');
      views.push({ length: q.length, ...(q.length > 0 ? { last: { time: q.time(0), open: q.open(0), high: q.high(0), low: q.low(0), close: q.close(0), volume: q.volume(0) } } : {}) });
    }), { needs: { timeframes: ['15m'] } });
    const bar = { time: T0, open: 10, high: 15, low: 8, close: 9, volume: 3000 };
    expect(views).toEqual([{ length: 0 }, { length: 0 }, { length: 1, last: bar }, { length: 1, last: bar }]);
  });

  it('another symbol as context, aligned on close times; undeclared or missing series are clear errors', () => {
    const btc = series([flat(50_000), flat(50_100), flat(50_200)]);
    const seen: number[] = [];
    runScenario([flat(100), flat(101), flat(102)], scripted({}, {}, (ctx) => {
      seen.push(ctx.candlesOf('5m', 'BTCUSDT').close(0));
      expect(() => ctx.candlesOf('1h')).toThrow(/not declared/);
    }), { needs: { symbols: [{ symbol: 'BTCUSDT', timeframe: '5m' }] }, context: [{ symbol: 'BTCUSDT', timeframe: '5m', candles: btc }] });
    expect(seen).toEqual([50_000, 50_100, 50_200]);
    expect(() => runScenario([flat(100)], scripted({}), { needs: { symbols: [{ symbol: 'BTCUSDT', timeframe: '5m' }] } })).toThrow(InputError);
    expect(() => runScenario([flat(100)], scripted({}), { needs: { timeframes: ['3m'] } })).toThrow(/whole multiple of 5m/);
  });
});

describe('the backtest loop: hooks', () => {
  it('onStart before the first candle, onFill on each fill, onPositionClosed with the round trip; their intents act at the close', () => {
    const calls: string[] = [];
    const closed: RoundTrip[] = [];
    const strategy = scripted(
      { 0: [{ kind: 'enter', side: 'long', qty: 1, reason: 'test' }], 2: [{ kind: 'exit', reason: 'done' }] },
      {
        onStart: (ctx) => {
          calls.push(`start:${ctx.candles.length}`);
        },
        onFill: (ctx, fill) => {
          calls.push(`fill:${fill.side}@${fill.price}`);
        },
        onPositionClosed: (ctx, trade) => {
          closed.push(trade);
          calls.push(`closed:${ctx.position.size}`);
          // A re-entry asked for here goes out at the candle's close and fills at the next open.
          return [{ kind: 'enter', side: 'short', qty: 2 }];
        },
      },
      (ctx, i) => calls.push(`candle${i}:${ctx.position.size}`),
    );
    const run = runScenario([flat(100), flat(101), flat(102), flat(103), flat(104)], strategy);
    expect(calls).toEqual(['start:0', 'candle0:0', 'fill:buy@101', 'candle1:1', 'candle2:1', 'fill:sell@103', 'closed:0', 'candle3:0', 'fill:sell@104', 'candle4:-2', 'fill:buy@104', 'closed:0']);
    // The end of the data closes the short, and the strategy hears of it like any other close.
    expect(closed).toHaveLength(2);
    expect(closed[0]).toMatchObject({ side: 'long', entryPrice: 101, exitPrice: 103, quantity: 1, pnl: 2, exitReason: 'done' });
    // The short opened from the hook is closed at the end of the data.
    expect(run.trades.map((t) => [t.side, t.exitReason])).toEqual([['long', 'done'], ['short', 'end of data']]);
  });

  it('onForming sees the candle as it forms from the 1m detail, and its intents act from the next 1m candle', () => {
    // One 5m candle made of five 1m candles; a second 5m candle to close into.
    const oneMinute = series([[100, 101, 99, 100.5], [100.5, 102, 100, 101.5], [101.5, 103, 101, 102.5], [102.5, 103, 102, 102], [102, 102.5, 101, 101], flat(101), flat(101), flat(101), flat(101), flat(101)], MIN);
    const formed: Array<[number, number, number, number, number]> = [];
    const fills: number[] = [];
    const strategy = scripted({}, {
      onForming: (ctx, candle) => {
        formed.push([candle.open, candle.high, candle.low, candle.close, candle.volume]);
        expect(candle.closed).toBe(false);
        expect(ctx.candles.length).toBe(ctx.time < T0 + 5 * MIN ? 0 : 1);
        return formed.length === 2 ? [{ kind: 'enter', side: 'long', qty: 1 }] : [];
      },
      onFill: (ctx, fill) => void fills.push(fill.price),
    });
    runScenario([[100, 103, 99, 101], flat(101)], strategy, { detail: oneMinute });
    expect(formed.slice(0, 4)).toEqual([
      [100, 101, 99, 100.5, 1000],
      [100, 102, 99, 101.5, 2000],
      [100, 103, 99, 102.5, 3000],
      [100, 103, 99, 102, 4000],
    ]);
    // Asked after the second 1m candle: filled at the third one's open, not at the next 5m open.
    expect(fills[0]).toBe(101.5);
  });

  it('delivers the trades of a candle to onTrade before its onCandle, at their own times, only when declared', () => {
    const trade = (time: number, price: number): Trade => ({ symbol: 'SOLUSDT', time, price, size: 1, side: 'buy', id: String(time) });
    const tape = [trade(T0 + 1000, 100.1), trade(T0 + 5 * MIN + 10, 100.2), trade(T0 + 5 * MIN + 20, 100.3), trade(T0 + 20 * MIN, 99)];
    const log: string[] = [];
    const strategy = scripted({}, { onTrade: (ctx, t) => void log.push(`trade ${t.price} at ${ctx.time - T0}`) }, (ctx) => log.push(`candle at ${ctx.time - T0}`));
    runScenario([flat(100), flat(100), flat(100)], strategy, { trades: tape, needs: { trades: true } });
    expect(log).toEqual(['trade 100.1 at 1000', 'candle at 0', 'trade 100.2 at 300010', 'trade 100.3 at 300020', 'candle at 300000', 'candle at 600000']);
    const quiet: string[] = [];
    runScenario([flat(100)], scripted({}, { onTrade: () => void quiet.push('trade') }), { trades: tape });
    expect(quiet).toEqual([]);
  });

  it('keeps an order book from the messages and shows it to onBook in time order with the trades', () => {
    const snapshot = { kind: 'snapshot' as const, symbol: 'SOLUSDT', time: T0 + 100, updateId: 10, seq: 1, bids: [[99.9, 5]] as [number, number][], asks: [[100.1, 4]] as [number, number][] };
    const delta = { kind: 'delta' as const, symbol: 'SOLUSDT', time: T0 + 5 * MIN + 100, updateId: 11, seq: 2, bids: [[100, 2]] as [number, number][], asks: [] as [number, number][] };
    const gap = { ...delta, time: T0 + 5 * MIN + 200, updateId: 20, bids: [[100.05, 1]] as [number, number][] };
    const trade: Trade = { symbol: 'SOLUSDT', time: T0 + 5 * MIN + 150, price: 100, size: 1, side: 'sell', id: 't' };
    const log: string[] = [];
    const strategy = scripted({}, { onBook: (ctx, book) => void log.push(`book ${book.bestBid()}/${book.bestAsk()} at ${ctx.time - T0}`), onTrade: (ctx, t) => void log.push(`trade at ${t.time - T0}`) });
    runScenario([flat(100), flat(100)], strategy, { book: [snapshot, delta, gap], trades: [trade], needs: { book: true, trades: true } });
    // The delta that skips updates is not applied (a live feed would resubscribe).
    expect(log).toEqual(['book 99.9/100.1 at 100', 'book 100/100.1 at 300100', 'trade at 300150']);
  });

  it('the portfolio kept from events matches the venue: equity every candle, with fees and funding', () => {
    const rows: Row[] = [flat(100), [100, 104, 99, 103], [103, 103, 97, 98], flat(98), [98, 110, 98, 109]];
    const pairs: Array<[number, number]> = [];
    const run = runScenario(
      rows,
      (venue) =>
        scripted({ 0: [{ kind: 'enter', side: 'long', qty: 3 }], 3: [{ kind: 'exit', reason: 'half', fraction: 0.5 }] }, {}, (ctx) => {
          pairs.push([ctx.account.equity, venue.equity({ SOLUSDT: ctx.candles.close(0) })]);
          expect(ctx.account.balance).toBeCloseTo(venue.balance, 9);
        }),
      { fees: { taker: 0.00055, maker: 0.0002 }, funding: { symbol: 'SOLUSDT', time: Float64Array.of(T0 + 10 * MIN), rate: Float64Array.of(0.0001), length: 1 } },
    );
    expect(pairs).toHaveLength(5);
    for (const [ours, venues] of pairs) expect(ours).toBeCloseTo(venues, 9);
    expect([...run.equity]).toEqual(pairs.map((p) => p[0]).map((e, i) => (i === 4 ? run.venue.balance : e)));
    // Long 3 at 100, funding 0.0001 × 3 × 103 at 00:10, half (1.5) out at 109 (candle 4 open is 98 → fill at the open of candle 4).
    expect(run.trades).toHaveLength(1);
    expect(run.events.some((e) => e.type === 'fundingPaid')).toBe(true);
  });
});
