// The signal pipeline around a strategy: Level 1 market context, Level 2 the strategy itself, Level 3 an optional model score, then regime scaling.
import { z } from 'zod';
import type { Candle } from '../../domain/candle.js';
import type { Intent } from '../../domain/intent.js';
import type { Fill } from '../../domain/order.js';
import type { OrderBook } from '../../domain/order-book.js';
import type { RoundTrip } from '../../domain/round-trip.js';
import type { Trade } from '../../domain/trade.js';
import type { Signal, SignalFactor } from '../../domain/signal.js';
import type { Intents, Strategy, StrategyContext, StrategyDefinition, StrategyNeeds } from '../api.js';
import { MarketFilter, type MarketVerdict } from './market-filter.js';
import { regimeScale, scaleEntry } from './regime-scaling.js';

const CORRELATION_SYMBOL = 'BTCUSDT';
const CORRELATION_TIMEFRAME = '5m';

/** The pipeline's own parameters, added to every wrapped strategy's (so `--params ctxAdx=false` switches a check off). */
export const PIPELINE_PARAMS = {
  ctxAdx: z.boolean().default(true),
  ctxAdxMin: z.number().min(0).max(100).default(25),
  ctxAtrPct: z.boolean().default(true),
  ctxAtrPctMin: z.number().min(0).max(100).default(30),
  ctxVolZ: z.boolean().default(true),
  ctxVolZMin: z.number().min(-5).max(10).default(0.5),
  ctxSession: z.boolean().default(true),
  ctxBtcCorr: z.boolean().default(true),
  ctxBtcCorrMax: z.number().min(-1).max(1).default(0.8),
  /** Scale stop, targets and size by the volatility regime. */
  regimeScaling: z.boolean().default(true),
  /** Level 3: the least model score an entry needs (used only when a model is plugged in). */
  minModelScore: z.number().min(0).max(1).default(0.5),
};

type PipelineParams = { [K in keyof typeof PIPELINE_PARAMS]: z.infer<(typeof PIPELINE_PARAMS)[K]> };
const PIPELINE_KEYS = Object.keys(PIPELINE_PARAMS) as (keyof PipelineParams)[];

/** Level 3: a model that scores a signal from 0 to 1 (the ML work plugs in here; without one every signal passes). */
export interface SignalModel {
  score(signal: Signal, ctx: StrategyContext): number;
}

/** Why entries were dropped, for analytics: the signal and the factor that failed. */
export interface DroppedSignal {
  readonly time: number;
  readonly level: 1 | 3;
  readonly factors: readonly SignalFactor[];
}

type Enter = Extract<Intent, { kind: 'enter' }>;

class PipelineStrategy implements Strategy {
  readonly dropped: DroppedSignal[] = [];
  private verdict: MarketVerdict | undefined;

  constructor(
    private readonly name: string,
    private readonly inner: Strategy,
    private readonly filter: MarketFilter,
    private readonly p: PipelineParams,
    private readonly model: SignalModel | undefined,
  ) {}

  onStart(ctx: StrategyContext): Intents {
    return this.inner.onStart ? this.pass(ctx, this.inner.onStart(ctx)) : undefined;
  }

  onCandle(ctx: StrategyContext): Intents {
    this.filter.update(ctx.candles.back(0), this.btcClose(ctx));
    this.verdict = undefined;
    return this.pass(ctx, this.inner.onCandle(ctx));
  }

  onForming(ctx: StrategyContext, forming: Candle): Intents {
    return this.inner.onForming ? this.pass(ctx, this.inner.onForming(ctx, forming)) : undefined;
  }

  onTrade(ctx: StrategyContext, trade: Trade): Intents {
    return this.inner.onTrade ? this.pass(ctx, this.inner.onTrade(ctx, trade)) : undefined;
  }

  onBook(ctx: StrategyContext, book: OrderBook): Intents {
    return this.inner.onBook ? this.pass(ctx, this.inner.onBook(ctx, book)) : undefined;
  }

  onFill(ctx: StrategyContext, fill: Fill): Intents {
    return this.inner.onFill ? this.pass(ctx, this.inner.onFill(ctx, fill)) : undefined;
  }

  onPositionClosed(ctx: StrategyContext, trade: RoundTrip): Intents {
    return this.inner.onPositionClosed ? this.pass(ctx, this.inner.onPositionClosed(ctx, trade)) : undefined;
  }

  /** Exits, stops and cancels go through untouched; entries face Level 1, Level 3 and the regime scaling. */
  private pass(ctx: StrategyContext, intents: Intents): Intents {
    if (!intents || intents.length === 0 || !intents.some((i) => i.kind === 'enter')) return intents;
    const verdict = (this.verdict ??= this.filter.evaluate());
    const out: Intent[] = [];
    for (const intent of intents) {
      if (intent.kind !== 'enter') out.push(intent);
      else {
        const entry = this.entry(ctx, intent, verdict);
        if (entry) out.push(entry);
      }
    }
    return out;
  }

  private entry(ctx: StrategyContext, intent: Enter, verdict: MarketVerdict): Enter | undefined {
    const context = ctx.symbol === CORRELATION_SYMBOL ? verdict.factors.filter((f) => f.name !== 'BTC correlation') : verdict.factors;
    if (!context.every((f) => f.passed)) {
      this.dropped.push({ time: ctx.time, level: 1, factors: context });
      return undefined;
    }
    const factors: SignalFactor[] = [...context, ...(intent.signal?.factors ?? [])];
    const base: Signal = { strategy: this.name, symbol: ctx.symbol, time: ctx.time, side: intent.side, strength: 1, ...intent.signal, factors };
    if (this.model) {
      const score = this.model.score(base, ctx);
      const factor: SignalFactor = { name: 'model score', value: score, threshold: this.p.minModelScore, passed: score >= this.p.minModelScore };
      if (!factor.passed) {
        this.dropped.push({ time: ctx.time, level: 3, factors: [factor] });
        return undefined;
      }
      factors.push(factor);
    }
    const scale = this.p.regimeScaling ? regimeScale(verdict.atrPercentile) : undefined;
    const scaled = scale ? scaleEntry(intent, scale, ctx.candles.close(0)) : intent;
    if (scale && scale.label !== 'normal') factors.push({ name: `regime: ${scale.label}`, value: verdict.atrPercentile, passed: true });
    return { ...scaled, signal: base };
  }

  /** BTC's close for the same candle, when the correlation check is on and it has closed. */
  private btcClose(ctx: StrategyContext): number | undefined {
    if (!this.p.ctxBtcCorr || ctx.symbol === CORRELATION_SYMBOL) return undefined;
    const btc = ctx.candlesOf(CORRELATION_TIMEFRAME, CORRELATION_SYMBOL);
    return btc.length > 0 && btc.time(0) === ctx.candles.time(0) ? btc.close(0) : undefined;
  }
}

/**
 * Wraps a strategy definition in the pipeline: its parameters gain the pipeline's (validated together),
 * its needs gain BTCUSDT 5m when the correlation check is on, and its entries pass the checks.
 */
export function withPipeline<Schema extends z.ZodObject>(definition: StrategyDefinition<Schema>, model?: SignalModel): StrategyDefinition {
  const innerKeys = Object.keys(definition.params.shape);
  const params = z.strictObject({ ...definition.params.shape, ...PIPELINE_PARAMS }).superRefine((value, ctx) => {
    // The strategy's own refinements (fast < slow and the like) still apply.
    const inner = definition.params.safeParse(pick(value, innerKeys));
    if (!inner.success) for (const issue of inner.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  });
  const split = (all: Record<string, unknown>) => ({ inner: definition.params.parse(pick(all, innerKeys)) as z.infer<Schema>, pipeline: pick(all, PIPELINE_KEYS) as PipelineParams });
  return {
    name: definition.name,
    description: `${definition.description} (through the signal pipeline: market context, model score, regime scaling)`,
    params: params as unknown as z.ZodObject,
    ...(definition.lookback ? { lookback: definition.lookback } : {}),
    needs: (all) => {
      const { inner, pipeline } = split(all as Record<string, unknown>);
      const own: StrategyNeeds = definition.needs?.(inner) ?? {};
      if (!pipeline.ctxBtcCorr) return own;
      return { ...own, symbols: [...(own.symbols ?? []), { symbol: CORRELATION_SYMBOL, timeframe: CORRELATION_TIMEFRAME }] };
    },
    create: (all) => {
      const { inner, pipeline } = split(all as Record<string, unknown>);
      const filter = new MarketFilter({
        adx: pipeline.ctxAdx,
        adxMin: pipeline.ctxAdxMin,
        atrPercentile: pipeline.ctxAtrPct,
        atrPercentileMin: pipeline.ctxAtrPctMin,
        volumeZ: pipeline.ctxVolZ,
        volumeZMin: pipeline.ctxVolZMin,
        session: pipeline.ctxSession,
        sessions: ['asia', 'europe', 'us'],
        btcCorrelation: pipeline.ctxBtcCorr,
        btcCorrelationMax: pipeline.ctxBtcCorrMax,
        btcCorrelationBars: 12,
      });
      return new PipelineStrategy(definition.name, definition.create(inner), filter, pipeline, model);
    },
  };
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = value[key];
  return out;
}
