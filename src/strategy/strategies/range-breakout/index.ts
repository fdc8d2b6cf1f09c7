// Range Breakout: a range of 2 h or more, narrower than $1.5 on SOL, with volume drying up inside; enter on a breakout with volume, targets 1.5× and 2.5× the range.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { timeframeMs } from '../../../domain/timeframe.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import type { CandleView, Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import { NOTHING, enterAtClose, twoTargets } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { closeLocation, factor, gatesPass } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';

const NAME = 'range-breakout';

/** The candles a range may span at most: the engine keeps 500 per view. */
const MAX_RANGE_BARS = 480;

const params = z
  .strictObject({
    /** The range is the candles of this many minutes before the breakout candle. */
    rangeMinutes: z.number().int().min(30).max(480).default(120),
    /** Widest range (high − low) that still counts as one, in SOL dollars scaled per pair. */
    maxWidthUsd: z.number().min(0.1).max(20).default(1.5),
    /** Narrowest range worth trading (its targets must pay the fees), in SOL dollars scaled per pair. */
    minWidthUsd: z.number().min(0).max(10).default(0),
    /** Volume falling inside: mean volume of the range's second half over its first half must stay below this. */
    volumeFade: z.number().min(0.2).max(2).default(1),
    /** The breakout candle's volume, in multiples of the range's mean volume. */
    breakoutVolume: z.number().min(0.5).max(20).default(1.5),
    /** Targets from the broken edge, in range widths; half the position at each. */
    target1Range: z.number().min(0.25).max(10).default(1.5),
    target2Range: z.number().min(0.25).max(20).default(2.5),
    /** Stop back inside the range from the broken edge, in range widths (0.5: its middle, 1: the far edge). */
    stopRange: z.number().min(0).max(2).default(0.5),
    maxMinutes: maxMinutesParam(240),
    ...riskParams,
  })
  .refine((p) => p.minWidthUsd < p.maxWidthUsd, { message: 'minWidthUsd must be below maxWidthUsd', path: ['minWidthUsd'] })
  .refine((p) => p.target1Range <= p.target2Range, { message: 'target1Range must not exceed target2Range', path: ['target1Range'] });

type Params = z.infer<typeof params>;

const GATES = ['range width', 'late / early range volume', 'breakout volume / range volume', 'extension beyond edge (ranges)'] as const;
const STRONG_CLOSE = 2 / 3;

interface Range {
  readonly high: number;
  readonly low: number;
  readonly meanVolume: number;
  /** Mean volume of the range's later half over its earlier half: below 1 when volume fell. */
  readonly volumeTrend: number;
}

/** The range of candles 1..bars back (the newest candle, the breakout candidate, excluded). */
function rangeBefore(candles: CandleView, bars: number): Range {
  let high = -Infinity;
  let low = Infinity;
  let early = 0;
  let late = 0;
  const half = Math.floor(bars / 2);
  for (let k = 1; k <= bars; k++) {
    high = Math.max(high, candles.high(k));
    low = Math.min(low, candles.low(k));
    // k counts back in time: the first `half` candles back are the later half.
    if (k <= half) late += candles.volume(k);
    else early += candles.volume(k);
  }
  const lateMean = late / half;
  const earlyMean = early / (bars - half);
  return { high, low, meanVolume: (early + late) / bars, volumeTrend: earlyMean > 0 ? lateMean / earlyMean : Number.POSITIVE_INFINITY };
}

class RangeBreakout implements Strategy {
  private readonly atr = new ATR(14);
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;

  constructor(private readonly p: Params) {
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    this.atr.add(ctx.candles.back(0));
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    const bars = Math.min(MAX_RANGE_BARS, Math.ceil((this.p.rangeMinutes * 60_000) / timeframeMs(ctx.timeframe)));
    const settings = this.pair.resolve(ctx.symbol, this.atr.isStable ? this.atr.value : Number.NaN);
    if (!settings || bars < 2 || ctx.candles.length <= bars) return NOTHING;
    return this.entry(ctx, rangeBefore(ctx.candles, bars), PairScale.usd(settings, 1));
  }

  private entry(ctx: StrategyContext, range: Range, usd: number): readonly Intent[] {
    const candles = ctx.candles;
    const close = candles.close(0);
    const side = close > range.high ? 'long' : close < range.low ? 'short' : undefined;
    if (!side) return NOTHING;
    const sign = side === 'long' ? 1 : -1;
    const edge = side === 'long' ? range.high : range.low;
    const width = range.high - range.low;
    const maxWidth = this.p.maxWidthUsd * usd;
    const volumeRatio = range.meanVolume > 0 ? candles.volume(0) / range.meanVolume : 0;
    const extension = width > 0 ? (sign * (close - edge)) / width : Number.POSITIVE_INFINITY;
    const location = closeLocation(candles, side);
    const factors = [
      factor('range width', width, width <= maxWidth && width >= this.p.minWidthUsd * usd, 0.25, maxWidth),
      factor('late / early range volume', range.volumeTrend, range.volumeTrend < this.p.volumeFade, 0.2, this.p.volumeFade),
      factor('breakout volume / range volume', volumeRatio, volumeRatio >= this.p.breakoutVolume, 0.3, this.p.breakoutVolume),
      // A close already past the first target has spent the move: do not chase it.
      factor('extension beyond edge (ranges)', extension, extension < this.p.target1Range, 0.1, this.p.target1Range),
      factor('close location in candle', location, location >= STRONG_CLOSE, 0.15, STRONG_CLOSE),
    ];
    if (!gatesPass(factors, GATES)) return NOTHING;
    const targets = twoTargets(edge + sign * this.p.target1Range * width, edge + sign * this.p.target2Range * width);
    return enterAtClose(NAME, ctx, this.p, { side, factors, level: edge, stopLoss: edge - sign * this.p.stopRange * width, targets, reason: `${side} range breakout` });
  }
}

export const rangeBreakout: StrategyDefinition<typeof params> = {
  name: NAME,
  description: 'a range of ≥ 2 h narrower than $1.5 (SOL dollars, scaled per pair) with falling volume; enter on a close beyond it with volume; half off at 1.5× and 2.5× the range, stop mid-range',
  params,
  create: (p) => new RangeBreakout(p),
};
