// Every bybot setting, its default and its allowed range, in one zod schema.
import { z } from 'zod';

const checkAction = <const T extends readonly [string, ...string[]]>(actions: T) => z.enum(actions).optional();

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/]+/.test(value), { message: 'expected an http(s) URL such as https://api.bybit.com' });

export const MAINNET_REST = 'https://api.bybit.com';
export const TESTNET_REST = 'https://api-testnet.bybit.com';

export const configSchema = z.strictObject({
  /** Where bybot keeps downloaded history, the binary cache and (later) its database. */
  dataDir: z.string().min(1).default('data'),
  /** The binary cache of parsed files; `<dataDir>/cache` when unset. */
  cacheDir: z.string().min(1).optional(),
  /** Where the bot keeps orders, fills, positions, trades, signals, equity and its event log (src/storage). */
  storage: z
    .strictObject({
      kind: z.enum(['sqlite', 'postgres']).default('sqlite'),
      /** The SQLite file; `<dataDir>/bybot.sqlite` when unset; a relative path is taken from the config file's folder. */
      file: z.string().min(1).optional(),
      /** PostgreSQL connection URL, required when kind is postgres, e.g. postgres://bybot:secret@127.0.0.1:5432/bybot. */
      url: z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, 'expected a URL such as postgres://user@127.0.0.1:5432/bybot')
        .optional(),
      /** PostgreSQL schema that holds the tables (created when absent); unset: the connection's search_path. */
      schema: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a plain identifier: letters, digits and _')
        .optional(),
      /** What `bybot db prune` keeps; orders, fills, positions, trades and signals are never pruned. */
      retention: z
        .strictObject({
          equityDays: z.number().int().min(1).max(36_500).default(365),
          eventDays: z.number().int().min(1).max(36_500).default(180),
        })
        .prefault({}),
    })
    .refine((s) => s.kind !== 'postgres' || s.url !== undefined, { message: 'required when storage.kind is postgres', path: ['url'] })
    .prefault({}),
  bybit: z
    .strictObject({
      baseUrl: httpUrl.default(MAINNET_REST),
      testnet: z.boolean().default(false),
      requestTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      maxRetries: z.number().int().min(0).max(20).default(6),
      /** Which Bybit the live venue talks to; `exchangeUrl` (a local exchange, a proxy) wins over it. Default: testnet when `testnet`, else mainnet. */
      network: z.enum(['mainnet', 'testnet', 'demo']).optional(),
      /** Any exchange serving Bybit's paths (REST at the URL, streams at /v5/public/linear and /v5/private), e.g. `bybot exchange`. */
      exchangeUrl: httpUrl.optional(),
      /** The rules that keep positions safe on the live venue. */
      safety: z
        .strictObject({
          /** A position may be without a confirmed stop-loss at most this long before trading-stop, then the policy, step in. */
          stopConfirmMs: z.number().int().min(200).max(60_000).default(3000),
          /** When the stop cannot be set: retry it, halve the position and retry, or close; each ends by closing. */
          stopFailurePolicy: z.enum(['retry', 'reduce', 'close']).default('retry'),
          stopRetries: z.number().int().min(1).max(10).default(3),
          /** Open orders on the exchange that this run did not send, found at start or after a reconnect. */
          orphanOrders: z.enum(['cancel', 'adopt']).default('cancel'),
          /** Leverage set on every traded symbol before the first order. */
          leverage: z.number().min(1).max(100).default(1),
          /** Per-pair leverage over `leverage`, e.g. { "SOLUSDT": 3, "ETHUSDT": 2 } (the seed's pair table). */
          leverageBySymbol: z.record(z.string().regex(/^[A-Z0-9]+$/, 'an upper-case symbol such as SOLUSDT'), z.number().min(1).max(100)).default({}),
          /** The safety monitor alerts when open positions are worth more than this many times the equity. */
          maxExposure: z.number().positive().max(100).default(3),
        })
        .prefault({}),
    })
    .prefault({}),
  dataQuality: z
    .strictObject({
      policy: z
        .strictObject({
          empty: checkAction(['reject', 'warn']),
          nonFinite: checkAction(['reject', 'repair', 'warn']),
          nonPositive: checkAction(['reject', 'repair', 'warn']),
          ohlc: checkAction(['reject', 'repair', 'warn']),
          outOfOrder: checkAction(['reject', 'repair', 'warn']),
          duplicate: checkAction(['reject', 'repair', 'warn']),
          misaligned: checkAction(['reject', 'warn']),
          gap: checkAction(['reject', 'repair', 'warn']),
          zeroVolume: checkAction(['reject', 'warn']),
          flat: checkAction(['reject', 'warn']),
          spike: checkAction(['reject', 'warn']),
          stale: checkAction(['reject', 'warn']),
        })
        .prefault({}),
      thresholds: z
        .strictObject({
          zeroVolumeRun: z.number().int().min(1).optional(),
          flatRun: z.number().int().min(2).optional(),
          spikeZ: z.number().positive().optional(),
          spikeWindow: z.number().int().min(3).max(10_000).optional(),
          maxGapFill: z.number().int().min(0).optional(),
          staleAfterMs: z.number().int().positive().optional(),
        })
        .prefault({}),
    })
    .prefault({}),
  /** What `bybot paper` / `bybot live` trade when no --strategy is given: several strategies in one process, each on its own symbols. */
  trading: z
    .strictObject({
      runs: z
        .array(
          z.strictObject({
            strategy: z.string().min(1),
            symbols: z.array(z.string().regex(/^[A-Z0-9]+$/, 'an upper-case symbol such as SOLUSDT')).min(1),
            timeframe: z.enum(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '1d']).default('5m'),
            /** Strategy parameters, checked against the strategy's own schema at start. */
            params: z.record(z.string(), z.unknown()).default({}),
          }),
        )
        .default([]),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
      /** Levels by module-name prefix, e.g. { "venue.bybit": "debug", "engine": "warn" }; the longest prefix wins. */
      modules: z.record(
        z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'a module name such as venue.bybit'),
        z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']),
      ).default({}),
      /** Human-readable lines on stdout instead of JSON; unset: pretty when stdout is a terminal. */
      pretty: z.boolean().optional(),
      /** Write lines to stdout; turn off to log to the file alone. */
      stdout: z.boolean().default(true),
      /** JSON lines also go to rolling files here. */
      file: z
        .strictObject({
          dir: z.string().min(1),
          /** File name stem: <name>.<date>.<n>.log. */
          name: z.string().regex(/^[A-Za-z0-9_-]+$/).default('bybot'),
          /** Roll at this size: a number with k, m or g, e.g. "10m". */
          maxSize: z.string().regex(/^\d+[kmg]$/i, 'a size such as 500k, 10m or 1g').optional(),
          /** Roll daily, hourly or every so many ms; daily when neither this nor maxSize is set. */
          frequency: z.union([z.enum(['daily', 'hourly']), z.number().int().min(1000)]).optional(),
          /** Files kept, the current one included (one more may linger: pruning races the roll). */
          keep: z.number().int().min(1).max(1000).default(10),
        })
        .optional(),
      /** Censor the API key as well; the secret is always censored. */
      redactKeys: z.boolean().default(false),
    })
    .prefault({}),
});

export type BybotConfig = z.infer<typeof configSchema>;
