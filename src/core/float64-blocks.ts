// Long Float64Arrays cheap to allocate again and again: views of a few blocks glibc's malloc keeps for reuse, and buffers not cleared when every element will be written.

/**
 * The largest block glibc's malloc keeps for reuse after it is freed (its dynamic mmap threshold stops
 * at 32 MiB on 64-bit systems): a fresh buffer at most this big is recycled, a larger one comes from
 * new pages every time.
 */
const REUSED_BLOCK_BYTES = 32 * 1024 * 1024;

/**
 * `count` arrays of `length` doubles, as views of as few buffers of at most 32 MiB as hold them.
 * Freed one by one, several 8 MB arrays exceed glibc's trim threshold (twice its mmap threshold, that is
 * twice the largest block freed) and go back to the OS, so the next ones arrive as new pages, each
 * faulted in on first touch (measured: 6 ms of PSAR's 16 ms batch over a million bars); a few big
 * blocks stay under it and are reused. Each view is its own array: writing one never changes another
 * (but one kept alive keeps its whole block). Arrays too long to share a block get buffers of their own.
 *
 * The arrays are zeroed unless `fill` is 'uninitialised', for a caller that overwrites every element
 * anyway (an indicator kernel): a reused block is then not cleared first (16 MB: 0.65 ms).
 */
export function float64Blocks<N extends number>(count: N, length: number, fill: 'zeroed' | 'uninitialised' = 'zeroed'): Float64Arrays<N> {
  const buffer = (bytes: number): ArrayBuffer => (fill === 'zeroed' ? new ArrayBuffer(bytes) : uninitialisedBuffer(bytes));
  const perBlock = Math.max(1, Math.floor(REUSED_BLOCK_BYTES / (length * 8)));
  const arrays: Float64Array[] = [];
  for (let first = 0; first < count; first += perBlock) {
    const inBlock = Math.min(perBlock, count - first);
    const block = buffer(inBlock * length * 8);
    for (let k = 0; k < inBlock; k++) arrays.push(new Float64Array(block, k * length * 8, length));
  }
  return arrays as Float64Arrays<N>;
}

/**
 * An ArrayBuffer of its own (not a slice of Node's shared pool, whose offsets need not be 8-aligned),
 * not cleared: for a caller that writes every byte before reading any.
 */
export function uninitialisedBuffer(bytes: number): ArrayBuffer {
  return Buffer.allocUnsafeSlow(bytes).buffer as ArrayBuffer;
}

/** A tuple of N arrays, so a caller can destructure them by name. */
export type Float64Arrays<N extends number, Built extends Float64Array[] = []> = Built['length'] extends N ? Built : Float64Arrays<N, [Float64Array, ...Built]>;
