// What a data file's name says about it: venue, symbol and interval (bybot, Binance and freqtrade conventions).
import { basename } from 'node:path';
import { isTimeframe, type Timeframe } from '../../domain/timeframe.js';

export interface NameHints {
  readonly venue?: string;
  readonly symbol?: string;
  readonly timeframe?: Timeframe;
  readonly funding?: boolean;
}

const BYBOT = /^([a-z]+-[a-z]+)_([A-Z0-9]+)_([0-9]+[mhd]|funding)_/;
const BINANCE = /^([A-Z0-9]+)-([0-9]+[mhd])-/;
const FREQTRADE = /^([A-Z0-9]+)_([A-Z0-9]+)(?:_[A-Z0-9]+)?-([0-9]+[mhd])/;

export function hintsFromName(path: string): NameHints {
  const name = basename(path);
  let m = BYBOT.exec(name);
  if (m) {
    const interval = m[3]!;
    if (interval === 'funding') return { venue: m[1]!, symbol: m[2]!, funding: true };
    return { venue: m[1]!, symbol: m[2]!, ...(isTimeframe(interval) ? { timeframe: interval } : {}) };
  }
  m = BINANCE.exec(name);
  if (m) return { venue: 'binance', symbol: m[1]!, ...(isTimeframe(m[2]) ? { timeframe: m[2] } : {}) };
  m = FREQTRADE.exec(name);
  if (m) return { symbol: `${m[1]!}${m[2]!}`, ...(isTimeframe(m[3]) ? { timeframe: m[3] } : {}) };
  return {};
}
