// Downloaded history on disk: one column file per venue, symbol and timeframe, plus funding and the instrument.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTextAtomic } from '../core/atomic-write.js';
import { InputError } from '../core/errors.js';
import type { Instrument } from '../domain/instrument.js';
import { isTimeframe, type Timeframe } from '../domain/timeframe.js';
import { fundingFromColumns, seriesFromColumnFile, writeCandleColumns, writeFundingColumns } from './candle-cache.js';
import { CandleSeries } from './candle-series.js';
import { readColumnFile } from './column-file.js';
import { mergeFundingSeries, type FundingSeries } from './funding-series.js';

export const DEFAULT_VENUE = 'bybit-linear';

export interface StoreEntry {
  readonly venue: string;
  readonly symbol: string;
  /** A timeframe, or 'funding'. */
  readonly kind: Timeframe | 'funding';
  readonly rows: number;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly path: string;
}

const SYMBOL = /^[A-Z0-9]{2,30}$/;

export class HistoryStore {
  constructor(readonly root: string) {}

  candlesPath(symbol: string, timeframe: Timeframe, venue = DEFAULT_VENUE): string {
    return join(this.dir(symbol, venue), `${timeframe}.bin`);
  }

  readCandles(symbol: string, timeframe: Timeframe, venue = DEFAULT_VENUE): CandleSeries | undefined {
    const path = this.candlesPath(symbol, timeframe, venue);
    if (!existsSync(path)) return undefined;
    const file = readColumnFile(path);
    return seriesFromColumnFile(file.float64, file.uint8, file.header.rows);
  }

  /** Merges candles into what is stored (a newer row for the same time wins) and writes atomically. */
  mergeCandles(symbol: string, timeframe: Timeframe, incoming: CandleSeries, venue = DEFAULT_VENUE): CandleSeries {
    const merged = mergeByTime(this.readCandles(symbol, timeframe, venue), incoming);
    writeCandleColumns(this.candlesPath(symbol, timeframe, venue), merged, { venue, symbol, timeframe });
    return merged;
  }

  readFunding(symbol: string, venue = DEFAULT_VENUE): FundingSeries | undefined {
    const path = join(this.dir(symbol, venue), 'funding.bin');
    if (!existsSync(path)) return undefined;
    const file = readColumnFile(path);
    return fundingFromColumns(file.float64, file.header.rows, file.header.meta);
  }

  mergeFunding(symbol: string, incoming: FundingSeries, venue = DEFAULT_VENUE): FundingSeries {
    const merged = mergeFundingSeries([this.readFunding(symbol, venue), incoming], symbol);
    writeFundingColumns(join(this.dir(symbol, venue), 'funding.bin'), merged, { venue, symbol });
    return merged;
  }

  readInstrument(symbol: string, venue = DEFAULT_VENUE): Instrument | undefined {
    const path = join(this.dir(symbol, venue), 'instrument.json');
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Instrument) : undefined;
  }

  writeInstrument(instrument: Instrument, venue = DEFAULT_VENUE): void {
    writeTextAtomic(join(this.dir(instrument.symbol, venue), 'instrument.json'), `${JSON.stringify(instrument, null, 2)}\n`);
  }

  list(): StoreEntry[] {
    const entries: StoreEntry[] = [];
    for (const venue of subdirs(this.root)) {
      for (const symbol of subdirs(join(this.root, venue))) {
        for (const name of readdirSync(join(this.root, venue, symbol)).sort()) {
          const kind = name.replace(/\.bin$/, '');
          if (!name.endsWith('.bin') || (kind !== 'funding' && !isTimeframe(kind))) continue;
          const path = join(this.root, venue, symbol, name);
          const file = readColumnFile(path);
          const time = file.float64.time!;
          entries.push({ venue, symbol, kind, rows: file.header.rows, from: time[0], to: time[file.header.rows - 1], path });
        }
      }
    }
    return entries;
  }

  private dir(symbol: string, venue: string): string {
    if (!SYMBOL.test(symbol)) throw new InputError(`symbol: ${JSON.stringify(symbol)} is not a valid symbol (upper-case letters and digits, e.g. SOLUSDT)`);
    return join(this.root, venue, symbol);
  }
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Union of two sorted series by open time; on equal times the incoming candle wins. */
export function mergeByTime(existing: CandleSeries | undefined, incoming: CandleSeries): CandleSeries {
  if (!existing || existing.length === 0) return incoming;
  const a = existing.columns.time;
  const b = incoming.columns.time;
  const out = new CandleSeries(existing.length + incoming.length);
  let i = 0;
  let j = 0;
  while (i < existing.length || j < incoming.length) {
    if (j >= incoming.length || (i < existing.length && a[i]! < b[j]!)) out.push(existing.at(i++));
    else {
      if (i < existing.length && a[i] === b[j]) i++;
      out.push(incoming.at(j++));
    }
  }
  return out;
}
