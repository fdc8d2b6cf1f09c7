// MultiTF Volume: trade a trend that the 5m, 15m and 1h candles agree on, on a candle whose volume backs it, while price is still near its EMA.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { TIMEFRAMES, timeframeMs } from '../../../domain/timeframe.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import { VolumeZScore } from '../../../indicators/volume/volz.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import type { PairSettings } from '../../pairs.js';
import { NOTHING, enterIntent } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { closeLocation, factor, gatesPass, makeSignal } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';
import { EmaTrend } from './ema-trend.js';
import { rLadder, rLadderParams, targetMoveFactor, targetsInOrder } from './r-ladder.js';

const NAME = 'multitf-volume';

const params = z
  .strictObject({
    /** The two higher timeframes whose trend must agree with the strategy's own (5m when run on 5m). */
    midTimeframe: z.enum(TIMEFRAMES).default('15m'),
    highTimeframe: z.enum(TIMEFRAMES).default('1h'),
    /** Each timeframe's trend: its close above (below) a rising (falling) EMA of this many of its closes. */
    trendEma: z.number().int().min(5).max(400).default(50),
    /** Volume z-score baseline: the previous candles. */
    volumePeriod: z.number().int().min(5).max(500).default(20),
    /** The signal candle's volume z-score, counted negative when its body points against the trade. */
    minVolumeZ: z.number().min(0).max(10).default(1.5),
    /** Price position: the close at most this many ATRs beyond the strategy timeframe's EMA (not chasing). */
    maxExtensionAtr: z.number().min(0.1).max(10).default(1.5),
    atr: z.number().int().min(2).max(200).default(14),
    /** Stop distance in ATRs (times the pair's ATR multiplier) from the signal close. */
    stopAtr: z.number().min(0.2).max(10).default(1.5),
    ...rLadderParams,
    maxMinutes: maxMinutesParam(240),
    ...riskParams,
  })
  .refine((p) => timeframeMs(p.midTimeframe) < timeframeMs(p.highTimeframe), { message: 'midTimeframe must be shorter than highTimeframe', path: ['midTimeframe'] })
  .refine(...targetsInOrder);

type Params = z.infer<typeof params>;

/** The conditions that must all pass; the close location only adds strength. */
const GATES = ['trend alignment', 'volume z-score', 'price position', 'target move'] as const;
const TIMEFRAME_COUNT = 3;
const STRONG_CLOSE = 2 / 3;

class MultiTfVolume implements Strategy {
  private readonly base: EmaTrend;
  private readonly mid: EmaTrend;
  private readonly high: EmaTrend;
  private readonly volume: VolumeZScore;
  private readonly atr: ATR;
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;

  constructor(private readonly p: Params) {
    this.base = new EmaTrend(p.trendEma);
    this.mid = new EmaTrend(p.trendEma);
    this.high = new EmaTrend(p.trendEma);
    this.volume = new VolumeZScore(p.volumePeriod);
    this.atr = new ATR(p.atr);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    this.base.update(ctx.candles);
    this.mid.update(ctx.candlesOf(this.p.midTimeframe));
    this.high.update(ctx.candlesOf(this.p.highTimeframe));
    this.volume.add(bar);
    this.atr.add(bar);
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    const atr = this.atr.isStable ? this.atr.value : Number.NaN;
    const settings = this.pair.resolve(ctx.symbol, atr);
    const direction = this.base.direction;
    if (!settings || !(atr > 0) || !this.volume.isStable || !this.high.isStable || direction === 0) return NOTHING;
    return this.entry(ctx, direction > 0 ? 'long' : 'short', atr, settings);
  }

  private entry(ctx: StrategyContext, side: 'long' | 'short', atr: number, settings: PairSettings): readonly Intent[] {
    const sign = side === 'long' ? 1 : -1;
    const candles = ctx.candles;
    const close = candles.close(0);
    const aligned = [this.base, this.mid, this.high].filter((trend) => trend.direction === sign).length;
    // A heavy candle that moved against the trade is selling into it (for a long), not confirming it.
    const withTrade = Math.sign(close - candles.open(0)) === sign;
    const z = this.volume.value;
    const volumeZ = withTrade ? z : -Math.abs(z);
    const extension = (sign * (close - this.base.value)) / atr;
    const stopDistance = this.p.stopAtr * atr * settings.atrMultiplier;
    const targetMove = this.p.target2R * stopDistance;
    const location = closeLocation(candles, side);
    const factors = [
      factor('trend alignment', aligned, aligned === TIMEFRAME_COUNT, 0.3, TIMEFRAME_COUNT),
      factor('volume z-score', volumeZ, volumeZ >= this.p.minVolumeZ, 0.25, this.p.minVolumeZ),
      factor('price position', extension, extension <= this.p.maxExtensionAtr, 0.2, this.p.maxExtensionAtr),
      targetMoveFactor(targetMove, true, settings, this.p.minTargetMove, 0.1),
      factor('close location in candle', location, location >= STRONG_CLOSE, 0.15, STRONG_CLOSE),
    ];
    if (!gatesPass(factors, GATES)) return NOTHING;
    return enterIntent(
      {
        entry: close,
        stopLoss: close - sign * stopDistance,
        targets: rLadder(close, sign, stopDistance, this.p),
        signal: makeSignal(NAME, ctx, side, factors),
        reason: `${side}: ${ctx.timeframe}/${this.p.midTimeframe}/${this.p.highTimeframe} trend with volume`,
      },
      ctx.account.equity,
      this.p,
    );
  }
}

export const multiTfVolume: StrategyDefinition<typeof params> = {
  name: NAME,
  description:
    'with the trend that the strategy timeframe, 15m and 1h agree on (close beyond a rising/falling EMA 50), on a candle with volume z ≥ 1.5 in the trend direction, close within 1.5 ATR of the EMA; ATR stop, half at 1R and 2R, breakeven after the first, 4-hour limit',
  params,
  needs: (p) => ({ timeframes: [p.midTimeframe, p.highTimeframe] }),
  create: (p) => new MultiTfVolume(p),
};
