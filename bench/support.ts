// Shared by the benchmarks: the same generated history for every figure.
import { seededRandom } from '../src/core/random.js';
import type { Candle } from '../src/domain/candle.js';

/** A 1m random walk around 150 with realistic decimals, as canonical CSV. */
export function generateCsv(rows: number): string {
  const random = seededRandom(42);
  const lines = ['timestamp,open,high,low,close,volume'];
  let price = 150;
  let t = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const open = price;
    const close = Math.max(1, open + (random.next() - 0.5) * 0.4);
    const high = Math.max(open, close) + random.next() * 0.1;
    const low = Math.min(open, close) - random.next() * 0.1;
    lines.push(`${t},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},${(random.next() * 5000).toFixed(1)}`);
    price = Number(close.toFixed(2));
    t += 60_000;
  }
  return `${lines.join('\n')}\n`;
}

/** `count` minute candles of a seeded random walk around 150 (the same kind as generateCsv) from `start`: history for the local exchange's replay. */
export function walkCandles(count: number, start = Date.UTC(2024, 0, 1, 6)): Candle[] {
  const random = seededRandom(42);
  const candles: Candle[] = [];
  let price = 150;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = Number(Math.max(1, open + (random.next() - 0.5) * 0.4).toFixed(2));
    const high = Number((Math.max(open, close) + random.next() * 0.1).toFixed(2));
    const low = Number((Math.min(open, close) - random.next() * 0.1).toFixed(2));
    candles.push({ time: start + i * 60_000, open, high, low, close, volume: Number((100 + random.next() * 4900).toFixed(1)), turnover: NaN, closed: true });
    price = close;
  }
  return candles;
}
