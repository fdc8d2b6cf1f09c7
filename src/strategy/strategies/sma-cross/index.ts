// The reference strategy: long `size` while the fast SMA of the close is above the slow one, flat otherwise.
import { z } from 'zod';
import { SMA } from '../../../indicators/trend/sma.js';
import type { Intent, Strategy, StrategyContext, StrategyDefinition } from '../../api.js';

const params = z
  .strictObject({
    fast: z.number().int().min(1).max(1000).default(10),
    slow: z.number().int().min(2).max(5000).default(30),
    /** Base-coin quantity per entry. */
    size: z.number().positive().max(1_000_000).default(0.1),
    /** Stop-loss this far below the entry candle's close, percent, attached to the entry; 0 = none. */
    stopPct: z.number().min(0).max(50).default(0),
  })
  .refine((p) => p.fast < p.slow, { message: 'fast must be shorter than slow', path: ['fast'] });

/** Returned on the candles with nothing to do: no new array per candle. */
const NOTHING: readonly Intent[] = Object.freeze([]);

class SmaCross implements Strategy {
  private readonly fast: SMA;
  private readonly slow: SMA;
  /** Sign of fast − slow on the previous candle (0 before both are stable). */
  private previous = 0;

  constructor(private readonly p: z.infer<typeof params>) {
    this.fast = new SMA(p.fast);
    this.slow = new SMA(p.slow);
  }

  onCandle(ctx: StrategyContext): readonly Intent[] {
    const close = ctx.candles.close(0);
    this.fast.add(close);
    this.slow.add(close);
    if (!this.slow.isStable) return NOTHING;
    const diff = this.fast.value - this.slow.value;
    const sign = diff > 0 ? 1 : diff < 0 ? -1 : this.previous;
    // A cross needs a previous side: the first stable candle only records where fast stands.
    const crossedUp = this.previous < 0 && sign > 0;
    const crossedDown = this.previous > 0 && sign < 0;
    this.previous = sign;
    if (crossedUp && ctx.position.size === 0) {
      const stopLoss = this.p.stopPct > 0 ? close * (1 - this.p.stopPct / 100) : undefined;
      return [{ kind: 'enter', side: 'long', qty: this.p.size, reason: 'fast crossed above slow', ...(stopLoss === undefined ? {} : { stopLoss }) }];
    }
    if (crossedDown && ctx.position.size > 0) return [{ kind: 'exit', reason: 'signal' }];
    return NOTHING;
  }
}

export const smaCross: StrategyDefinition<typeof params> = {
  name: 'sma-cross',
  description: 'fast and slow SMA of the close; long `size` when fast crosses above slow, flat when it crosses below; market orders at the next open',
  params,
  create: (p) => new SmaCross(p),
};
