// Checks the numeric options of `bybot exchange` (speed, port, seed, equity), each error naming its option and value.
import { InputError, describeValue } from '../core/errors.js';
import type { ReplaySpeed } from '../venues/bybit-server/index.js';

/** `--speed`: a positive multiple of real time (1, 60, ...) or `max`. */
export function parseSpeed(text: string): ReplaySpeed {
  const value = text.trim();
  if (value === 'max') return 'max';
  const speed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(speed > 0 && speed <= 1_000_000)) throw new InputError(`--speed: ${describeValue(text)} is not a speed; expected a multiple of real time from above 0 to 1000000 (1, 60, ...) or max`);
  return speed;
}

/** `--port`: 0 (any free port) to 65535. */
export function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65_535)) throw new InputError(`--port: ${describeValue(text)} is not a port; expected 0 (any free port) to 65535`);
  return port;
}

/** `--seed`: a whole number from 0 to 2^31 - 1. */
export function parseSeed(text: string): number {
  const seed = /^\d{1,10}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(seed >= 0 && seed <= 2 ** 31 - 1)) throw new InputError(`--seed: ${describeValue(text)} is not a seed; expected a whole number from 0 to 2147483647`);
  return seed;
}

/** `--equity`: a positive amount of USDT. */
export function parseEquity(text: string): number {
  const equity = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(equity > 0 && Number.isFinite(equity))) throw new InputError(`--equity: ${describeValue(text)} must be a positive amount of USDT`);
  return equity;
}
