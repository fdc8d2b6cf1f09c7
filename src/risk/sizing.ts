// Fixed-fractional sizing: the quantity that loses the allowed risk at the stop, cut by every exposure and margin limit and rounded down to the lot grid.
import type { InstrumentRules } from '../domain/instrument.js';
import type { PositionSide } from '../domain/position.js';
import { deny, type Denial, type SizingRule } from './decision.js';
import { exposurePerNotional, openRisk, symbolExposure, totalExposure } from './exposure.js';
import type { RiskConfig } from './risk-config.js';
import type { OpenPosition } from './risk-view.js';
import { favourable } from './side.js';

export interface SizingRequest {
  readonly symbol: string;
  readonly side: PositionSide;
  readonly entryPrice: number;
  readonly stopPrice: number;
  readonly equity: number;
  readonly balance: number;
  /** Share of equity to risk before scaling (fixed or Kelly). */
  readonly riskFraction: number;
  /** Product of the size factors (ATR, confluence, correlation, drawdown step). */
  readonly scale: number;
  readonly positions: readonly OpenPosition[];
  /** A market order meets Bybit's (smaller) market-order size limit. */
  readonly market: boolean;
}

export interface Sized {
  /** On the lot grid. */
  readonly qty: number;
  /** USDT lost at the stop. */
  readonly risk: number;
  readonly limitedBy: SizingRule;
}

/** Relative slack for float noise before rounding down, so 49.99999999999997 lots of 0.1 stay 50. */
const FLOAT_SLACK = 1e-12;

export function sizePosition(request: SizingRequest, config: RiskConfig, rules: InstrumentRules): Sized | Denial {
  const { sizing } = config;
  const { entryPrice: entry } = request;
  const numbers = [entry, request.stopPrice, request.equity, request.balance, request.riskFraction, request.scale];
  if (!numbers.every(Number.isFinite) || !(entry > 0)) return deny('invalidInput', `sizing needs finite numbers and a positive entry, got ${numbers.join(', ')}`);
  const distance = favourable(request.side, request.stopPrice, entry);
  if (!(distance > 0)) return deny('stop', `stop ${request.stopPrice} is not on the losing side of the ${request.side} entry ${entry}`);
  const maxLeverage = Number(rules.instrument.maxLeverage);
  if (sizing.leverage > maxLeverage) return deny('leverage', `leverage ${sizing.leverage} is above ${request.symbol}'s maximum ${maxLeverage}`);

  const caps = quantityCaps(request, config, rules, distance);
  let limitedBy: SizingRule = 'risk';
  for (const [rule, qty] of caps) if (qty < (caps.get(limitedBy) ?? Infinity)) limitedBy = rule;
  const raw = Math.max(0, caps.get(limitedBy) ?? 0);
  const steps = rules.qty.toSteps(raw * (1 + FLOAT_SLACK), 'down');
  const check = rules.checkOrder(rules.price.toSteps(entry, 'halfEven'), steps, { market: request.market });
  if (!check.ok) return deny(limitedBy, `${limitedBy} limits ${request.symbol} to ${+raw.toPrecision(6)}, not a valid order: ${check.reason}`);
  const qty = rules.qty.toNumber(steps);
  return { qty, risk: qty * distance, limitedBy };
}

/** The largest quantity each limit allows (unrounded, possibly negative when a budget is already spent). */
function quantityCaps(request: SizingRequest, config: RiskConfig, rules: InstrumentRules, distance: number): Map<SizingRule, number> {
  const { sizing } = config;
  const { equity, entryPrice: entry, positions } = request;
  const riskShare = Math.min(request.riskFraction * request.scale, sizing.maxRiskPerTrade);
  const exposurePerQty = entry * exposurePerNotional(sizing);
  const instrument = rules.instrument;
  const caps = new Map<SizingRule, number>([
    ['risk', (equity * riskShare) / distance],
    ['margin', (request.balance * sizing.leverage) / entry],
    ['maxOrderQty', Number(request.market ? instrument.maxMarketOrderQty : instrument.maxOrderQty)],
  ]);
  const limits = config.protections.exposure;
  if (limits.enabled) {
    caps.set('openRisk', (limits.maxOpenRisk * equity - openRisk(positions)) / distance);
    caps.set('positionExposure', (limits.maxPerPosition * equity - symbolExposure(positions, request.symbol, sizing)) / exposurePerQty);
    caps.set('totalExposure', (limits.maxTotal * equity - totalExposure(positions, sizing)) / exposurePerQty);
  }
  return caps;
}
