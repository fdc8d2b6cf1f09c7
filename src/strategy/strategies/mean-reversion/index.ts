// Mean Reversion: fade a close beyond VWAP ±2σ when RSI is at an extreme and has diverged from price; take profit at VWAP or the volume POC.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { VolumeProfile } from '../../../features/price/volume-profile.js';
import { DivergenceDetector } from '../../../indicators/momentum/divergence.js';
import { RSI } from '../../../indicators/momentum/rsi.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import { AnchoredVWAP, HOUR_MS, MONDAY_EPOCH } from '../../../indicators/volume/vwap.js';
import type { TakeProfitRung } from '../../../domain/intent.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import { NOTHING, enterAtClose, twoTargets } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { factor, gatesPass } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';

const NAME = 'mean-reversion';

const params = z
  .strictObject({
    /** VWAP anchor period in hours from Monday 00:00 UTC (24: the UTC day). */
    vwapHours: z.number().int().min(1).max(168).default(24),
    /** No fades this soon after the VWAP anchor: its σ is still too young to mean much. */
    warmupMinutes: z.number().int().min(0).max(1440).default(60),
    /** Fade a close at least this many σ from VWAP. */
    bandSigma: z.number().min(0.5).max(5).default(2),
    rsi: z.number().int().min(2).max(100).default(14),
    /** RSI at or below rsiLow backs a long, at or above rsiHigh a short. */
    rsiLow: z.number().min(5).max(50).default(30),
    rsiHigh: z.number().min(50).max(95).default(70),
    /** RSI pivots: candles on the left that must be beyond the pivot, candles on the right that confirm it. */
    pivotLeft: z.number().int().min(1).max(20).default(5),
    pivotRight: z.number().int().min(1).max(10).default(2),
    /** A regular divergence counts for this many candles after it was confirmed. */
    divergenceBars: z.number().int().min(1).max(100).default(12),
    /** Without it, divergence only adds strength. */
    requireDivergence: z.boolean().default(true),
    /** Rolling volume profile (its POC is the second target) over this many candles. */
    profileBars: z.number().int().min(12).max(2000).default(288),
    /** Profile bin size in SOL dollars, scaled per pair. */
    binUsd: z.number().min(0.01).max(2).default(0.05),
    atr: z.number().int().min(2).max(200).default(14),
    /** Stop beyond the signal candle's extreme, in ATRs (times the pair's ATR multiplier). */
    stopAtr: z.number().min(0.1).max(10).default(1),
    maxMinutes: maxMinutesParam(180),
    ...riskParams,
  })
  .refine((p) => p.rsiLow < p.rsiHigh, { message: 'rsiLow must be below rsiHigh', path: ['rsiLow'] });

type Params = z.infer<typeof params>;

const GATES = ['close vs VWAP (σ)', 'RSI'] as const;
const DIVERGENCE = 'candles since regular RSI divergence';
const REACHED_VWAP: readonly Intent[] = Object.freeze([{ kind: 'exit', reason: 'reached VWAP' }]);

class MeanReversion implements Strategy {
  private readonly vwap: AnchoredVWAP;
  private readonly rsi: RSI;
  private readonly divergence: DivergenceDetector;
  private readonly atr: ATR;
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;
  /** Built once the pair's dollar scale is known (its bins are in price). */
  private profile: VolumeProfile | undefined;
  /** Candle count when the last regular bullish / bearish divergence was confirmed. */
  private bullishAt = Number.NaN;
  private bearishAt = Number.NaN;
  private candlesSeen = 0;

  constructor(private readonly p: Params) {
    this.vwap = new AnchoredVWAP(p.vwapHours * HOUR_MS);
    this.rsi = new RSI(p.rsi);
    this.divergence = new DivergenceDetector({ left: p.pivotLeft, right: p.pivotRight, rangeMin: 5, rangeMax: 60 });
    this.atr = new ATR(p.atr);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    this.candlesSeen++;
    this.vwap.add(bar);
    this.atr.add(bar);
    this.rsi.add(bar.close);
    if (this.rsi.isStable) this.divergence.add(this.rsi.value, bar.low, bar.high);
    if (this.divergence.isStable && this.divergence.regularBullish) this.bullishAt = this.candlesSeen;
    if (this.divergence.isStable && this.divergence.regularBearish) this.bearishAt = this.candlesSeen;
    const settings = this.pair.resolve(ctx.symbol, this.atr.isStable ? this.atr.value : Number.NaN);
    if (settings && !this.profile) this.profile = new VolumeProfile({ window: this.p.profileBars, tickSize: PairScale.usd(settings, this.p.binUsd), binTicks: 1 });
    this.profile?.add(bar);
    if (ctx.position.size !== 0) return this.manage(ctx);
    this.trade.flat();
    if (!settings || !this.profile?.isStable || !this.rsi.isStable || !this.atr.isStable) return NOTHING;
    if (ctx.time - this.anchorStart(ctx.time) < this.p.warmupMinutes * 60_000) return NOTHING;
    return this.entry(ctx, this.profile.poc, this.atr.value * settings.atrMultiplier);
  }

  private entry(ctx: StrategyContext, poc: number, atr: number): readonly Intent[] {
    const close = ctx.candles.close(0);
    const vwap = this.vwap.vwap;
    const sigma = this.vwap.deviation;
    if (!(sigma > 0)) return NOTHING;
    const stretch = (close - vwap) / sigma;
    // Fade the stretch: below the lower band buy, above the upper band sell.
    const side = stretch <= -this.p.bandSigma ? 'long' : stretch >= this.p.bandSigma ? 'short' : undefined;
    if (!side) return NOTHING;
    const sign = side === 'long' ? 1 : -1;
    const rsi = this.rsi.value;
    const rsiLimit = side === 'long' ? this.p.rsiLow : this.p.rsiHigh;
    const divergedAt = side === 'long' ? this.bullishAt : this.bearishAt;
    const since = Number.isNaN(divergedAt) ? -1 : this.candlesSeen - divergedAt;
    const factors = [
      factor('close vs VWAP (σ)', stretch, true, 0.35, -sign * this.p.bandSigma),
      factor('RSI', rsi, side === 'long' ? rsi <= rsiLimit : rsi >= rsiLimit, 0.3, rsiLimit),
      factor(DIVERGENCE, since, since >= 0 && since < this.p.divergenceBars, 0.35, this.p.divergenceBars),
    ];
    if (!gatesPass(factors, this.p.requireDivergence ? [...GATES, DIVERGENCE] : GATES)) return NOTHING;
    const extreme = side === 'long' ? ctx.candles.low(0) : ctx.candles.high(0);
    const reason = `${side} fade of the ${side === 'long' ? 'lower' : 'upper'} VWAP band`;
    return enterAtClose(NAME, ctx, this.p, { side, factors, level: vwap, stopLoss: extreme - sign * this.p.stopAtr * atr, targets: reversionTargets(close, sign, vwap, poc), reason });
  }

  /** The shared rules, but out at once when the close is back at the VWAP as it stands now (the target set at entry does not follow it). */
  private manage(ctx: StrategyContext): readonly Intent[] {
    const kept = this.trade.manage(ctx);
    const reached = ctx.position.size > 0 ? ctx.candles.close(0) >= this.vwap.vwap : ctx.candles.close(0) <= this.vwap.vwap;
    return reached ? REACHED_VWAP : kept;
  }

  /** Open time of the VWAP anchor period `time` falls in. */
  private anchorStart(time: number): number {
    const period = this.p.vwapHours * HOUR_MS;
    return MONDAY_EPOCH + Math.floor((time - MONDAY_EPOCH) / period) * period;
  }
}

/** Half at the nearer of VWAP and POC, the rest at the farther; all at VWAP when the POC lies behind the entry. */
function reversionTargets(close: number, sign: 1 | -1, vwap: number, poc: number): TakeProfitRung[] {
  if (!(sign * (poc - close) > 0) || poc === vwap) return [{ price: vwap, fraction: 1 }];
  const pocNearer = sign * (poc - vwap) < 0;
  return pocNearer ? twoTargets(poc, vwap) : twoTargets(vwap, poc);
}

export const meanReversion: StrategyDefinition<typeof params> = {
  name: NAME,
  description: 'fade a close beyond VWAP ±2σ with RSI ≤ 30 / ≥ 70 and a recent regular RSI divergence; half off at the nearer of VWAP and the 24 h volume POC, the rest at the farther; ATR stop beyond the signal candle, 3-hour limit',
  params,
  create: (p) => new MeanReversion(p),
};
