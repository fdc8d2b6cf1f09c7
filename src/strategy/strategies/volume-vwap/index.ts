// VolumeVWAP: three-factor confluence (volume confirmation 40 %, position against VWAP 35 %, higher-timeframe trend 25 %) into a signal strength from 0 to 1.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { TIMEFRAMES } from '../../../domain/timeframe.js';
import { EMA } from '../../../indicators/trend/ema.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import { AnchoredVWAP, HOUR_MS } from '../../../indicators/volume/vwap.js';
import { VolumeZScore } from '../../../indicators/volume/volz.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import { NOTHING, enterAtClose, twoTargets } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { factor, weightedStrength } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';

const NAME = 'volume-vwap';

/** The weights: volume confirmation, position against VWAP, trend alignment. */
export const WEIGHTS = { volume: 0.4, vwap: 0.35, trend: 0.25 } as const;

const params = z.strictObject({
  /** VWAP anchor period in hours from Monday 00:00 UTC (24: the UTC day, 168: the week). */
  vwapHours: z.number().int().min(1).max(168).default(24),
  /** Candles in the volume z-score's baseline. */
  volumePeriod: z.number().int().min(5).max(500).default(20),
  /** Volume confirms when the candle's volume z-score reaches this. */
  volumeZ: z.number().min(0).max(6).default(2),
  /** Position confirms when the close is on the trade's side of VWAP by at most this many σ (further: the move is spent). */
  maxStretchSigma: z.number().min(0.25).max(5).default(1),
  /** Trend confirms when this timeframe's last close is on the trade's side of its EMA. */
  trendTimeframe: z.enum(TIMEFRAMES).default('1h'),
  trendEma: z.number().int().min(2).max(500).default(50),
  /** Enter when the weighted strength reaches this (0.75: volume and VWAP must agree, the trend adds confidence). */
  minStrength: z.number().min(0.25).max(1).default(0.75),
  atr: z.number().int().min(2).max(200).default(14),
  /** Stop and targets in ATRs (times the pair's ATR multiplier); half the position at each target. */
  stopAtr: z.number().min(0.2).max(10).default(1.5),
  target1Atr: z.number().min(0.2).max(20).default(1.5),
  target2Atr: z.number().min(0.2).max(40).default(3),
  maxMinutes: maxMinutesParam(240),
  ...riskParams,
});

type Params = z.infer<typeof params>;

class VolumeVwap implements Strategy {
  private readonly vwap: AnchoredVWAP;
  private readonly volume: VolumeZScore;
  private readonly atr: ATR;
  private readonly trend: EMA;
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;
  /** Open time of the last higher-timeframe candle fed to the trend EMA. */
  private trendSeen = Number.NaN;

  constructor(private readonly p: Params) {
    this.vwap = new AnchoredVWAP(p.vwapHours * HOUR_MS);
    this.volume = new VolumeZScore(p.volumePeriod);
    this.atr = new ATR(p.atr);
    this.trend = new EMA(p.trendEma);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    this.vwap.add(bar);
    this.volume.add(bar);
    this.atr.add(bar);
    this.updateTrend(ctx);
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    const side = bar.close > bar.open ? 'long' : bar.close < bar.open ? 'short' : undefined;
    if (!side || !this.volume.isStable || !this.atr.isStable || !this.trend.isStable) return NOTHING;
    const settings = this.pair.resolve(ctx.symbol, this.atr.value);
    if (!settings) return NOTHING;
    const sign = side === 'long' ? 1 : -1;
    const z = this.volume.value;
    const vwap = this.vwap.vwap;
    const sigma = this.vwap.deviation;
    // Signed distance from VWAP in σ, positive on the trade's side; no spread yet (session start) cannot confirm.
    const stretch = sigma > 0 ? (sign * (bar.close - vwap)) / sigma : 0;
    const trendGap = sign * (ctx.candlesOf(this.p.trendTimeframe).close(0) - this.trend.value);
    const factors = [
      factor('volume z-score', z, z >= this.p.volumeZ, WEIGHTS.volume, this.p.volumeZ),
      factor('close vs VWAP (σ)', stretch, stretch > 0 && stretch <= this.p.maxStretchSigma, WEIGHTS.vwap, this.p.maxStretchSigma),
      factor(`${this.p.trendTimeframe} close vs EMA${this.p.trendEma}`, trendGap, trendGap > 0, WEIGHTS.trend, 0),
    ];
    if (weightedStrength(factors) < this.p.minStrength) return NOTHING;
    const atr = this.atr.value * settings.atrMultiplier;
    const targets = twoTargets(bar.close + sign * this.p.target1Atr * atr, bar.close + sign * this.p.target2Atr * atr);
    return enterAtClose(NAME, ctx, this.p, { side, factors, level: vwap, stopLoss: bar.close - sign * this.p.stopAtr * atr, targets, reason: `${side} volume-VWAP confluence` });
  }

  /** Feeds the trend EMA each higher-timeframe candle once, when it has closed. */
  private updateTrend(ctx: StrategyContext): void {
    const htf = ctx.candlesOf(this.p.trendTimeframe);
    if (htf.length === 0 || htf.time(0) === this.trendSeen) return;
    this.trendSeen = htf.time(0);
    this.trend.add(htf.close(0));
  }
}

export const volumeVwap: StrategyDefinition<typeof params> = {
  name: NAME,
  description: 'volume z-score (40 %), close on the trade side of VWAP within 1σ (35 %) and the 1h EMA trend (25 %) weighted into a strength; enter at 0.75; ATR stop, half off at 1.5 and 3 ATR, 4-hour limit',
  params,
  needs: (p) => ({ timeframes: [p.trendTimeframe] }),
  create: (p) => new VolumeVwap(p),
};
