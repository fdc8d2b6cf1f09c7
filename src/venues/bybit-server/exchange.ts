// Everything a request handler reads or changes: the replay clock, the markets, the venue, the ledger and the account's settings.
import { ManualClock } from '../../core/clock.js';
import { describeValue, InputError } from '../../core/errors.js';
import { timeframeMs } from '../../domain/timeframe.js';
import { BYBIT_DEFAULT_FEES, type FeeSchedule } from '../sim/costs.js';
import { SimVenue } from '../sim/sim-venue.js';
import { apiKeyRegistry, type ApiKey } from './auth/api-keys.js';
import { HttpFaults } from './faults/http-faults.js';
import { paramsError } from './http/envelope.js';
import { Ledger } from './ledger/ledger.js';
import { LiveBook } from './market/live-book.js';
import { Market } from './replay/market.js';
import { Replay } from './replay/replay.js';
import { DEFAULT_INITIAL_EQUITY, DEFAULT_MAINTENANCE_RATE, DEFAULT_SEED, type LocalExchangeOptions } from './options.js';
import { IdSource } from './synthetic.js';

export type MarginMode = 'ISOLATED_MARGIN' | 'REGULAR_MARGIN' | 'PORTFOLIO_MARGIN';

/** The account's settings the venue does not report back. */
export interface AccountSettings {
  readonly leverage: Map<string, number>;
  /** The simulator margins every position in isolation: the account is in isolated mode from the start. */
  marginMode: MarginMode;
  marginModeUpdated: number;
  readonly fees: FeeSchedule;
  readonly maintenanceRate: number;
}

export class Exchange {
  readonly clock = new ManualClock(0);
  readonly markets: ReadonlyMap<string, Market>;
  /** The order book of each symbol, which REST and the streams read alike. */
  readonly books: ReadonlyMap<string, LiveBook>;
  readonly venue: SimVenue;
  readonly ledger: Ledger;
  readonly replay: Replay;
  readonly account: AccountSettings;
  readonly keys: ReadonlyMap<string, ApiKey>;
  readonly seed: number;
  readonly orderIds: IdSource;
  /** Where the replay clock started. */
  readonly startTime: number;
  /** Faults tests switch on and off (5xx, hangs, rate limits, dropped stops, partial fills, clock skew); none armed at start. */
  readonly faults: HttpFaults;

  constructor(options: LocalExchangeOptions) {
    this.seed = options.seed ?? DEFAULT_SEED;
    this.keys = apiKeyRegistry(options.apiKeys);
    const intervalMs = timeframeMs(options.history.timeframe);
    const markets = options.instruments.map((instrument) => {
      const replay = options.history.symbols[instrument.symbol];
      if (replay === undefined) throw new InputError(`history: no candles for instrument ${instrument.symbol}`);
      return new Market(instrument, replay, intervalMs);
    });
    if (markets.length === 0) throw new InputError('instruments: the local exchange needs at least one instrument');
    this.markets = new Map(markets.map((m) => [m.symbol, m]));
    this.books = new Map(markets.map((m) => [m.symbol, new LiveBook(m, this.seed)]));
    const account = options.account ?? {};
    const leverage = account.leverage ?? 1;
    this.account = {
      leverage: new Map(markets.map((m) => [m.symbol, leverage])),
      marginMode: 'ISOLATED_MARGIN',
      marginModeUpdated: 0,
      fees: account.fees ?? BYBIT_DEFAULT_FEES,
      maintenanceRate: account.maintenanceRate ?? DEFAULT_MAINTENANCE_RATE,
    };
    this.venue = new SimVenue({
      instruments: options.instruments,
      initialEquity: account.initialEquity ?? DEFAULT_INITIAL_EQUITY,
      leverage,
      fees: this.account.fees,
      maintenanceRate: this.account.maintenanceRate,
      clock: this.clock,
      ...(account.slippage === undefined ? {} : { slippage: account.slippage }),
      ...(account.limitFill === undefined ? {} : { limitFill: account.limitFill }),
    });
    this.faults = new HttpFaults(this.seed, this.venue);
    this.orderIds = new IdSource(this.seed, 'order');
    this.ledger = new Ledger(this.venue, {
      now: () => this.clock.now(),
      fees: this.account.fees,
      orderIds: this.orderIds,
      execIds: new IdSource(this.seed, 'execution'),
      lastPrice: (symbol) => this.lastPrice(symbol),
      leverage: (symbol) => this.leverageOf(symbol),
    });
    this.replay = new Replay(markets, this.venue, this.clock, intervalMs);
    const start = options.startTime ?? Math.min(...markets.map((m) => m.candles[0]!.time));
    if (!Number.isSafeInteger(start)) throw new InputError(`startTime must be a time in ms, got ${describeValue(options.startTime)}`);
    this.startTime = start;
    this.clock.set(start);
    this.replay.advanceTo(start);
    this.account.marginModeUpdated = start;
  }

  /** Server time: the replay clock. */
  get now(): number {
    return this.clock.now();
  }

  /** The time the server shows a client (auth window, /v5/market/time, the envelope): `now`, unless a clockSkew fault hit the request. */
  get serverTime(): number {
    return this.clock.now() + this.faults.clockOffset;
  }

  /** The market of `symbol`, or 10001 naming it. */
  market(symbol: string): Market {
    const market = this.markets.get(symbol);
    if (market === undefined) throw paramsError(`symbol ${describeValue(symbol)} invalid: the local exchange lists ${[...this.markets.keys()].join(', ')}`);
    return market;
  }

  /** The book of a listed market, walked up to the replay clock. */
  book(market: Market): LiveBook {
    const book = this.books.get(market.symbol)!;
    book.catchUp(this.clock.now());
    return book;
  }

  lastPrice(symbol: string): number | undefined {
    return this.markets.get(symbol)?.lastPrice(this.clock.now());
  }

  leverageOf(symbol: string): number {
    return this.account.leverage.get(symbol) ?? 1;
  }
}

