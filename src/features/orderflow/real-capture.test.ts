// Order-flow features over the real Binance BTCUSDT capture (2024-08-08, ~5.7 min, 21k trades), checked against direct sums.
import { beforeAll, describe, expect, it } from 'vitest';
import { OrderBook } from '../../domain/order-book.js';
import type { Trade } from '../../domain/trade.js';
import { bookImbalance } from './book-imbalance.js';
import { candleOpenTime } from './candle-buckets.js';
import { VolumeDelta, type DeltaCandle } from './delta.js';
import { Footprint, type FootprintCandle } from './footprint.js';
import { LargeTrades, type LargeTradeCandle } from './large-trades.js';
import { capturePath, captureStream } from './test-support/trades.js';

const MINUTE = 60_000;

/** Streams every trade through a bucketed feature and collects the closed candles, the last one by flush. */
function run<C>(feature: { add(t: Trade): C | undefined; flush(): C | undefined }, trades: readonly Trade[]): C[] {
  const out: C[] = [];
  for (const t of trades) {
    const closed = feature.add(t);
    if (closed) out.push(closed);
  }
  const last = feature.flush();
  if (last) out.push(last);
  return out;
}

/** Trades grouped by candle open time, computed without the features. */
function byCandle(trades: readonly Trade[], tf: number): Map<number, Trade[]> {
  const groups = new Map<number, Trade[]>();
  for (const t of trades) {
    const key = Math.floor(t.time / tf) * tf;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return groups;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe.skipIf(!capturePath)('order flow on the real BTCUSDT capture', () => {
  let trades: Trade[] = [];
  beforeAll(() => {
    trades = captureStream().trades;
  });

  it('delta per candle sums to Σ buy − Σ sell, and the final CVD equals it', () => {
    const buys = sum(trades.filter((t) => t.side === 'buy').map((t) => t.size));
    const sells = sum(trades.filter((t) => t.side === 'sell').map((t) => t.size));
    let running = 0;
    for (const t of trades) running += t.side === 'buy' ? t.size : -t.size;

    const delta = new VolumeDelta(MINUTE);
    const candles: DeltaCandle[] = run(delta, trades);
    expect(trades).toHaveLength(21_313);
    expect(candles.map((c) => new Date(c.openTime).toISOString().slice(11, 16))).toEqual(['23:54', '23:55', '23:56', '23:57', '23:58', '23:59']);
    expect(sum(candles.map((c) => c.trades))).toBe(21_313);
    expect(close(sum(candles.map((c) => c.buyVolume)), buys)).toBe(true);
    expect(close(sum(candles.map((c) => c.sellVolume)), sells)).toBe(true);
    expect(close(sum(candles.map((c) => c.delta)), buys - sells)).toBe(true);
    // CVD adds the same signed sizes in the same order as `running`: equal to the bit.
    expect(delta.cvd).toBe(running);
    expect(candles.at(-1)?.cvd).toBe(running);
    expect(close(running, buys - sells)).toBe(true);
    expect(delta.lateTrades).toBe(0);

    const groups = byCandle(trades, MINUTE);
    for (const c of candles) {
      const own = groups.get(c.openTime) ?? [];
      expect(c.trades).toBe(own.length);
      expect(close(c.delta, sum(own.map((t) => (t.side === 'buy' ? t.size : -t.size))))).toBe(true);
      expect(c.minDelta).toBeLessThanOrEqual(Math.min(0, c.delta) + 1e-9);
      expect(c.maxDelta).toBeGreaterThanOrEqual(Math.max(0, c.delta) - 1e-9);
    }
    // The capture's figures: 1251.576 BTC bought and 1177.790 BTC sold by takers.
    expect(buys).toBeCloseTo(1251.576, 6);
    expect(sells).toBeCloseTo(1177.79, 6);
    expect(candles.map((c) => Number(c.delta.toFixed(3)))).toEqual([-24.219, -22.08, 9.243, -88.306, 203.897, -4.749]);
  });

  it('footprint levels sum to each candle’s volume, level by level against a direct grouping', () => {
    for (const binTicks of [1, 10]) {
      const fp = new Footprint({ timeframeMs: MINUTE, tickSize: '0.10', binTicks });
      const candles: FootprintCandle[] = run(fp, trades);
      const groups = byCandle(trades, MINUTE);
      expect(candles).toHaveLength(groups.size);
      for (const c of candles) {
        const own = groups.get(c.openTime) ?? [];
        const volume = sum(own.map((t) => t.size));
        expect(close(sum(c.levels.map((l) => l.buy + l.sell)), volume)).toBe(true);
        expect(close(c.buyVolume + c.sellVolume, volume)).toBe(true);
        // Independent binning: each trade's level from its price in whole dimes.
        const direct = new Map<number, { buy: number; sell: number }>();
        for (const t of own) {
          const level = Math.floor(Math.round(t.price * 10) / binTicks);
          const cell = direct.get(level) ?? { buy: 0, sell: 0 };
          cell[t.side] += t.size;
          direct.set(level, cell);
        }
        expect(c.levels).toHaveLength(direct.size);
        for (const l of c.levels) {
          const cell = direct.get(Math.round((l.price * 10) / binTicks));
          expect(cell).toBeDefined();
          expect(close(l.buy, cell!.buy) && close(l.sell, cell!.sell)).toBe(true);
        }
        const top = Math.max(...c.levels.map((l) => l.buy + l.sell));
        expect(c.levels.find((l) => l.buy + l.sell === top)?.price).toBe(c.poc);
      }
      if (binTicks === 1) expect(candles.map((c) => c.levels.length)).toEqual([218, 293, 284, 744, 1154, 580]);
    }
  });

  it('large-trade counts and notionals match a direct filter, per candle and in all', () => {
    let heard = 0;
    const large = new LargeTrades({ timeframeMs: MINUTE, onLargeTrade: () => heard++ });
    const candles: LargeTradeCandle[] = run(large, trades);
    const big = trades.filter((t) => t.price * t.size >= 50_000);
    expect(big).toHaveLength(403);
    expect(heard).toBe(403);
    expect(sum(candles.map((c) => c.count))).toBe(403);
    expect(candles.flatMap((c) => c.trades)).toEqual(big);
    for (const c of candles) {
      const own = big.filter((t) => candleOpenTime(t.time, MINUTE) === c.openTime);
      expect(c.count).toBe(own.length);
      expect(c.buyCount).toBe(own.filter((t) => t.side === 'buy').length);
      expect(close(c.notional, sum(own.map((t) => t.price * t.size)))).toBe(true);
    }
    expect(candles.map((c) => c.count)).toEqual([14, 20, 33, 118, 138, 80]);
    expect(candles.map((c) => Number((c.notional / 1e6).toFixed(2)))).toEqual([1.97, 1.5, 3.64, 15.4, 22.25, 12.83]);
  });

  it('book imbalance of the replayed depth stays in [−1, 1] and equals a direct sum over the levels', () => {
    const { depthSnapshots, depthDiffs } = captureStream();
    const snapshot = depthSnapshots[0]!;
    const book = new OrderBook();
    // Binance chains diffs by pu; the domain book chains by u + 1, so number them locally.
    book.applySnapshot({ bids: snapshot.bids, asks: snapshot.asks, updateId: 1, seq: NaN, time: snapshot.time });
    const live = depthDiffs.filter((d) => d.finalUpdateId >= snapshot.lastUpdateId);
    expect(live[0]!.firstUpdateId).toBeLessThanOrEqual(snapshot.lastUpdateId);
    let id = 1;
    let samples = 0;
    let positive = 0;
    for (const [i, diff] of live.entries()) {
      if (i > 0) expect(diff.prevFinalUpdateId).toBe(live[i - 1]!.finalUpdateId);
      expect(book.applyDelta({ bids: diff.bids, asks: diff.asks, updateId: ++id, seq: NaN, time: diff.time }).status).toBe('ok');
      if (i % 50 !== 0) continue;
      const ten = bookImbalance(book, { levels: 10 });
      const bids = sum(book.levels('bid', 10).map(([, s]) => s));
      const asks = sum(book.levels('ask', 10).map(([, s]) => s));
      expect(close(ten, (bids - asks) / (bids + asks))).toBe(true);
      const mid = book.mid()!;
      const within = (side: 'bid' | 'ask') => sum(book.levels(side).filter(([p]) => Math.abs(p - mid) <= mid * 0.001).map(([, s]) => s));
      expect(close(bookImbalance(book, { bps: 10 }), (within('bid') - within('ask')) / (within('bid') + within('ask')))).toBe(true);
      expect(Math.abs(ten)).toBeLessThanOrEqual(1);
      samples++;
      if (ten > 0) positive++;
    }
    expect(book.isCrossed()).toBe(false);
    expect(samples).toBeGreaterThan(100);
    // Sampled every 50th of the 6547 diffs after the snapshot: 67 bid-heavy, 64 ask-heavy.
    expect([live.length, samples, positive]).toEqual([6547, 131, 67]);
  });
});
