import { describe, expect, it } from 'vitest';
import { candlePath, detailPath } from './intrabar.js';
import { advanceTo, atPoint, crossing, peakOver, trailingCrossing, type Level } from './path-walk.js';

const bar = (open: number, high: number, low: number, close: number) => ({ open, high, low, close });
const fall = (price: number): Level => ({ price, direction: 'fall', strict: false });
const rise = (price: number): Level => ({ price, direction: 'rise', strict: false });

/** The named levels a path reaches, earliest first. */
function reached(path: readonly number[], levels: Record<string, Level>): string[] {
  const hits = Object.entries(levels).flatMap(([name, level]) => {
    const hit = crossing(path, atPoint(path, 0), level);
    return hit ? [{ name, time: hit.time }] : [];
  });
  return hits.sort((a, b) => a.time - b.time).map((h) => h.name);
}

describe('crossing: stop versus target inside one candle', () => {
  // A long from 100 with a stop at 97 and a target at 104.
  const long = { stop: fall(97), target: rise(104) };

  it('gives the stop when the low is nearer the open (path O→L→H→C)', () => {
    expect(reached(candlePath(bar(100, 105, 96, 104)), long)).toEqual(['stop', 'target']);
  });

  it('gives the target when the high is nearer the open (path O→H→L→C)', () => {
    expect(reached(candlePath(bar(100, 104.5, 95, 96)), long)).toEqual(['target', 'stop']);
  });

  it('fires a level gapped through at the open, at the open', () => {
    const path = candlePath(bar(95, 106, 94, 105));
    expect(crossing(path, atPoint(path, 0), fall(97))).toEqual({ next: 1, price: 95, time: 0, atStart: true });
  });

  it('uses finer candles when given: the 1m path decides, whatever the 5m shape suggests', () => {
    // The 5m candle O100 H105 L96 C104 alone says "stop first"; its minutes show the high came first.
    const minutes = [bar(100, 104.2, 99.5, 104), bar(104, 105, 103, 103.5), bar(103.5, 103.6, 96, 97), bar(97, 99, 96.5, 98), bar(98, 104, 97.5, 104)];
    expect(reached(detailPath(minutes), long)).toEqual(['target', 'stop']);
  });

  it('orders levels reached on one segment by the distance travelled, and ignores levels never reached', () => {
    expect(reached(candlePath(bar(100, 104, 99.5, 103)), { two: rise(103), one: rise(101), three: rise(110) })).toEqual(['one', 'two']);
  });

  it('places a crossing on the time axis by how far along its segment it lies', () => {
    // Path 100 → 99.5 → 104 → 103: points at times 0, 1/3, 2/3, 1; 101 is a third of the way up 99.5 → 104.
    const path = candlePath(bar(100, 104, 99.5, 103));
    const hit = crossing(path, atPoint(path, 0), rise(101))!;
    expect(hit.next).toBe(2);
    expect(hit.time).toBeCloseTo(1 / 3 + (1 / 3) * (1.5 / 4.5), 12);
  });

  it('needs a strict level traded through, not touched', () => {
    const path = candlePath(bar(100, 100.5, 99, 99.5));
    expect(crossing(path, atPoint(path, 0), { price: 99, direction: 'fall', strict: true })).toBeUndefined();
    expect(crossing(path, atPoint(path, 0), fall(99))).toMatchObject({ price: 99, atStart: false });
  });
});

describe('advanceTo', () => {
  it('stands on a point at its time, between points by interpolation put on the grid', () => {
    const path = [100, 103, 97, 100];
    expect(advanceTo(path, atPoint(path, 0), 1 / 3, (x) => x)).toEqual({ next: 2, price: 103, time: 1 / 3 });
    expect(advanceTo(path, atPoint(path, 0), 0.5, (x) => Math.round(x))).toEqual({ next: 2, price: 100, time: 0.5 });
    expect(advanceTo(path, atPoint(path, 2), 0.1, (x) => x)).toEqual(atPoint(path, 2));
  });
});

describe('trailingCrossing', () => {
  const onCents = (x: number) => Math.floor(x * 100) / 100;

  it('fires when price falls back the distance from the best price seen after the start', () => {
    const path = [100, 99.5, 105, 104, 104, 104.5, 101, 102];
    const hit = trailingCrossing(path, atPoint(path, 0), true, 2, 100, onCents)!;
    expect(hit).toMatchObject({ price: 103, next: 6, atStart: false });
    expect(peakOver(path, atPoint(path, 0), hit, true, 100)).toBe(105);
  });

  it('fires at the start when the walk already stands below the stop', () => {
    const path = [97, 98, 96, 97];
    expect(trailingCrossing(path, atPoint(path, 0), true, 2, 100, onCents)).toMatchObject({ price: 97, atStart: true });
  });
});
