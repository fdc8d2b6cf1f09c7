// The one streaming contract every indicator follows: add a value, replace the forming one, read results once stable.
import { float64Blocks, type Float64Arrays } from '../core/float64-blocks.js';

/** What bar-based indicators read; a domain Candle satisfies it. */
export interface Bar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** Reading a result before the indicator has seen enough input. */
export class NotStableError extends Error {
  override readonly name = 'NotStableError';
  constructor(indicator: string, needed: number, seen: number) {
    super(`${indicator} is not stable yet: it needs ${needed} input(s), has ${seen}`);
  }
}

/**
 * A streaming indicator. `add` feeds a new closed input; `replace` swaps the most recent input for
 * another (the still-forming candle changes many times) at the same O(1) cost. Results are read
 * through getters that throw NotStableError before warm-up, or through `getResult()` (undefined
 * before warm-up). Neither add nor replace allocates.
 */
export interface Indicator<In, Out> {
  add(input: In): void;
  replace(input: In): void;
  /** True once results are defined. */
  readonly isStable: boolean;
  /** Inputs seen (a replace does not count). */
  readonly count: number;
  getResult(): Out | undefined;
  getResultOrThrow(): Out;
}

/** Parameter of an indicator as the registry and the CLI see it. */
export interface ParamSpec {
  readonly name: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/**
 * How the registry, the CLI and the contract test suite drive one indicator: build it from
 * numeric parameters, feed it closes or bars, read its outputs as numbers (NaN before warm-up).
 */
export interface IndicatorSpec {
  /** Short name used on the command line, e.g. 'rsi', 'bb'. */
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** Output names; a single-output indicator has one ('value') and its column has no suffix. */
  readonly outputs: readonly string[];
  readonly input: 'close' | 'bar';
  create(params: readonly number[]): StreamingReader;
  /**
   * Optional batch kernel: the same arithmetic as the streaming class, in the same order, as one
   * loop over typed arrays (no objects, no calls). The contract suite checks it equals the stream
   * bit for bit. Without one, batch() runs the streaming indicator in a loop.
   */
  readonly kernel?: (params: readonly number[], columns: BarColumns) => Float64Array[];
}

/** The uniform face of an indicator instance for generic code (CLI, contract tests, feature sets). */
export interface StreamingReader {
  /** The indicator behind the reader (the contract tests check it throws before warm-up). */
  readonly indicator: Indicator<never, unknown>;
  addBar(bar: Bar): void;
  replaceBar(bar: Bar): void;
  readonly isStable: boolean;
  /** Writes the outputs into `out` (NaN where undefined). */
  read(out: Float64Array): void;
}

export const param = (name: string, value: number, min: number, max: number, integer = true): ParamSpec => ({ name, default: value, min, max, integer });

/** Adapts a close-based indicator with numeric outputs to the generic reader. */
export function closeReader<T extends Indicator<number, unknown>>(indicator: T, read: (ind: T, out: Float64Array) => void): StreamingReader {
  return {
    indicator: indicator as Indicator<never, unknown>,
    addBar: (bar) => indicator.add(bar.close),
    replaceBar: (bar) => indicator.replace(bar.close),
    get isStable() {
      return indicator.isStable;
    },
    read(out) {
      if (indicator.isStable) read(indicator, out);
      else out.fill(NaN);
    },
  };
}

/** Adapts a bar-based indicator with numeric outputs to the generic reader. */
export function barReader<T extends Indicator<Bar, unknown>>(indicator: T, read: (ind: T, out: Float64Array) => void): StreamingReader {
  return {
    indicator: indicator as Indicator<never, unknown>,
    addBar: (bar) => indicator.add(bar),
    replaceBar: (bar) => indicator.replace(bar),
    get isStable() {
      return indicator.isStable;
    },
    read(out) {
      if (indicator.isStable) read(indicator, out);
      else out.fill(NaN);
    },
  };
}

/** Columns of bars for batch functions (typed arrays, one per field). */
export interface BarColumns {
  readonly time?: Float64Array;
  readonly open?: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume?: Float64Array;
}

/**
 * Batch form over a whole series: runs the streaming indicator in a tight loop over the columns, so
 * batch and stream agree to the last bit by construction. One output array per output, NaN before
 * warm-up.
 */
export function batch(spec: IndicatorSpec, params: readonly number[], columns: BarColumns, pool?: OutputPool): Float64Array[] {
  if (spec.kernel) {
    if (!pool) return spec.kernel(params, columns);
    const previous = activePool;
    activePool = pool;
    try {
      return spec.kernel(params, columns);
    } finally {
      activePool = previous;
    }
  }
  const n = columns.close.length;
  const reader = spec.create(params);
  const outputs = spec.outputs.map(() => new Float64Array(n));
  const row = new Float64Array(spec.outputs.length);
  const bar = { time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0 };
  const { time, open, high, low, close, volume } = columns;
  for (let i = 0; i < n; i++) {
    bar.time = time ? time[i]! : i;
    bar.close = close[i]!;
    bar.open = open ? open[i]! : bar.close;
    bar.high = high[i]!;
    bar.low = low[i]!;
    bar.volume = volume ? volume[i]! : 0;
    reader.addBar(bar);
    reader.read(row);
    for (let k = 0; k < outputs.length; k++) outputs[k]![i] = row[k]!;
  }
  return outputs;
}

/**
 * Output arrays kept for reuse across batch runs. An optimiser computes the same indicators over the
 * same million candles many times; a fresh 8 MB output costs more in first-touch page faults than the
 * kernel's arithmetic, so it hands arrays it is done with back here. Kernels overwrite every element.
 */
export class OutputPool {
  private readonly free = new Map<number, Float64Array[]>();

  take(length: number): Float64Array {
    return this.free.get(length)?.pop() ?? new Float64Array(length);
  }

  release(arrays: readonly Float64Array[]): void {
    for (const array of arrays) {
      const list = this.free.get(array.length) ?? [];
      list.push(array);
      this.free.set(array.length, list);
    }
  }
}

let activePool: OutputPool | undefined;

/** An output array for a kernel: from the pool batch() was given, else a fresh one. */
export function outputArray(length: number): Float64Array {
  return activePool ? activePool.take(length) : new Float64Array(length);
}

/**
 * `count` output arrays for a kernel with several outputs: from the pool batch() was given, else fresh
 * views of a few shared blocks (see float64Blocks: a fresh batch then reuses memory instead of faulting
 * in new pages), not cleared first, since kernels overwrite every element (a test holds them to it).
 */
export function outputArrays<N extends number>(count: N, length: number): Float64Arrays<N> {
  if (activePool) return Array.from({ length: count }, () => outputArray(length)) as Float64Arrays<N>;
  return float64Blocks(count, length, 'uninitialised');
}

/** Checks numeric parameters against the spec, naming the parameter and the value; fills defaults. */
export function resolveParams(spec: IndicatorSpec, given: readonly number[]): number[] {
  if (given.length > spec.params.length) {
    throw new RangeError(`${spec.name} takes ${spec.params.length} parameter(s) (${spec.params.map((p) => p.name).join(', ')}), got ${given.length}`);
  }
  return spec.params.map((p, i) => {
    const value = i < given.length ? given[i]! : p.default;
    if (!Number.isFinite(value) || (p.integer && !Number.isInteger(value)) || value < p.min || value > p.max) {
      throw new RangeError(`${spec.name}: parameter ${p.name} = ${given[i]} is invalid; expected ${p.integer ? 'an integer' : 'a number'} from ${p.min} to ${p.max}`);
    }
    return value;
  });
}
