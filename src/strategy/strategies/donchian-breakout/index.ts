// The second reference strategy, with everything a realistic one uses: a higher-timeframe trend filter, ATR stops, a two-rung TP ladder, breakeven and a time stop.
import { z } from 'zod';
import { EMA } from '../../../indicators/trend/ema.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import { DonchianChannels } from '../../../indicators/volatility/donchian.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import { TIMEFRAMES } from '../../../domain/timeframe.js';

const params = z.strictObject({
  /** Breakout of the highest high / lowest low of the previous `channel` candles. */
  channel: z.number().int().min(5).max(500).default(20),
  atr: z.number().int().min(2).max(200).default(14),
  /** Initial stop, in ATRs from the entry candle's close. */
  stopAtr: z.number().min(0.2).max(10).default(1.5),
  /** The two targets, in ATRs; half of the position at each. */
  target1Atr: z.number().min(0.2).max(20).default(1.5),
  target2Atr: z.number().min(0.2).max(40).default(3),
  /** Trend filter: trade only with the EMA of this timeframe's closes. */
  trendTimeframe: z.enum(TIMEFRAMES).default('1h'),
  trendEma: z.number().int().min(2).max(500).default(50),
  /** Share of equity lost when the initial stop is hit, in percent. */
  riskPct: z.number().positive().max(10).default(1),
  /** Largest position value as a percent of equity (100 = 1× leverage). */
  maxExposurePct: z.number().positive().max(10_000).default(100),
  /** Close after this many candles whatever happens (0: never). */
  maxBars: z.number().int().min(0).max(10_000).default(48),
});

type Params = z.infer<typeof params>;

const NOTHING: readonly Intent[] = Object.freeze([]);

class DonchianBreakout implements Strategy {
  private readonly channel: DonchianChannels;
  private readonly atr: ATR;
  private readonly trend: EMA;
  private trendSeen = 0;
  private barsHeld = 0;
  /** Size when the position opened: a smaller size means the first target filled. */
  private openedSize = 0;
  private entry = Number.NaN;

  constructor(private readonly p: Params) {
    this.channel = new DonchianChannels(p.channel);
    this.atr = new ATR(p.atr);
    this.trend = new EMA(p.trendEma);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    this.updateTrend(ctx);
    const ready = this.channel.isStable && this.atr.isStable && this.trend.isStable;
    // The channel of the candles before this one: a breakout is this close beyond it.
    const upper = ready ? this.channel.upper : Number.NaN;
    const lower = ready ? this.channel.lower : Number.NaN;
    const atr = ready ? this.atr.value : Number.NaN;
    this.channel.add(bar);
    this.atr.add(bar);
    const size = ctx.position.size;
    if (size !== 0) return this.manage(ctx, size);
    this.barsHeld = 0;
    this.openedSize = 0;
    if (!ready || !(atr > 0)) return NOTHING;
    const up = this.trend.value;
    const trendClose = ctx.candlesOf(this.p.trendTimeframe).close(0);
    const side = bar.close > upper && trendClose > up ? 'long' : bar.close < lower && trendClose < up ? 'short' : undefined;
    if (!side) return NOTHING;
    const sign = side === 'long' ? 1 : -1;
    const stopDistance = this.p.stopAtr * atr;
    const equity = ctx.account.equity;
    const qty = Math.min((equity * this.p.riskPct) / 100 / stopDistance, (equity * this.p.maxExposurePct) / 100 / bar.close);
    this.entry = bar.close;
    return [
      {
        kind: 'enter',
        side,
        qty,
        stopLoss: bar.close - sign * stopDistance,
        targets: [
          { price: bar.close + sign * this.p.target1Atr * atr, fraction: 0.5 },
          { price: bar.close + sign * this.p.target2Atr * atr, fraction: 0.5 },
        ],
        reason: `${side === 'long' ? 'upper' : 'lower'} channel breakout`,
      },
    ];
  }

  /** Breakeven once the first target is taken, and the time stop. */
  private manage(ctx: StrategyContext, size: number): readonly Intent[] {
    this.barsHeld++;
    if (this.openedSize === 0) this.openedSize = Math.abs(size);
    if (this.p.maxBars > 0 && this.barsHeld >= this.p.maxBars) return [{ kind: 'exit', reason: 'time stop' }];
    const long = size > 0;
    const stop = ctx.position.stopLoss;
    const atBreakeven = stop !== undefined && (long ? stop >= this.entry : stop <= this.entry);
    if (Math.abs(size) < this.openedSize && !atBreakeven && Number.isFinite(this.entry)) return [{ kind: 'moveStop', stopLoss: this.entry }];
    return NOTHING;
  }

  /** Feeds the trend EMA each higher-timeframe candle once, when it appears. */
  private updateTrend(ctx: StrategyContext): void {
    const view = ctx.candlesOf(this.p.trendTimeframe);
    if (view.length === 0) return;
    const newest = view.time(0);
    if (newest === this.trendSeen) return;
    this.trendSeen = newest;
    this.trend.add(view.close(0));
  }
}

export const donchianBreakout: StrategyDefinition<typeof params> = {
  name: 'donchian-breakout',
  description: 'breakout of the previous N-candle channel with the higher-timeframe EMA trend; ATR stop, half off at 1.5 ATR and 3 ATR, breakeven after the first target, time stop',
  params,
  needs: (p) => ({ timeframes: [p.trendTimeframe] }),
  create: (p) => new DonchianBreakout(p),
};
