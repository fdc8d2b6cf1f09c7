// Several long Float64Arrays as views of a few blocks, so glibc's malloc keeps their memory for the next ones instead of returning it to the OS.

/**
 * The largest block glibc's malloc keeps for reuse after it is freed (its dynamic mmap threshold stops
 * at 32 MiB on 64-bit systems): a fresh buffer at most this big is recycled, a larger one comes from
 * new pages every time.
 */
const REUSED_BLOCK_BYTES = 32 * 1024 * 1024;

/**
 * `count` zeroed arrays of `length` doubles, as views of as few buffers of at most 32 MiB as hold them.
 * Freed one by one, several 8 MB arrays exceed glibc's trim threshold (twice its mmap threshold, that is
 * twice the largest block freed) and go back to the OS, so the next ones arrive as new pages, each
 * faulted in on first touch (measured: 6 ms of PSAR's 16 ms batch over a million bars); a few big
 * blocks stay under it and are reused. Each view is its own array: writing one never changes another.
 * Arrays too long to share a block get buffers of their own.
 */
export function float64Blocks<N extends number>(count: N, length: number): Float64Arrays<N> {
  const perBlock = Math.floor(REUSED_BLOCK_BYTES / (length * 8));
  if (perBlock < 2) return Array.from({ length: count }, () => new Float64Array(length)) as Float64Arrays<N>;
  const arrays: Float64Array[] = [];
  for (let first = 0; first < count; first += perBlock) {
    const inBlock = Math.min(perBlock, count - first);
    const buffer = new ArrayBuffer(inBlock * length * 8);
    for (let k = 0; k < inBlock; k++) arrays.push(new Float64Array(buffer, k * length * 8, length));
  }
  return arrays as Float64Arrays<N>;
}

/** A tuple of N arrays, so a caller can destructure them by name. */
export type Float64Arrays<N extends number, Built extends Float64Array[] = []> = Built['length'] extends N ? Built : Float64Arrays<N, [Float64Array, ...Built]>;
