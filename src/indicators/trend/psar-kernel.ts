// PSAR's batch kernel: the stream's arithmetic as a tight loop that runs two stretches of the series side by side, since one alone waits on its own dependency chain.
import { outputArrays, type BarColumns } from '../contract.js';
import { psarStartsLong } from './psar.js';

/**
 * Bars per call of a PSAR loop. A kernel runs once per batch, so a single loop would only ever run as
 * on-stack-replaced code, where V8 keeps the loop's numbers as boxed values; a function called for
 * every chunk is optimised as a whole, with those numbers in registers.
 */
const PSAR_CHUNK = 4096;

/**
 * Bars the second run starts before its half of the series. PSAR forgets where it started: two runs
 * that reverse together twice hold the same state, bit for bit, from then on (the trend's start fixes
 * the extreme and the acceleration, the reversal before it the SAR). A few dozen bars suffice on real
 * data; this many make a miss (which only costs time) practically impossible.
 */
const PSAR_OVERLAP = 2048;

/**
 * PSAR with TA-Lib's rules (reverse on touch), as PSAR.add, in its trend's frame (prices negated while
 * short): the first direction from bar 2's directional moves, the SAR bounded by the last two bars'
 * range (bar 2's only, on bar 2), the acceleration factor stepping up on every new extreme.
 *
 * Each bar's SAR waits on the one before through a subtraction, a multiplication, an addition and two
 * minimums, and a reversal the CPU mispredicts throws away the bars it had begun; one loop carrying two
 * independent runs keeps the CPU busy in those waits. The first run goes from the start to the middle;
 * the second starts `overlap` bars before the middle as if the series began there, so that by the
 * middle it has forgotten its start and holds the first run's state. The first run overwrites the
 * second's overlap, and should the two states differ at the middle (never seen on real data; tests force
 * it with a tiny overlap), the first run goes on alone to the end, so the values are the single run's
 * in every case.
 */
export function psarKernel(c: BarColumns, step: number, max: number, tuning: PsarTuning = {}): Float64Array[] {
  const { chunk = PSAR_CHUNK, overlap = PSAR_OVERLAP } = tuning;
  const { high, low } = c;
  const n = high.length;
  const [sarOut, dirOut] = outputArrays(2, n);
  const outputs = [sarOut, dirOut];
  if (n > 0) sarOut[0] = dirOut[0] = NaN;
  if (n < 2) return outputs;
  const first = startState(high, low, 0);
  const ladder = accelerationLadder(step, max, n);
  /** Two runs over bars [from, to) of `one` and the bars `offset` further of `two`, chunk by chunk. */
  const runTwo = (one: PsarState, two: PsarState, from: number, to: number, offset: number): void => {
    for (let i = from; i < to; i += chunk) psarChunk(high, low, sarOut, dirOut, i, Math.min(i + chunk, to), offset, one, two, ladder);
  };
  // One run alone is the loop with a twin on the same bars, the same values written twice: one loop to
  // keep instead of two, at about 1.4× the time of a loop of its own, paid only on series too short to
  // split (under three overlaps), on the few bars left over, and when the runs do not meet.
  const runAlone = (state: PsarState, from: number, to: number): void => runTwo(state, state.slice(), from, to, 0);
  const middle = (n + overlap) >> 1;
  const secondStart = middle - overlap;
  // Two runs need a second start after the first's (the first overwrites the overlap) and a stretch worth it.
  if (overlap < 1 || secondStart < 1 || n - middle < overlap) {
    runAlone(first, 1, n);
    return outputs;
  }
  const second = startState(high, low, secondStart);
  // The first run covers bars [1, middle), the second [secondStart + 1, n), side by side.
  const sideBySide = Math.min(middle - 1, n - secondStart - 1);
  // The second run stands on the middle bar after overlap − 1 bars: its state is kept there.
  runTwo(first, second, 1, overlap, secondStart);
  const secondAtMiddle = second.slice();
  runTwo(first, second, overlap, 1 + sideBySide, secondStart);
  runAlone(second, secondStart + 1 + sideBySide, n);
  runAlone(first, 1 + sideBySide, middle);
  const met = sameState(first, secondAtMiddle);
  if (!met) runAlone(first, middle, n);
  tuning.met?.(met);
  return outputs;
}

/** How the kernel splits its work; tests shrink both to put boundaries everywhere. */
export interface PsarTuning {
  /** Bars per call of the loop. */
  readonly chunk?: number;
  /** Bars the second run starts before the middle. */
  readonly overlap?: number;
  /** Told whether the two runs met at the middle (not called when the series ran as one). */
  readonly met?: (met: boolean) => void;
}

/**
 * [direction ±1, next SAR, extreme, previous high, previous low, rung of the acceleration ladder]
 * between chunks; SAR and extreme in the trend's frame (the factor is the ladder's rung). Numbers read from a
 * Float64Array are unboxed doubles in optimised code, where parameters would be generic values.
 */
type PsarState = Float64Array;

/** The state of a run whose series begins at bar `at`, standing on bar at + 1. */
function startState(high: Float64Array, low: Float64Array, at: number): PsarState {
  const long = psarStartsLong(high[at]!, low[at]!, high[at + 1]!, low[at + 1]!);
  // As TA-Lib, the first bar's range does not bound the second's SAR: the second is its own previous bar.
  return Float64Array.of(long ? 1 : -1, long ? low[at]! : -high[at]!, long ? high[at + 1]! : -low[at + 1]!, high[at + 1]!, low[at + 1]!, 0);
}

/** Same direction, SAR, extreme and rung, bit for bit (NaN equal to NaN): the same future. */
function sameState(a: PsarState, b: PsarState): boolean {
  for (const k of [0, 1, 2, 5]) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/**
 * The acceleration factors a trend climbs through, one rung per new extreme: step, then the stream's
 * min(af + step, max) again and again, up to the rung that repeats (max) or as many as there are bars.
 * Looked up by rung, the factor has no branch on reaching max for the CPU to mispredict.
 */
function accelerationLadder(step: number, max: number, bars: number): Float64Array {
  const rungs = [step];
  for (let af = step; rungs.length <= bars; ) {
    const stepped = af + step;
    const next = stepped > max ? max : stepped;
    if (Object.is(next, af)) break;
    rungs.push((af = next));
  }
  return Float64Array.from(rungs);
}

/** The kernel's two-slot selects: [the old extreme, this bar's] for each run. */
const pick = new Float64Array(4);

/**
 * Two runs at once, bars [from, to) of `one` and the bars `offset` further of `two`, each in its trend's
 * frame: hi is the bar's favourable extreme, lo the other. The bar before is carried from bar to bar,
 * framed once. A new extreme comes on about a third of the bars, at random: it is picked by index, not
 * by a branch the CPU would mispredict, and so is the next rung of the ladder (none past the top).
 */
function psarChunk(high: Float64Array, low: Float64Array, sarOut: Float64Array, dirOut: Float64Array, from: number, to: number, offset: number, one: PsarState, two: PsarState, ladder: Float64Array): void {
  const step = ladder[0]!;
  const top = ladder.length - 1;
  let rung = one[5]! | 0;
  let rung2 = two[5]! | 0;
  let dir = one[0]!;
  let sar = one[1]!;
  let extreme = one[2]!;
  let af = ladder[rung]!;
  // The bar before, both prices read whatever the direction: a typed-array read on a path not yet taken
  // has no type feedback, and the first chunk that took it would deoptimise the loop.
  const prevHigh = one[3]!;
  const prevLow = one[4]!;
  const prevHigh2 = two[3]!;
  const prevLow2 = two[4]!;
  let prevHi = dir < 0 ? -prevLow : prevHigh;
  let prevLo = dir < 0 ? -prevHigh : prevLow;
  let dir2 = two[0]!;
  let sar2 = two[1]!;
  let extreme2 = two[2]!;
  let af2 = ladder[rung2]!;
  let prevHi2 = dir2 < 0 ? -prevLow2 : prevHigh2;
  let prevLo2 = dir2 < 0 ? -prevHigh2 : prevLow2;
  for (let i = from; i < to; i++) {
    const j = i + offset;
    let hi = high[i]!;
    let lo = low[i]!;
    let hi2 = high[j]!;
    let lo2 = low[j]!;
    if (dir < 0) {
      const barHigh = hi;
      hi = -lo;
      lo = -barHigh;
    }
    if (dir2 < 0) {
      const barHigh = hi2;
      hi2 = -lo2;
      lo2 = -barHigh;
    }
    if (lo <= sar) {
      sar = -Math.max(extreme, prevHi, hi);
      dir = -dir;
      const newHi = -lo;
      lo = -hi;
      hi = newHi;
      prevLo = -prevHi;
      extreme = hi;
      af = step;
      rung = 0;
    } else {
      const isNew = +(hi > extreme);
      pick[0] = extreme;
      pick[1] = hi;
      extreme = pick[isNew]!;
      rung += isNew & ((rung - top) >>> 31);
      af = ladder[rung]!;
    }
    if (lo2 <= sar2) {
      sar2 = -Math.max(extreme2, prevHi2, hi2);
      dir2 = -dir2;
      const newHi = -lo2;
      lo2 = -hi2;
      hi2 = newHi;
      prevLo2 = -prevHi2;
      extreme2 = hi2;
      af2 = step;
      rung2 = 0;
    } else {
      const isNew = +(hi2 > extreme2);
      pick[2] = extreme2;
      pick[3] = hi2;
      extreme2 = pick[2 + isNew]!;
      rung2 += isNew & ((rung2 - top) >>> 31);
      af2 = ladder[rung2]!;
    }
    sarOut[i] = dir * sar;
    dirOut[i] = dir;
    sarOut[j] = dir2 * sar2;
    dirOut[j] = dir2;
    sar = Math.min(sar + af * (extreme - sar), prevLo, lo);
    sar2 = Math.min(sar2 + af2 * (extreme2 - sar2), prevLo2, lo2);
    prevHi = hi;
    prevLo = lo;
    prevHi2 = hi2;
    prevLo2 = lo2;
  }
  saveState(one, dir, sar, extreme, prevHi, prevLo, rung);
  saveState(two, dir2, sar2, extreme2, prevHi2, prevLo2, rung2);
}

/** Stores a run's loop variables between chunks, the previous bar back in plain prices. */
function saveState(state: PsarState, dir: number, sar: number, extreme: number, prevHi: number, prevLo: number, rung: number): void {
  state[0] = dir;
  state[1] = sar;
  state[2] = extreme;
  state[3] = dir < 0 ? -prevLo : prevHi;
  state[4] = dir < 0 ? -prevHi : prevLo;
  state[5] = rung;
}
