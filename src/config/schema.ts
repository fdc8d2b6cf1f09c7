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
  log: z
    .strictObject({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
    })
    .prefault({}),
});

export type BybotConfig = z.infer<typeof configSchema>;
