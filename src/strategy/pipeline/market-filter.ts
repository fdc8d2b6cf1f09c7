// Level 1 of the signal pipeline: is the market worth trading at all? ADX, ATR percentile, volume z-score, session, BTC correlation.
import type { SignalFactor } from '../../domain/signal.js';
import type { Bar } from '../../indicators/contract.js';
import { VolumeZScore } from '../../indicators/volume/volz.js';
import { RollingCorrelation } from '../../features/context/correlation.js';
import { Regime, REGIME, type RegimeCode } from '../../features/context/regime.js';
import { TimeContext } from '../../features/context/time.js';

export type SessionName = 'asia' | 'europe' | 'us';

/** Each check can be switched off on its own; thresholds as in the seed spec §5. */
export interface MarketFilterSettings {
  readonly adx: boolean;
  readonly adxMin: number;
  readonly atrPercentile: boolean;
  readonly atrPercentileMin: number;
  readonly volumeZ: boolean;
  readonly volumeZMin: number;
  readonly session: boolean;
  readonly sessions: readonly SessionName[];
  readonly btcCorrelation: boolean;
  readonly btcCorrelationMax: number;
  /** Bars in the correlation window (12 = 1 h of 5m bars). */
  readonly btcCorrelationBars: number;
}

export interface MarketVerdict {
  readonly passed: boolean;
  /** One factor per enabled check, failed ones included, for the signal record. */
  readonly factors: readonly SignalFactor[];
  /** The volatility regime now (range, trend, high volatility), undefined before warm-up. */
  readonly regime: RegimeCode | undefined;
  /** ATR percentile (0–100), NaN before warm-up. */
  readonly atrPercentile: number;
}

/** Fed every closed candle (and the BTC close of the same time when it is known); O(1) per candle except the ATR rank. */
export class MarketFilter {
  private readonly regime = new Regime({ adxTrend: 25 });
  private readonly volumeZ: VolumeZScore;
  private readonly time = new TimeContext();
  private readonly correlation: RollingCorrelation;

  constructor(readonly settings: MarketFilterSettings) {
    this.volumeZ = new VolumeZScore(20);
    this.correlation = new RollingCorrelation(settings.btcCorrelationBars);
  }

  update(bar: Bar, btcClose?: number): void {
    this.regime.add(bar);
    this.volumeZ.add(bar);
    this.time.add(bar);
    if (btcClose !== undefined && btcClose > 0) this.correlation.add({ time: bar.time, a: bar.close, b: btcClose });
  }

  evaluate(): MarketVerdict {
    const s = this.settings;
    const factors: SignalFactor[] = [];
    const stable = this.regime.isStable;
    const check = (enabled: boolean, name: string, value: number, threshold: number, passed: boolean): void => {
      if (enabled) factors.push({ name, value, threshold, passed: passed && Number.isFinite(value) });
    };
    const adx = stable ? this.regime.adx : Number.NaN;
    const atrPercentile = stable ? this.regime.atrPercentile : Number.NaN;
    const volumeZ = this.volumeZ.isStable ? this.volumeZ.value : Number.NaN;
    check(s.adx, 'ADX', adx, s.adxMin, adx > s.adxMin);
    check(s.atrPercentile, 'ATR percentile', atrPercentile, s.atrPercentileMin, atrPercentile > s.atrPercentileMin);
    check(s.volumeZ, 'volume z-score', volumeZ, s.volumeZMin, volumeZ > s.volumeZMin);
    if (s.session) {
      const open = this.time.isStable && s.sessions.some((name) => this.time[name] === 1);
      factors.push({ name: `session (${s.sessions.join('/')})`, value: open ? 1 : 0, threshold: 1, passed: open });
    }
    if (s.btcCorrelation) {
      const correlation = this.correlation.isStable ? this.correlation.value : Number.NaN;
      check(true, 'BTC correlation', correlation, s.btcCorrelationMax, correlation < s.btcCorrelationMax);
    }
    return { passed: factors.every((f) => f.passed), factors, regime: stable ? this.regime.regime : undefined, atrPercentile };
  }
}

export { REGIME };
