// Shared by the benchmarks: the same generated history for every figure.
import { seededRandom } from '../src/core/random.js';

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

