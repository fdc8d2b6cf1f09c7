// Per-pair dollar distances: the seed settings of a known pair, or settings calibrated once from the first stable ATR.
import { moveScale, pairSettings, type PairSettings } from '../../pairs.js';

/**
 * Resolves a pair's settings on the first call that can: at once for a seeded pair, on the first
 * positive ATR for another. Calibrating once keeps the strategy's dollar distances fixed for a run,
 * which is what the seed table does for SOL, ETH, BTC and AVAX.
 */
export class PairScale {
  private settings: PairSettings | undefined;

  /** The settings, or undefined while an unseeded pair has no ATR yet. */
  resolve(symbol: string, atr: number): PairSettings | undefined {
    if (this.settings) return this.settings;
    try {
      this.settings = pairSettings(symbol, atr);
    } catch (e) {
      if (e instanceof RangeError) return undefined;
      throw e;
    }
    return this.settings;
  }

  /** A SOL dollar distance in this pair's dollars ($2 on SOL is $30 on ETH). */
  static usd(settings: PairSettings, solDollars: number): number {
    return solDollars * moveScale(settings);
  }
}
