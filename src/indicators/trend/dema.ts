// DEMA and TEMA: Mulloy's lag-reduced EMAs built from EMAs of EMAs, each stage SMA-seeded as in TA-Lib.
import { NotStableError, type Indicator } from '../contract.js';
import { EMA } from './ema.js';

/**
 * A chain of `depth` EMAs, each fed the previous stage's value once that stage is stable, so every
 * stage is seeded with the SMA of its first n inputs (TA-Lib): stage k is stable after k(n−1)+1 inputs.
 * trading-signals seeds each stage with its first input (and its DEMA feeds stage 2 from bar 1); the
 * seeds decay and the values meet ours after a few hundred bars.
 */
abstract class EmaChain implements Indicator<number, number> {
  protected readonly stages: EMA[];
  private seen = 0;

  constructor(
    private readonly label: string,
    readonly period: number,
    depth: number,
  ) {
    this.stages = Array.from({ length: depth }, () => new EMA(period));
  }

  add(value: number): void {
    this.seen++;
    let input = value;
    for (let k = 0; k < this.stages.length; k++) {
      const stage = this.stages[k]!;
      stage.add(input);
      if (!stage.isStable) return;
      input = stage.value;
    }
  }

  replace(value: number): void {
    if (this.seen === 0) return this.add(value);
    // A stage was fed by the latest add exactly when the stage before it is stable (counts do not change on replace).
    let input = value;
    for (let k = 0; k < this.stages.length; k++) {
      const stage = this.stages[k]!;
      stage.replace(input);
      if (!stage.isStable) return;
      input = stage.value;
    }
  }

  protected abstract combine(): number;

  get isStable(): boolean {
    return this.stages[this.stages.length - 1]!.isStable;
  }

  get count(): number {
    return this.seen;
  }

  get value(): number {
    if (!this.isStable) throw new NotStableError(`${this.label}(${this.period})`, this.stages.length * (this.period - 1) + 1, this.seen);
    return this.combine();
  }

  getResult(): number | undefined {
    return this.isStable ? this.combine() : undefined;
  }

  getResultOrThrow(): number {
    return this.value;
  }
}

/** DEMA = 2·EMA − EMA(EMA); stable after 2n − 1 inputs. */
export class DEMA extends EmaChain {
  constructor(period: number) {
    super('DEMA', period, 2);
  }

  protected combine(): number {
    return 2 * this.stages[0]!.value - this.stages[1]!.value;
  }
}

/** TEMA = 3·EMA − 3·EMA(EMA) + EMA(EMA(EMA)); stable after 3n − 2 inputs. */
export class TEMA extends EmaChain {
  constructor(period: number) {
    super('TEMA', period, 3);
  }

  protected combine(): number {
    return 3 * this.stages[0]!.value - 3 * this.stages[1]!.value + this.stages[2]!.value;
  }
}
