// Every threshold of the risk engine with its default, each switchable, and one clear InputError for a bad value.
import { z } from 'zod';
import { InputError, describeValue } from '../core/errors.js';
import { DEFAULT_LADDER } from './ladder.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A share in (0, 1]: of equity, of a move, of a position. */
const share = z.number().gt(0).lte(1);
const multiple = z.number().positive();
const durationMs = z.number().int().positive();
/** A group of settings with an on/off switch; every field has a default, so the whole group may be left out. */
function switchable<T extends z.ZodRawShape>(shape: T) {
  const group = z.strictObject({ enabled: z.boolean().default(true), ...shape });
  return group.prefault({} as z.input<typeof group>);
}

/** The ten checks of the signal validator, in the order they run. */
export const SIGNAL_CHECKS = [
  'symbolEnabled',
  'symbolActive',
  'signalAge',
  'alreadyProcessed',
  'positionLimit',
  'duplicatePosition',
  'stopDistance',
  'entryDeviation',
  'levelPresent',
  'enoughBalance',
] as const;
export type SignalCheck = (typeof SIGNAL_CHECKS)[number];

const rungSchema = z.strictObject({ atr: multiple, fraction: share });

const sizing = z
  .strictObject({
    /** Fixed-fractional risk: the share of equity lost when the stop is hit. */
    riskPerTrade: share.default(0.01),
    /** No sizing path (Kelly included) risks more than this share of equity on one trade. */
    maxRiskPerTrade: share.default(0.02),
    leverage: z.number().min(1).max(200).default(10),
    /** What the exposure caps measure: the margin an order ties up (notional / leverage) or its notional. */
    exposureBasis: z.enum(['margin', 'notional']).default('margin'),
    kelly: switchable({
      lookbackTrades: z.number().int().min(2).default(50),
      /** Fewer closed trades than this: the fixed fraction applies. */
      minTrades: z.number().int().min(2).default(20),
      fractionOfKelly: share.default(0.25),
      /** Risk share used when the Kelly fraction is this small or negative (0 = no entries without an edge). */
      floor: z.number().min(0).lte(1).default(0.0025),
    }),
    /** Size × base ATR / current ATR, kept within [minFactor, maxFactor]. */
    atrNormalisation: switchable({ minFactor: multiple.default(0.25), maxFactor: multiple.default(1) }),
    /** Size × signal strength, kept within [minScale, maxScale]. */
    confluence: switchable({ minScale: share.default(0.1), maxScale: share.default(1) }),
    /** Open positions whose correlation (signed by side) reaches `threshold` share one risk budget. */
    correlation: switchable({ threshold: share.default(0.7), maxCorrelatedPositions: z.number().int().min(1).default(3) }),
  })
  .prefault({});

const exits = z
  .strictObject({
    /** A strategy's stop is moved into [minAtr, maxAtr] × ATR from the entry; a missing one is placed at maxAtr. */
    initialStop: switchable({ minAtr: multiple.default(1), maxAtr: multiple.default(1.5) }),
    /** Trails (PSAR, give-back, structure) start once the best price is this many ATR in profit. */
    trailActivationAtr: z.number().min(0).default(1),
    psarTrail: switchable({}),
    givebackTrail: switchable({ maxGiveback: share.default(0.3) }),
    structureTrail: switchable({ bufferAtr: z.number().min(0).default(0.1) }),
    /** Stop to entry (+ offset) once the best price is `afterMovePct` in profit, or `afterR` × the initial risk. */
    breakeven: switchable({
      afterMovePct: share.nullable().default(0.005),
      afterR: multiple.nullable().default(null),
      offsetPct: z.number().min(0).lt(1).default(0),
    }),
    /** Close a position open `afterMs` that is still less than `minProgressPct` in profit. */
    timeStop: switchable({ afterMs: durationMs.default(2 * HOUR), minProgressPct: z.number().min(0).lte(1).default(0.005) }),
    /** When ATR reaches spikeRatio × base ATR, the initial stop widens with it, at most maxWidening times. */
    volatilityStop: switchable({ spikeRatio: z.number().gt(1).default(2), maxWidening: z.number().gt(1).default(1.5) }),
    /** Take-profit rungs at ATR multiples; what the rungs leave is the runner, which only trails. */
    ladder: switchable({
      rungs: z.array(rungSchema).min(1).default(() => DEFAULT_LADDER.map((rung) => ({ ...rung }))),
    }),
  })
  .prefault({});

const protections = z
  .strictObject({
    /** Equity down this share since the UTC day began: no entries until the next UTC day. */
    dailyLoss: switchable({ maxLossPct: share.default(0.03) }),
    lossStreak: switchable({ losses: z.number().int().min(1).default(3), pauseMs: durationMs.default(2 * HOUR) }),
    /** Drawdown from peak equity, a ladder of steps; each step keeps the ones below it. */
    drawdown: switchable({
      halfSizeAt: share.default(0.05),
      sizeFactor: share.default(0.5),
      highConfidenceAt: share.default(0.08),
      minStrength: share.default(0.8),
      noEntriesAt: share.default(0.1),
      haltAt: share.default(0.15),
    }),
    exposure: switchable({
      /** Sum over positions of (entry − stop) × size, as a share of equity. */
      maxOpenRisk: share.default(0.1),
      maxTotal: share.default(0.5),
      maxPerPosition: share.default(0.05),
    }),
    minBalance: switchable({ amount: z.number().min(0).default(10) }),
    /** A move above maxMove within one minute closes everything, cancels everything and pauses. */
    flashCrash: switchable({ maxMove: share.default(0.05), pauseMs: durationMs.default(30 * MINUTE) }),
  })
  .prefault({});

const signals = z
  .strictObject({
    disabledChecks: z.array(z.enum(SIGNAL_CHECKS)).default([]),
    /** Symbols that may be entered; absent: all. */
    enabledSymbols: z.array(z.string().min(1)).optional(),
    /** Measured from the close of the signal's candle. */
    maxAgeMs: durationMs.default(MINUTE),
    maxOpenPositions: z.number().int().min(1).default(5),
    minStopDistancePct: z.number().min(0).lt(1).default(0.0005),
    maxEntryDeviationPct: share.default(0.01),
  })
  .prefault({});

const breaker = (errors: number, cooldownMs: number) =>
  z.strictObject({ errors: z.number().int().min(1).default(errors), cooldownMs: durationMs.default(cooldownMs) }).prefault({});

const errors = z
  .strictObject({
    /** Consecutive errors of one strategy (any symbol) before it is paused. */
    strategyBreaker: breaker(5, 5 * MINUTE),
    /** Consecutive errors of one strategy on one symbol before it is paused there; above strategyBreaker.errors, so it escalates. */
    symbolBreaker: breaker(10, HOUR),
  })
  .prefault({});

export const riskConfigSchema = z
  .strictObject({ sizing, exits, protections, signals, errors })
  .superRefine((config, ctx) => {
    // The value goes along as a param: it may be a default the input never spelled out.
    const order = (path: string[], low: number, high: number, what: string) => {
      if (low > high) ctx.addIssue({ code: 'custom', path, message: `${what} (${high})`, params: { value: low } });
    };
    const { sizing: s, exits: e, protections: p } = config;
    order(['sizing', 'riskPerTrade'], s.riskPerTrade, s.maxRiskPerTrade, 'must not exceed sizing.maxRiskPerTrade');
    order(['sizing', 'kelly', 'minTrades'], s.kelly.minTrades, s.kelly.lookbackTrades, 'must not exceed lookbackTrades');
    order(['sizing', 'atrNormalisation', 'minFactor'], s.atrNormalisation.minFactor, s.atrNormalisation.maxFactor, 'must not exceed maxFactor');
    order(['sizing', 'confluence', 'minScale'], s.confluence.minScale, s.confluence.maxScale, 'must not exceed maxScale');
    order(['exits', 'initialStop', 'minAtr'], e.initialStop.minAtr, e.initialStop.maxAtr, 'must not exceed maxAtr');
    const d = p.drawdown;
    order(['protections', 'drawdown', 'highConfidenceAt'], d.halfSizeAt, d.highConfidenceAt, 'must be at least halfSizeAt');
    order(['protections', 'drawdown', 'noEntriesAt'], d.highConfidenceAt, d.noEntriesAt, 'must be at least highConfidenceAt');
    order(['protections', 'drawdown', 'haltAt'], d.noEntriesAt, d.haltAt, 'must be at least noEntriesAt');
    order(['protections', 'exposure', 'maxPerPosition'], p.exposure.maxPerPosition, p.exposure.maxTotal, 'must not exceed maxTotal');
    const ladderTotal = e.ladder.rungs.reduce((sum, rung) => sum + rung.fraction, 0);
    if (ladderTotal > 1 + 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['exits', 'ladder', 'rungs'], message: `fractions add up to ${ladderTotal}, above 1`, params: { value: e.ladder.rungs } });
    }
  });

export type RiskConfig = z.infer<typeof riskConfigSchema>;
/** Deep-partial input: anything left out takes its default. */
export type RiskConfigInput = z.input<typeof riskConfigSchema>;

/** Validates a risk configuration; every bad value is named with its path and value in one InputError. */
export function parseRiskConfig(input: unknown = {}): RiskConfig {
  const result = riskConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(root)';
    if (issue.code === 'unrecognized_keys') return `${issue.keys.map((key) => `${path}.${key}`).join(', ')}: unknown setting`;
    const value = issue.code === 'custom' ? (issue.params as { value?: unknown } | undefined)?.value : valueAt(input, issue.path);
    return `${path} = ${describeValue(value)}: ${issue.message}`;
  });
  throw new InputError(`invalid risk configuration:\n  ${lines.join('\n  ')}`);
}

function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let node = source;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}
