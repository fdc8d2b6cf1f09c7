// The entry intent every strategy here sends: market order, risk-sized, stop, targets and the signal that produced it.
import type { Intent, TakeProfitRung } from '../../../domain/intent.js';
import type { Signal, SignalFactor } from '../../../domain/signal.js';
import type { StrategyContext } from '../../api.js';
import { makeSignal } from './signal.js';
import { riskSizedQty, type RiskSettings } from './sizing.js';

/** Returned on the candles with nothing to do: no new array per candle. */
export const NOTHING: readonly Intent[] = Object.freeze([]);

export interface EntryPlan {
  /** The reference price: the signal candle's close (the order fills at the next open). */
  readonly entry: number;
  readonly stopLoss: number;
  readonly targets: readonly TakeProfitRung[];
  readonly signal: Signal;
  readonly reason: string;
}

/** The enter intent for `plan`, sized so the stop loses `riskPct` of equity; none when it cannot be sized. */
export function enterIntent(plan: EntryPlan, equity: number, risk: RiskSettings): readonly Intent[] {
  const qty = riskSizedQty(equity, risk, plan.entry, Math.abs(plan.entry - plan.stopLoss));
  if (!(qty > 0)) return NOTHING;
  return [{ kind: 'enter', side: plan.signal.side, qty, stopLoss: plan.stopLoss, targets: plan.targets, reason: plan.reason, signal: plan.signal }];
}

/** An entry at the signal candle's close, described by what the strategy decided. */
export interface CloseEntry {
  readonly side: 'long' | 'short';
  readonly factors: readonly SignalFactor[];
  /** The price level the signal relies on, when there is one. */
  readonly level?: number;
  readonly stopLoss: number;
  readonly targets: readonly TakeProfitRung[];
  readonly reason: string;
}

/** enterIntent at the close of `ctx`'s newest candle, with the signal of `strategy` made from the entry's factors. */
export function enterAtClose(strategy: string, ctx: StrategyContext, risk: RiskSettings, e: CloseEntry): readonly Intent[] {
  const signal = makeSignal(strategy, ctx, e.side, e.factors, e.level);
  return enterIntent({ entry: ctx.candles.close(0), stopLoss: e.stopLoss, targets: e.targets, signal, reason: e.reason }, ctx.account.equity, risk);
}

/** Two rungs of `first` share at `near` and the rest at `far`, the usual ladder of a breakout. */
export function twoTargets(near: number, far: number, first = 0.5): TakeProfitRung[] {
  return [
    { price: near, fraction: first },
    { price: far, fraction: 1 - first },
  ];
}
