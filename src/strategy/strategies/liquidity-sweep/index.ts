// Liquidity Sweep: a candle runs the stops under equal lows (over equal highs) and closes back inside; trade the reclaim toward the opposite pool.
import type { Fill } from '../../../domain/order.js';
import { z } from 'zod';
import { timeframeMs } from '../../../domain/timeframe.js';
import type { Candle } from '../../../domain/candle.js';
import type { SignalFactor } from '../../../domain/signal.js';
import type { Trade } from '../../../domain/trade.js';
import { ATR } from '../../../indicators/volatility/atr.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';
import type { PairSettings } from '../../pairs.js';
import { minTargetMoveParam, targetMoveFactor } from '../multitf-volume/r-ladder.js';
import { NOTHING, enterIntent, twoTargets, type EntryPlan } from '../shared/entry.js';
import { OpenTrade, maxMinutesParam } from '../shared/open-trade.js';
import { PairScale } from '../shared/pair-scale.js';
import { closeLocation, factor, gatesPass, makeSignal } from '../shared/signal.js';
import { riskParams } from '../shared/sizing.js';
import { CandleFlow } from './candle-flow.js';
import { LiquidityPools, type Pool } from './liquidity-pools.js';

const NAME = 'liquidity-sweep';

const params = z.strictObject({
  /** A swing is a high (low) beyond this many candles on each side, known once that many have closed after it. */
  swingBars: z.number().int().min(1).max(20).default(3),
  /** Unswept swings remembered on each side. */
  memory: z.number().int().min(2).max(100).default(20),
  /** Swings within this many ATRs of each other make one pool. */
  poolToleranceAtr: z.number().min(0).max(2).default(0.25),
  /** Swings a swept pool must hold: 2 are equal highs / lows, 1 lets any lone swing count. */
  minTouches: z.number().int().min(1).max(10).default(2),
  /** The sweep may pierce the pool by at most this many ATRs: further is a breakout, not a stop run. */
  maxSweepAtr: z.number().min(0.05).max(5).default(1.5),
  /** The close must be back inside the pool level by at least this many ATRs. */
  minReclaimAtr: z.number().min(0).max(2).default(0),
  /** With trades: taker delta after the sweep's extreme, as a share of the candle's traded volume. */
  minTurnShare: z.number().min(-1).max(1).default(0),
  atr: z.number().int().min(2).max(200).default(14),
  /** Stop beyond the sweep's extreme by this many ATRs (times the pair's ATR multiplier). */
  stopBufferAtr: z.number().min(0).max(3).default(0.5),
  /** Reward to the opposite pool over the risk to the stop. */
  minRewardRisk: z.number().min(0.5).max(10).default(1.5),
  /** The opposite pool must be at least this many of the pair's minimum move away (SOL: $2). */
  minTargetMove: minTargetMoveParam,
  maxMinutes: maxMinutesParam(360),
  ...riskParams,
});

type Params = z.infer<typeof params>;

/** The conditions that must all pass (the order-flow one joins them when the candle had trades). */
const GATES = ['pool touches', 'sweep depth', 'reclaim', 'reward/risk', 'target move'] as const;
const FLOW_GATE = 'taker delta after the sweep';
/** Named so the record says a signal was judged without trades. */
const NO_FLOW = 'order flow: no trades (candles only)';
const STRONG_CLOSE = 2 / 3;

class LiquiditySweep implements Strategy {
  private readonly pools: LiquidityPools;
  private readonly atr: ATR;
  private readonly pair = new PairScale();
  private readonly trade: OpenTrade;
  private flow: CandleFlow | undefined;

  constructor(private readonly p: Params) {
    this.pools = new LiquidityPools(p.swingBars, p.memory);
    this.atr = new ATR(p.atr);
    this.trade = new OpenTrade(p.maxMinutes);
  }

  onTrade(ctx: StrategyContext, trade: Trade): readonly Intent[] {
    this.flow ??= new CandleFlow(timeframeMs(ctx.timeframe));
    this.flow.add(trade);
    return NOTHING;
  }

  /** The trade follower learns the entry size from the fills. */
  onFill(_ctx: StrategyContext, fill: Fill): void {
    this.trade.onFill(fill);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const bar = ctx.candles.back(0);
    // Judged with the ATR and pools from before this candle: a sweep's own range must not widen its yardstick.
    const atr = this.atr.isStable ? this.atr.value : Number.NaN;
    const plans = ctx.position.size === 0 && atr > 0 ? this.plans(ctx, bar, atr) : [];
    this.atr.add(bar);
    this.pools.add(bar);
    if (ctx.position.size !== 0) return this.trade.manage(ctx);
    this.trade.flat();
    // A candle that swept and reclaimed both sides says nothing about direction.
    return plans.length === 1 ? enterIntent(plans[0]!, ctx.account.equity, this.p) : NOTHING;
  }

  /** The entries this candle's sweeps justify (each side judged on its own). */
  private plans(ctx: StrategyContext, bar: Candle, atr: number): EntryPlan[] {
    const settings = this.pair.resolve(ctx.symbol, atr);
    if (!settings) return [];
    const tolerance = this.p.poolToleranceAtr * atr;
    const plans: EntryPlan[] = [];
    for (const side of ['long', 'short'] as const) {
      const swept = side === 'long' ? this.pools.sellSide(tolerance) : this.pools.buySide(tolerance);
      const opposite = side === 'long' ? this.pools.buySide(tolerance) : this.pools.sellSide(tolerance);
      const pool = sweptPool(swept, bar, side, this.p.minTouches);
      const plan = pool && this.plan(ctx, bar, side, pool, opposite, atr, settings);
      if (plan) plans.push(plan);
    }
    return plans;
  }

  private plan(ctx: StrategyContext, bar: Candle, side: 'long' | 'short', pool: Pool, opposite: readonly Pool[], atr: number, settings: PairSettings): EntryPlan | undefined {
    const sign = side === 'long' ? 1 : -1;
    const extreme = side === 'long' ? bar.low : bar.high;
    const far = side === 'long' ? bar.high : bar.low;
    const depth = (sign * (pool.level - extreme)) / atr;
    const reclaim = (sign * (bar.close - pool.level)) / atr;
    const stopLoss = extreme - sign * this.p.stopBufferAtr * atr * settings.atrMultiplier;
    const risk = sign * (bar.close - stopLoss);
    const minMove = this.p.minTargetMove * settings.minMove;
    // The nearest opposite pool this candle left untouched, far enough to be worth the trade.
    const target = nearestBeyond(opposite, far, bar.close + sign * minMove, sign);
    const reward = target === undefined ? 0 : sign * (target.level - bar.close);
    const rewardRisk = reward / risk;
    const location = closeLocation(ctx.candles, side);
    const factors: SignalFactor[] = [
      factor('pool touches', pool.touches, pool.touches >= this.p.minTouches, 0.15, this.p.minTouches),
      factor('sweep depth', depth, depth <= this.p.maxSweepAtr, 0.1, this.p.maxSweepAtr),
      factor('reclaim', reclaim, reclaim > 0 && reclaim >= this.p.minReclaimAtr, 0.15, this.p.minReclaimAtr),
      factor('reward/risk', rewardRisk, rewardRisk >= this.p.minRewardRisk, 0.15, this.p.minRewardRisk),
      targetMoveFactor(reward, target !== undefined, settings, this.p.minTargetMove, 0.1),
      this.flowFactor(ctx.time, side),
      factor('close location in candle', location, location >= STRONG_CLOSE, 0.1, STRONG_CLOSE),
    ];
    const gates = factors.some((f) => f.name === FLOW_GATE) ? [...GATES, FLOW_GATE] : GATES;
    if (!target || !gatesPass(factors, gates)) return undefined;
    return {
      entry: bar.close,
      stopLoss,
      targets: twoTargets(bar.close + (target.level - bar.close) / 2, target.level),
      signal: makeSignal(NAME, ctx, side, factors, pool.level),
      reason: `${side}: swept ${pool.touches}-swing pool at ${pool.level}, target pool at ${target.level}`,
    };
  }

  /** Takers turning with the trade after the sweep's extreme; without trades for the candle, a factor of no weight that says so. */
  private flowFactor(candleTime: number, side: 'long' | 'short'): SignalFactor {
    const share = this.flow?.turnShare(candleTime, side);
    if (share === undefined) return factor(NO_FLOW, 0, false, 0);
    return factor(FLOW_GATE, share, share >= this.p.minTurnShare, 0.25, this.p.minTurnShare);
  }
}

/**
 * The pool the candle swept, of those it traded past: preferably one with enough touches, then one it
 * closed back inside, then the one with most touches (a failing one is still judged, and refused).
 */
function sweptPool(pools: readonly Pool[], bar: Candle, side: 'long' | 'short', minTouches: number): Pool | undefined {
  const sign = side === 'long' ? 1 : -1;
  const extreme = side === 'long' ? bar.low : bar.high;
  let best: Pool | undefined;
  let bestRank = -1;
  for (const pool of pools) {
    if (!(sign * (pool.level - extreme) > 0)) continue;
    const reclaimed = sign * (bar.close - pool.level) > 0;
    const rank = (pool.touches >= minTouches ? 2000 : 0) + (reclaimed ? 1000 : 0) + pool.touches;
    if (rank > bestRank) {
      best = pool;
      bestRank = rank;
    }
  }
  return best;
}

/** The nearest pool past both the candle's far end (`beyond`, untouched by it) and `atLeast`. */
function nearestBeyond(pools: readonly Pool[], beyond: number, atLeast: number, sign: 1 | -1): Pool | undefined {
  let nearest: Pool | undefined;
  for (const pool of pools) {
    if (sign * (pool.level - beyond) <= 0 || sign * (pool.level - atLeast) < 0) continue;
    if (!nearest || sign * (pool.level - nearest.level) < 0) nearest = pool;
  }
  return nearest;
}

export const liquiditySweep: StrategyDefinition<typeof params> = {
  name: NAME,
  description:
    'a candle trades past equal lows/highs (a pool of ≥ 2 confirmed swings) by at most 1.5 ATR and closes back inside; with trades, takers must turn after the extreme; stop beyond the sweep, half halfway and the rest at the nearest opposite pool (≥ 1.5 R and the pair minimum move), 6-hour limit',
  params,
  needs: () => ({ trades: true }),
  create: (p) => new LiquiditySweep(p),
};
