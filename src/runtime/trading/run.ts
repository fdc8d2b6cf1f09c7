// `bybot paper` and `bybot live` as one job: resolve the strategy, the markets, the endpoints and (live) the key, start the session, report alerts and trades, stop gracefully.
import { resolve } from 'node:path';
import { systemClock } from '../../core/clock.js';
import { describeValue, InputError } from '../../core/errors.js';
import type { LoadedConfig } from '../../config/load-config.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import type { Timeframe } from '../../domain/timeframe.js';
import { RiskEngine } from '../../risk/index.js';
import { findStrategy, parseParamText, resolveStrategyParams } from '../../strategy/registry.js';
import { bybitEndpoints } from '../bybit-endpoints.js';
import { historyStore, type DataContext } from '../data-files.js';
import { instrumentFor } from '../instruments.js';
import { venueCredentials } from '../venue-keys.js';
import { storageFor, storeConfigOf } from '../store.js';
import { leverageOf } from '../venue-check.js';
import { openStore } from '../../storage/index.js';
import type { Store } from '../../ports/store.js';
import { CORRELATION_KEY, createLogger, type LoggerOptions, type ManagedLogger } from '../../observability/index.js';
import type { Alert } from './alert.js';
import { liveSession, paperSession, type SessionPlan } from './compose.js';
import type { SessionRun } from './session.js';
import type { TradingSession } from './session.js';

export interface TradeRequest {
  readonly mode: 'paper' | 'live';
  /** One strategy from the command line; without it, the config's `trading.runs`. */
  readonly strategy?: string;
  readonly params?: string;
  readonly symbols: readonly string[];
  readonly timeframe: Timeframe;
  /** Paper account size (live uses the exchange's wallet). */
  readonly equity: number;
  /** The risk engine between strategy and orders (default on). */
  readonly risk: boolean;
  readonly keysFile?: string;
  /** Live on mainnet needs this: real money. */
  readonly confirmMainnet?: boolean;
  /** Stop after this many closed candles (all symbols together); runs until a signal otherwise. */
  readonly maxCandles?: number;
}

export interface TradeOutput {
  info(line: string): void;
  alert(alert: Alert): void;
  trade(symbol: string, trade: RoundTrip): void;
}

export interface TradeSummary {
  readonly candles: number;
  readonly trades: readonly RoundTrip[];
  readonly reason: string;
}

/** Everything checked before anything connects: a bad request fails here, before any order could be sent. */
function prepare(ctx: DataContext, loaded: LoadedConfig, request: TradeRequest) {
  const store = historyStore(ctx);
  const wanted =
    request.strategy !== undefined
      ? [{ strategy: request.strategy, params: parseParamText(request.params), symbols: request.symbols, timeframe: request.timeframe, where: '--params' }]
      : loaded.config.trading.runs.map((run, i) => ({ ...run, where: `trading.runs[${i}].params` }));
  if (wanted.length === 0) throw new InputError('nothing to trade: give --strategy (with --symbol), or list strategies in the config under trading.runs');
  const runs: SessionRun[] = wanted.map((run) => {
    const definition = findStrategy(run.strategy);
    if (run.symbols.length === 0) throw new InputError(`${run.strategy}: give at least one symbol`);
    return { strategy: definition, params: resolveStrategyParams(definition, run.params), timeframe: run.timeframe, markets: run.symbols.map((symbol) => ({ instrument: instrumentFor(symbol, store) })) };
  });
  if (request.maxCandles !== undefined && !(Number.isSafeInteger(request.maxCandles) && request.maxCandles > 0)) throw new InputError(`--max-candles must be a positive whole number, got ${describeValue(request.maxCandles)}`);
  const bybit = loaded.config.bybit;
  const endpoints = bybitEndpoints(bybit);
  const mainnet = bybit.exchangeUrl === undefined && (bybit.network ?? (bybit.testnet ? 'testnet' : 'mainnet')) === 'mainnet';
  if (request.mode === 'live' && mainnet && !request.confirmMainnet) {
    throw new InputError('live trading on Bybit mainnet moves real money: add --confirm-mainnet, or choose --testnet, --demo or --exchange-url');
  }
  return { runs, bybit, endpoints };
}

export async function runTrading(ctx: DataContext, loaded: LoadedConfig, request: TradeRequest, out: TradeOutput, env: Readonly<Record<string, string | undefined>>, stopSignal: Promise<string>): Promise<TradeSummary> {
  const prepared = prepare(ctx, loaded, request);
  const logger = createLogger(logOptions(loaded));
  try {
    // A database that cannot be opened, or is on a newer schema, stops the run here: before any order.
    // Paper keeps its own books: what a paper run holds is not the exchange account's, nor the reverse.
    const store = await openStore(storeConfigOf(storageFor(loaded, request.mode)));
    try {
      await pruneOnStart(store, loaded, logger);
      return await trade(request, prepared, store, logger, out, env, stopSignal);
    } finally {
      await store.close();
    }
  } finally {
    await logger.close();
  }
}

/** Retention: equity snapshots and events older than the configured days go at every start. */
async function pruneOnStart(store: Store, loaded: LoadedConfig, logger: ManagedLogger): Promise<void> {
  const { equityDays, eventDays } = loaded.config.storage.retention;
  const now = systemClock.now();
  const pruned = await store.prune({ equitySnapshotsOlderThan: now - equityDays * 86_400_000, eventsOlderThan: now - eventDays * 86_400_000 });
  if (pruned.equitySnapshots + pruned.events > 0) logger.module('storage').info('retention pruned old rows', { ...pruned });
}

/** The log section with a relative file directory placed under the data directory. */
function logOptions(loaded: LoadedConfig): LoggerOptions {
  const log = loaded.config.log;
  return log.file === undefined ? log : { ...log, file: { ...log.file, dir: resolve(loaded.dataDir, log.file.dir) } };
}

async function trade(request: TradeRequest, prepared: ReturnType<typeof prepare>, store: Store, logger: ManagedLogger, out: TradeOutput, env: Readonly<Record<string, string | undefined>>, stopSignal: Promise<string>): Promise<TradeSummary> {
  const { runs, bybit, endpoints } = prepared;
  const log = logger.module(`runtime.${request.mode}`);
  const credentials = request.mode === 'live' ? venueCredentials(request.keysFile, env, (secret) => logger.registerSecret(secret)) : undefined;
  if (credentials) logger.registerApiKey(credentials.apiKey);
  let candles = 0;
  let reachedMax: (reason: string) => void = () => undefined;
  const maxReached = new Promise<string>((resolve) => (reachedMax = resolve));
  const plan: SessionPlan = {
    runs,
    endpoints,
    initialEquity: request.equity,
    clock: systemClock,
    store,
    ...(request.risk ? { risk: (symbol: string) => new RiskEngine({ sizing: { leverage: leverageOf(bybit, symbol) } }) } : {}),
    monitors: { maxExposure: bybit.safety.maxExposure },
    onAlert: (alert) => {
      log[alert.level](alert.message, { code: alert.code, ...(alert.symbol ? { symbol: alert.symbol } : {}) });
      out.alert(alert);
    },
    onTrade: (symbol, trade) => {
      log.info('trade closed', { symbol, ...trade });
      out.trade(symbol, trade);
    },
    // Every venue event carries the client id of its order: the correlation id that follows an intent through its orders and fills.
    onVenueEvent: (event) => log.debug(event.type, { ...('order' in event ? { [CORRELATION_KEY]: event.order.clientId } : {}), event }),
    onCandle: () => {
      candles += 1;
      if (request.maxCandles !== undefined && candles >= request.maxCandles) reachedMax(`${candles} candles`);
    },
  };
  let session: TradingSession;
  let closeVenue = (): void => undefined;
  if (request.mode === 'paper') {
    session = paperSession(plan, bybit.safety.leverage).session;
  } else {
    const live = await liveSession({
      ...plan,
      credentials: credentials!,
      venueEndpoints: endpoints,
      bybit,
      onNotice: (n) => plan.onAlert!({ ...n, time: systemClock.now() }),
    });
    session = live.session;
    closeVenue = () => live.venue.close();
  }
  const described = runs.map((run) => `${run.strategy.name} on ${run.markets.map((m) => m.instrument.symbol).join(', ')} ${run.timeframe}`).join('; ');
  log.info('session starting', { runs: described, rest: endpoints.rest, key: credentials?.apiKey });
  out.info(`${request.mode} trading ${described} — market data ${endpoints.publicLinear}${request.mode === 'live' ? `, orders ${endpoints.rest} with key ${credentials!.apiKey}` : ', fills simulated'}`);
  try {
    await session.start();
    const reason = await Promise.race([stopSignal, maxReached]);
    await session.stop(reason);
    return { candles, trades: session.trades(), reason };
  } finally {
    closeVenue();
  }
}
