// Where liquidations pile up: notional binned by price with exponential decay, and the strongest bins.
import { notional, type LiquidationEvent } from './event.js';

export interface ClusterOptions {
  /** Width of a price bin in quote units (e.g. 0.5 USDT for SOL). */
  readonly priceStep: number;
  /** Time for a bin's weight to halve, ms; Infinity keeps everything (a cumulative map). */
  readonly halfLifeMs: number;
  /** At most this many bins are kept; past it the weakest quarter is dropped (default 2000). */
  readonly maxBins?: number;
}

export interface LiquidationCluster {
  /** The bin [low, high). */
  readonly low: number;
  readonly high: number;
  /** Decayed notional liquidated in the bin (USDT), and its long and short parts. */
  readonly notional: number;
  readonly longNotional: number;
  readonly shortNotional: number;
}

interface Bin {
  readonly index: number;
  /** Weights as of `time`. */
  long: number;
  short: number;
  time: number;
}

/**
 * Each bin holds its long and short notional decayed to its own latest event time; a query decays
 * every bin to the query time (weight · 2^(−Δt / halfLife)). An event older than its bin's time is
 * decayed forward to it, so out-of-order pushes land where they belong. O(1) per event (a Map
 * lookup; a new bin allocates), O(bins · log bins) per top() query.
 */
export class LiquidationClusters {
  readonly priceStep: number;
  readonly halfLifeMs: number;
  readonly maxBins: number;
  private readonly bins = new Map<number, Bin>();
  private latest = -Infinity;

  constructor(options: ClusterOptions) {
    this.priceStep = options.priceStep;
    this.halfLifeMs = options.halfLifeMs;
    this.maxBins = options.maxBins ?? 2000;
    if (!(this.priceStep > 0) || !Number.isFinite(this.priceStep)) throw new RangeError(`priceStep must be a positive number, got ${this.priceStep}`);
    if (!(this.halfLifeMs > 0)) throw new RangeError(`halfLifeMs must be positive (Infinity for no decay), got ${this.halfLifeMs}`);
    if (!Number.isInteger(this.maxBins) || this.maxBins < 1) throw new RangeError(`maxBins must be a positive integer, got ${this.maxBins}`);
  }

  /** The bin of a price: ⌊price / step⌋, with prices on a bin edge (up to float noise) in the upper bin. */
  binOf(price: number): number {
    const q = price / this.priceStep;
    const r = Math.round(q);
    return Math.abs(q - r) <= 1e-9 * Math.max(1, Math.abs(q)) ? r : Math.floor(q);
  }

  add(event: LiquidationEvent): void {
    const index = this.binOf(event.price);
    let bin = this.bins.get(index);
    if (!bin) {
      bin = { index, long: 0, short: 0, time: event.time };
      this.bins.set(index, bin);
    }
    let weight = notional(event);
    if (event.time >= bin.time) {
      const k = this.decay(event.time - bin.time);
      bin.long *= k;
      bin.short *= k;
      bin.time = event.time;
    } else {
      weight *= this.decay(bin.time - event.time);
    }
    if (event.side === 'long') bin.long += weight;
    else bin.short += weight;
    if (event.time > this.latest) this.latest = event.time;
    if (this.bins.size > this.maxBins) this.prune();
  }

  /** Bins held (including ones decayed to almost nothing). */
  get size(): number {
    return this.bins.size;
  }

  /** The latest event time (−Infinity before any). */
  get now(): number {
    return this.latest;
  }

  /** The `k` heaviest bins at time `now` (default: the latest event), heaviest first; ties by lower price. */
  top(k: number, now = this.latest): LiquidationCluster[] {
    const clusters: LiquidationCluster[] = [];
    for (const bin of this.bins.values()) clusters.push(this.cluster(bin, now));
    clusters.sort((a, b) => b.notional - a.notional || a.low - b.low);
    return clusters.slice(0, Math.max(0, k));
  }

  /** The bin holding `price`, decayed to `now`; undefined when nothing was liquidated there. */
  at(price: number, now = this.latest): LiquidationCluster | undefined {
    const bin = this.bins.get(this.binOf(price));
    return bin && this.cluster(bin, now);
  }

  private cluster(bin: Bin, now: number): LiquidationCluster {
    const k = this.decay(now - bin.time);
    const longNotional = bin.long * k;
    const shortNotional = bin.short * k;
    const low = bin.index * this.priceStep;
    return { low, high: low + this.priceStep, notional: longNotional + shortNotional, longNotional, shortNotional };
  }

  private decay(dt: number): number {
    return Math.pow(2, -dt / this.halfLifeMs);
  }

  /** Keeps the heaviest three quarters of maxBins, weighed at the latest time (ties keep the lower price). */
  private prune(): void {
    const ranked = [...this.bins.values()].map((bin) => ({ index: bin.index, weight: (bin.long + bin.short) * this.decay(this.latest - bin.time) }));
    ranked.sort((a, b) => b.weight - a.weight || a.index - b.index);
    for (const { index } of ranked.slice(Math.max(1, Math.floor((this.maxBins * 3) / 4)))) this.bins.delete(index);
  }
}
