// What trading costs in the simulator: exchange fees, and slippage from one of three models.
import { InputError } from '../../core/errors.js';

/** Bybit's default USDT-perpetual fees, as fractions of notional. */
export const BYBIT_DEFAULT_FEES = { taker: 0.00055, maker: 0.0002 } as const;

export interface FeeSchedule {
  readonly taker: number;
  readonly maker: number;
}

export function tradingFee(fees: FeeSchedule, price: number, qty: number, maker: boolean): number {
  return price * qty * (maker ? fees.maker : fees.taker);
}

/** What the fill model knows about the candle an order fills in. */
export interface FillContext {
  readonly price: number;
  readonly high: number;
  readonly low: number;
  /** Base-coin volume of the candle. */
  readonly volume: number;
}

export type SlippageModel =
  /** A fixed cost in basis points of the price. */
  | { readonly kind: 'fixed'; readonly bps: number }
  /** A share of the candle's range: volatile candles cost more. */
  | { readonly kind: 'volatility'; readonly rangeFraction: number }
  /**
   * Square-root market impact by participation: impact = coefficient × √(qty / volume) of the price;
   * no more than `maxParticipation` of the candle's volume fills, the rest stays unfilled.
   */
  | { readonly kind: 'participation'; readonly coefficient: number; readonly maxParticipation: number };

export const NO_SLIPPAGE: SlippageModel = { kind: 'fixed', bps: 0 };

export interface SlippedFill {
  /** The adverse price (higher for a buy, lower for a sell), before tick rounding. */
  readonly price: number;
  /** How much of the order fills in this candle. */
  readonly qty: number;
}

/** Applies the slippage model to a taker fill of `qty` at `context.price`. */
export function slip(model: SlippageModel, side: 'buy' | 'sell', qty: number, context: FillContext): SlippedFill {
  const sign = side === 'buy' ? 1 : -1;
  switch (model.kind) {
    case 'fixed':
      return { price: context.price * (1 + (sign * model.bps) / 10_000), qty };
    case 'volatility':
      return { price: context.price + sign * model.rangeFraction * (context.high - context.low), qty };
    case 'participation': {
      const cap = model.maxParticipation * context.volume;
      const filled = Math.min(qty, cap);
      if (filled <= 0) return { price: context.price, qty: 0 };
      const impact = model.coefficient * Math.sqrt(filled / context.volume);
      return { price: context.price * (1 + sign * impact), qty: filled };
    }
  }
}

/** Parses `--slippage` text: `0`, `5bps`, `fixed:5`, `vol:0.1`, `impact:0.1:0.05`; names what is wrong. */
export function parseSlippage(text: string): SlippageModel {
  const t = text.trim().toLowerCase();
  const number = (v: string | undefined, what: string, max: number): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
      throw new InputError(`--slippage ${JSON.stringify(text)}: ${what} must be a number from 0 to ${max}, got ${JSON.stringify(v ?? '')}`);
    }
    return n;
  };
  const m = /^(\d+(?:\.\d+)?)\s*bps$/.exec(t);
  if (t === '0') return NO_SLIPPAGE;
  if (m) return { kind: 'fixed', bps: number(m[1], 'bps', 1000) };
  const [kind, a, b] = t.split(':');
  if (kind === 'fixed') return { kind: 'fixed', bps: number(a, 'bps', 1000) };
  if (kind === 'vol') return { kind: 'volatility', rangeFraction: number(a, 'the range fraction', 1) };
  if (kind === 'impact') return { kind: 'participation', coefficient: number(a, 'the impact coefficient', 10), maxParticipation: number(b, 'the participation cap', 1) };
  throw new InputError(`--slippage ${JSON.stringify(text)}: expected 0, <n>bps, fixed:<bps>, vol:<range fraction> or impact:<coefficient>:<participation cap>`);
}
