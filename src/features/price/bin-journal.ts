// Per-price-bin volume and bar counts in a dense array keyed by absolute bin number, with an undo journal for exact replace().

/**
 * Bins are addressed by absolute number (floor(price / binSize)); the array grows to cover any bin
 * written and keeps everything it held (grow-only, values are moved, never recomputed). Each write
 * since `begin()` is journaled with the bin's previous volume and count; `undo()` restores them in
 * reverse order, so a replace() costs only the bins the latest add touched.
 */
export class BinJournal {
  private volumes = new Float64Array(0);
  private counts = new Int32Array(0);
  private base = 0;
  private journalBins = new Float64Array(64);
  private journalVolumes = new Float64Array(64);
  private journalCounts = new Int32Array(64);
  private length = 0;

  /** Starts a new journal (the previous one can no longer be undone). */
  begin(): void {
    this.length = 0;
  }

  /** Volume of a bin; 0 for a bin never written. */
  volume(bin: number): number {
    const i = bin - this.base;
    return i >= 0 && i < this.volumes.length ? this.volumes[i]! : 0;
  }

  /** Number of bars contributing to a bin. */
  count(bin: number): number {
    const i = bin - this.base;
    return i >= 0 && i < this.counts.length ? this.counts[i]! : 0;
  }

  /**
   * Adds `volume` and `bars` (+1 a bar arrives, −1 it leaves). A bin left with no bar is exactly 0,
   * and rounding residue below 0 is clamped, so empty bins never hold noise.
   */
  change(bin: number, volume: number, bars: number): void {
    const i = this.slot(bin);
    this.record(bin, i);
    const count = this.counts[i]! + bars;
    const value = this.volumes[i]! + volume;
    this.counts[i] = count;
    this.volumes[i] = count === 0 || value < 0 ? 0 : value;
  }

  /** Empties a bin (a new session). */
  clear(bin: number): void {
    const i = bin - this.base;
    if (i < 0 || i >= this.volumes.length || (this.counts[i] === 0 && this.volumes[i] === 0)) return;
    this.record(bin, i);
    this.counts[i] = 0;
    this.volumes[i] = 0;
  }

  /** Restores every bin written since `begin()`, latest write first. */
  undo(): void {
    for (let j = this.length - 1; j >= 0; j--) {
      const i = this.slot(this.journalBins[j]!);
      this.volumes[i] = this.journalVolumes[j]!;
      this.counts[i] = this.journalCounts[j]!;
    }
    this.length = 0;
  }

  private record(bin: number, i: number): void {
    if (this.length === this.journalBins.length) this.growJournal();
    this.journalBins[this.length] = bin;
    this.journalVolumes[this.length] = this.volumes[i]!;
    this.journalCounts[this.length] = this.counts[i]!;
    this.length++;
  }

  /** Array index of a bin, growing the array (with room to spare on both sides) when it lies outside. */
  private slot(bin: number): number {
    const size = this.volumes.length;
    if (size > 0 && bin >= this.base && bin < this.base + size) return bin - this.base;
    const lo = size === 0 ? bin : Math.min(bin, this.base);
    const hi = size === 0 ? bin : Math.max(bin, this.base + size - 1);
    const span = hi - lo + 1;
    const capacity = Math.max(256, span * 2);
    const base = lo - Math.floor((capacity - span) / 2);
    const volumes = new Float64Array(capacity);
    const counts = new Int32Array(capacity);
    if (size > 0) {
      volumes.set(this.volumes, this.base - base);
      counts.set(this.counts, this.base - base);
    }
    this.volumes = volumes;
    this.counts = counts;
    this.base = base;
    return bin - base;
  }

  private growJournal(): void {
    const size = this.journalBins.length * 2;
    const bins = new Float64Array(size);
    const volumes = new Float64Array(size);
    const counts = new Int32Array(size);
    bins.set(this.journalBins);
    volumes.set(this.journalVolumes);
    counts.set(this.journalCounts);
    this.journalBins = bins;
    this.journalVolumes = volumes;
    this.journalCounts = counts;
  }
}
