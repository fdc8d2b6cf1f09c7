// Shared by the benchmarks: the same generated history for every figure.
import { readFileSync } from 'node:fs';
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

/** The machine-wide CPU counters of /proc/stat (Linux): [steal, total] in ticks, or undefined elsewhere. */
function cpuTicks(): [number, number] | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is counted within user already).
    const total = fields.slice(0, 8).reduce((sum, ticks) => sum + ticks, 0);
    return Number.isFinite(total) && total > 0 ? [fields[7] ?? 0, total] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts measuring the CPU time the hypervisor gave other guests (steal). The returned function gives
 * it as a percentage of all CPU time since the start (undefined where /proc/stat is missing): figures
 * taken while a virtual machine loses a tenth or more of its CPU run slower than the machine is.
 */
export function stealMeter(): () => number | undefined {
  const start = cpuTicks();
  return () => {
    const end = cpuTicks();
    if (!start || !end || end[1] <= start[1]) return undefined;
    return Math.round((1000 * (end[0] - start[0])) / (end[1] - start[1])) / 10;
  };
}

/** The line a bench prints about steal, with a warning when it was high enough to slow the figures. */
export function stealLine(stealPct: number | undefined): string {
  if (stealPct === undefined) return 'CPU steal: unknown (no /proc/stat)';
  return stealPct >= 5 ? `CPU steal ${stealPct} % during the run: the hypervisor took CPU from this machine, so these figures understate it` : `CPU steal ${stealPct} % during the run`;
}
