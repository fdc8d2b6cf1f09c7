// Which instrument rules a run uses: what `bybot download` stored from Bybit, else the known defaults of the main pairs.
import { InputError } from '../core/errors.js';
import { createInstrument, SOLUSDT_DEFAULT, type Instrument } from '../domain/instrument.js';
import type { HistoryStore } from '../data/history-store.js';

/** Bybit linear perpetual rules of the main pairs (instruments-info, 2025–2026); a download refreshes them. */
const DEFAULTS: readonly Instrument[] = [
  SOLUSDT_DEFAULT,
  createInstrument({ symbol: 'ETHUSDT', category: 'linear', baseCoin: 'ETH', quoteCoin: 'USDT', tickSize: '0.01', qtyStep: '0.01', minOrderQty: '0.01', maxOrderQty: '7240', maxMarketOrderQty: '724', minNotional: '5', maxLeverage: '100', fundingIntervalMinutes: 480 }),
  createInstrument({ symbol: 'BTCUSDT', category: 'linear', baseCoin: 'BTC', quoteCoin: 'USDT', tickSize: '0.1', qtyStep: '0.001', minOrderQty: '0.001', maxOrderQty: '1190', maxMarketOrderQty: '500', minNotional: '5', maxLeverage: '100', fundingIntervalMinutes: 480 }),
];

export function instrumentFor(symbol: string, store: HistoryStore): Instrument {
  const stored = store.readInstrument(symbol);
  if (stored) return createInstrument(stored);
  const known = DEFAULTS.find((i) => i.symbol === symbol);
  if (known) return known;
  throw new InputError(`no instrument rules for ${symbol}: run \`bybot download --symbol ${symbol} ...\` once (it stores the instrument), or use ${DEFAULTS.map((i) => i.symbol).join(', ')}`);
}
