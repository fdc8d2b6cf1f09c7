// Trend Pullback: in a stacked EMA 8/13/21/34/55 ribbon, buy (sell) the pullback to the 21/34 EMAs once a candle resumes the trend on rising volume.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { EmaRibbon } from '../../../indicators/trend/ribbon.js';
import { SMA } from '../../../indicators/trend/sma.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import type { PairSettings } from '../../pairs.js';
import { rLadder, rLadderParams, targetMoveFactor, targetsInOrder } from '../multitf-volume/r-ladder.js';
import { NOTHING, enterIntent } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { factor, gatesPass, makeSignal } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';
import { PullbackTracker } from './pullback-tracker.js';

const NAME = 'trend-pullback';

const params = z
  .strictObject({
    /** Trend strength: the EMA 8 at least this many ATRs beyond the EMA 55 (a flat, tangled ribbon chops). */
    minRibbonSpreadAtr: z.number().min(0).max(20).default(2),
    /** The pullback's last touch of the EMA 21 must be at most this many candles before the signal. */
    pullbackBars: z.number().int().min(0).max(50).default(6),
    /** A low (high) within this many ATRs above (below) the EMA 21 counts as a touch. */
    touchAtr: z.number().min(0).max(2).default(0.1),
    /** The continuation candle's volume against the mean of the previous `volumePeriod` candles. */
    volumePeriod: z.number().int().min(5).max(500).default(20),
    minRelativeVolume: z.number().min(0).max(10).default(1.2),
    atr: z.number().int().min(2).max(200).default(14),
    /** Stop beyond the pullback's extreme by this many ATRs (times the pair's ATR multiplier). */
    stopBufferAtr: z.number().min(0).max(5).default(0.3),
    ...rLadderParams,
    maxMinutes: maxMinutesParam(240),
    ...riskParams,
  })
  .refine(...targetsInOrder);

type Params = z.infer<typeof params>;

/** The conditions that must all pass; a pullback that held the EMA 34 only adds strength. */
const GATES = ['ribbon stacked', 'ribbon spread', 'pullback to EMA 21/34', 'continuation', 'volume / average', 'target move'] as const;
/** Indexes of the EMAs in the 8/13/21/34/55 ribbon. */
const EMA8 = 0;
const EMA21 = 2;
const EMA34 = 3;
const EMA55 = 4;

class TrendPullback implements Strategy {
  private readonly ribbon = new EmaRibbon([8, 13, 21, 34, 55]);
  private readonly volumeAverage: SMA;
  private readonly atr: ATR;
  private readonly pullbacks: PullbackTracker;
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;

  constructor(private readonly p: Params) {
    this.volumeAverage = new SMA(p.volumePeriod);
    this.atr = new ATR(p.atr);
    this.pullbacks = new PullbackTracker(p.pullbackBars);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    // The volume baseline excludes the signal candle, so its own volume cannot dilute it.
    const averageVolume = this.volumeAverage.isStable ? this.volumeAverage.value : Number.NaN;
    this.volumeAverage.add(bar.volume);
    this.atr.add(bar);
    this.ribbon.add(bar.close);
    if (!this.ribbon.isStable || !this.atr.isStable) return NOTHING;
    const atr = this.atr.value;
    this.pullbacks.add(bar, { inner: this.ribbon.ema(EMA21), outer: this.ribbon.ema(EMA34), guard: this.ribbon.ema(EMA55), tolerance: this.p.touchAtr * atr });
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    const settings = this.pair.resolve(ctx.symbol, atr);
    const stack = this.ribbon.stack;
    if (!settings || stack === 0 || !(averageVolume > 0)) return NOTHING;
    return this.entry(ctx, stack > 0 ? 'long' : 'short', atr, averageVolume, settings);
  }

  private entry(ctx: StrategyContext, side: 'long' | 'short', atr: number, averageVolume: number, settings: PairSettings): readonly Intent[] {
    const sign = side === 'long' ? 1 : -1;
    const candles = ctx.candles;
    const close = candles.close(0);
    const barsSince = this.pullbacks.barsSince(side);
    const extreme = this.pullbacks.extreme(side);
    const heldBy = this.pullbacks.outerMargin(side);
    // Continuation: the close got past the previous candle's high (long) or low (short).
    const previousEdge = side === 'long' ? candles.high(1) : candles.low(1);
    const continuation = (sign * (close - previousEdge)) / atr;
    const relativeVolume = candles.volume(0) / averageVolume;
    const stopLoss = extreme - sign * this.p.stopBufferAtr * atr * settings.atrMultiplier;
    const stopDistance = sign * (close - stopLoss);
    const sized = Number.isFinite(stopDistance) && stopDistance > 0;
    const targetMove = sized ? this.p.target2R * stopDistance : 0;
    const spread = (sign * (this.ribbon.ema(EMA8) - this.ribbon.ema(EMA55))) / atr;
    const factors = [
      factor('ribbon stacked', this.ribbon.stack * sign, true, 0.15, 1),
      factor('ribbon spread', spread, spread >= this.p.minRibbonSpreadAtr, 0.1, this.p.minRibbonSpreadAtr),
      factor('pullback to EMA 21/34', Number.isFinite(barsSince) ? barsSince : -1, barsSince <= this.p.pullbackBars, 0.2, this.p.pullbackBars),
      factor('continuation', continuation, continuation > 0, 0.2, 0),
      factor('volume / average', relativeVolume, relativeVolume >= this.p.minRelativeVolume, 0.15, this.p.minRelativeVolume),
      targetMoveFactor(targetMove, sized, settings, this.p.minTargetMove, 0.1),
      factor('pullback held EMA 34', Number.isFinite(heldBy) ? heldBy / atr : 0, heldBy >= 0, 0.1, 0),
    ];
    if (!gatesPass(factors, GATES)) return NOTHING;
    this.pullbacks.consume(side);
    return enterIntent(
      {
        entry: close,
        stopLoss,
        targets: rLadder(close, sign, stopDistance, this.p),
        signal: makeSignal(NAME, ctx, side, factors, extreme),
        reason: `${side}: pullback to the EMA 21/34 resumed`,
      },
      ctx.account.equity,
      this.p,
    );
  }
}

export const trendPullback: StrategyDefinition<typeof params> = {
  name: NAME,
  description:
    'EMA 8/13/21/34/55 ribbon stacked with the EMA 8 ≥ 2 ATR beyond the EMA 55; after a pullback that touched the EMA 21/34 (closes held the EMA 55) within 6 candles, a close past the previous candle on ≥ 1.2× average volume; stop beyond the pullback extreme, half at 1R and 2R, breakeven after the first, 4-hour limit',
  params,
  create: (p) => new TrendPullback(p),
};
