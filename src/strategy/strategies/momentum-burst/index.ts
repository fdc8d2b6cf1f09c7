// Momentum Burst: a volume spike of 3× the average that breaks the last 5m high or low as RSI crosses 50; $2–2.5 targets, a $0.8–1 stop (SOL dollars), 45 minutes at most.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { RSI } from '../../../indicators/momentum/rsi.js';
import { SMA } from '../../../indicators/trend/sma.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import { NOTHING, enterAtClose, twoTargets } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { closeLocation, factor, gatesPass } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';

const NAME = 'momentum-burst';

const params = z
  .strictObject({
    /** Average volume of this many previous candles is the spike's baseline. */
    volumePeriod: z.number().int().min(5).max(500).default(20),
    /** The burst candle's volume, in multiples of that average. */
    volumeSpike: z.number().min(1.5).max(20).default(3),
    /** The close must break the high (long) or low (short) of this many previous candles. */
    breakBars: z.number().int().min(1).max(50).default(1),
    rsi: z.number().int().min(2).max(100).default(14),
    /** Stop beyond the burst candle's far end, kept between these distances (SOL dollars, scaled per pair). */
    stopMinUsd: z.number().min(0.1).max(10).default(0.8),
    stopMaxUsd: z.number().min(0.1).max(10).default(1),
    /** Half the position at each target (SOL dollars from the signal close, scaled per pair). */
    target1Usd: z.number().min(0.2).max(20).default(2),
    target2Usd: z.number().min(0.2).max(40).default(2.5),
    maxMinutes: maxMinutesParam(45),
    ...riskParams,
  })
  .refine((p) => p.stopMinUsd <= p.stopMaxUsd, { message: 'stopMinUsd must not exceed stopMaxUsd', path: ['stopMinUsd'] })
  .refine((p) => p.target1Usd <= p.target2Usd, { message: 'target1Usd must not exceed target2Usd', path: ['target1Usd'] });

type Params = z.infer<typeof params>;

/** The conditions that must all pass; the close location only adds strength. */
const GATES = ['volume / average', 'close beyond recent extreme', 'RSI crossed 50'] as const;
const STRONG_CLOSE = 2 / 3;

class MomentumBurst implements Strategy {
  private readonly volumeAverage: SMA;
  private readonly rsi: RSI;
  /** Only calibrates pairs outside the seed table. */
  private readonly atr = new ATR(14);
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;
  private previousRsi = Number.NaN;

  constructor(private readonly p: Params) {
    this.volumeAverage = new SMA(p.volumePeriod);
    this.rsi = new RSI(p.rsi);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const candles = ctx.candles;
    // The baseline excludes the burst candle itself, so a spike cannot dilute its own average.
    const average = this.volumeAverage.isStable ? this.volumeAverage.value : Number.NaN;
    this.volumeAverage.add(candles.volume(0));
    this.atr.add(candles.back(0));
    const rsiBefore = this.previousRsi;
    this.rsi.add(candles.close(0));
    const rsi = this.rsi.isStable ? this.rsi.value : Number.NaN;
    this.previousRsi = rsi;
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    const settings = this.pair.resolve(ctx.symbol, this.atr.isStable ? this.atr.value : Number.NaN);
    if (!settings || !(average > 0) || Number.isNaN(rsiBefore) || Number.isNaN(rsi) || candles.length <= this.p.breakBars) return NOTHING;
    return this.entry(ctx, average, rsiBefore, rsi, PairScale.usd(settings, 1));
  }

  private entry(ctx: StrategyContext, average: number, rsiBefore: number, rsi: number, usd: number): readonly Intent[] {
    const candles = ctx.candles;
    const close = candles.close(0);
    let highest = -Infinity;
    let lowest = Infinity;
    for (let k = 1; k <= this.p.breakBars; k++) {
      highest = Math.max(highest, candles.high(k));
      lowest = Math.min(lowest, candles.low(k));
    }
    const side = close > highest ? 'long' : close < lowest ? 'short' : undefined;
    if (!side) return NOTHING;
    const sign = side === 'long' ? 1 : -1;
    const level = side === 'long' ? highest : lowest;
    const ratio = candles.volume(0) / average;
    const crossed = side === 'long' ? rsiBefore <= 50 && rsi > 50 : rsiBefore >= 50 && rsi < 50;
    const location = closeLocation(candles, side);
    const factors = [
      factor('volume / average', ratio, ratio >= this.p.volumeSpike, 0.35, this.p.volumeSpike),
      factor('close beyond recent extreme', sign * (close - level), true, 0.25, 0),
      factor('RSI crossed 50', rsi, crossed, 0.25, 50),
      factor('close location in candle', location, location >= STRONG_CLOSE, 0.15, STRONG_CLOSE),
    ];
    if (!gatesPass(factors, GATES)) return NOTHING;
    // The stop sits beyond the burst candle's far end, but never closer or further than the set bounds.
    const farEnd = side === 'long' ? candles.low(0) : candles.high(0);
    const stopDistance = Math.min(Math.max(Math.abs(close - farEnd), this.p.stopMinUsd * usd), this.p.stopMaxUsd * usd);
    const targets = twoTargets(close + sign * this.p.target1Usd * usd, close + sign * this.p.target2Usd * usd);
    return enterAtClose(NAME, ctx, this.p, { side, factors, level, stopLoss: close - sign * stopDistance, targets, reason: `${side} momentum burst` });
  }
}

export const momentumBurst: StrategyDefinition<typeof params> = {
  name: NAME,
  description: 'volume spike ≥ 3× average breaking the previous candle high/low as RSI crosses 50; targets $2/$2.5, stop $0.8–1 (SOL dollars, scaled per pair), 45-minute limit',
  params,
  create: (p) => new MomentumBurst(p),
};
