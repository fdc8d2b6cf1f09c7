// Which data-quality checks exist, what each may do about a finding, and the defaults a backtest starts with.
import type { PolicyAction } from './finding.js';

export const CANDLE_CHECKS = {
  empty: ['reject', 'warn'],
  nonFinite: ['reject', 'repair', 'warn'],
  nonPositive: ['reject', 'repair', 'warn'],
  ohlc: ['reject', 'repair', 'warn'],
  outOfOrder: ['reject', 'repair', 'warn'],
  duplicate: ['reject', 'repair', 'warn'],
  misaligned: ['reject', 'warn'],
  gap: ['reject', 'repair', 'warn'],
  zeroVolume: ['reject', 'warn'],
  flat: ['reject', 'warn'],
  spike: ['reject', 'warn'],
  stale: ['reject', 'warn'],
} as const satisfies Record<string, readonly PolicyAction[]>;

export type CandleCheck = keyof typeof CANDLE_CHECKS;
export type CandlePolicy = { [K in CandleCheck]: (typeof CANDLE_CHECKS)[K][number] };

export interface CandleThresholds {
  /** A run of at least this many zero-volume candles is reported. */
  readonly zeroVolumeRun: number;
  /** A run of at least this many candles with one unchanged price (o = h = l = c) is reported. */
  readonly flatRun: number;
  /** Returns whose robust z-score (against the rolling median/MAD) exceeds this are spikes. */
  readonly spikeZ: number;
  /** How many previous returns the rolling median/MAD look at. */
  readonly spikeWindow: number;
  /** Gaps up to this many missing candles are forward-filled by the repair policy; longer ones are only reported. */
  readonly maxGapFill: number;
  /** With a clock: the last candle may close at most this long ago. */
  readonly staleAfterMs: number;
}

export const DEFAULT_CANDLE_POLICY: CandlePolicy = {
  empty: 'reject',
  nonFinite: 'reject',
  nonPositive: 'reject',
  ohlc: 'reject',
  outOfOrder: 'repair',
  duplicate: 'repair',
  misaligned: 'reject',
  gap: 'warn',
  zeroVolume: 'warn',
  flat: 'warn',
  spike: 'warn',
  stale: 'reject',
};

export const DEFAULT_CANDLE_THRESHOLDS: CandleThresholds = {
  zeroVolumeRun: 3,
  flatRun: 10,
  spikeZ: 25,
  spikeWindow: 100,
  maxGapFill: 12,
  staleAfterMs: 120_000,
};
