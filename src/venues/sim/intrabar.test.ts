import { describe, expect, it } from 'vitest';
import { candlePath, detailPath, triggersHit, type Trigger } from './intrabar.js';

const bar = (open: number, high: number, low: number, close: number) => ({ open, high, low, close });

describe('candlePath', () => {
  it('visits the extreme nearer to the open first', () => {
    expect(candlePath(bar(100, 101, 95, 96))).toEqual([100, 101, 95, 96]);
    expect(candlePath(bar(100, 106, 99, 105))).toEqual([100, 99, 106, 105]);
  });
  it('breaks a tie by the candle direction', () => {
    expect(candlePath(bar(100, 102, 98, 99))).toEqual([100, 102, 98, 99]);
    expect(candlePath(bar(100, 102, 98, 101))).toEqual([100, 98, 102, 101]);
  });
});

describe('triggersHit: stop versus target inside one candle', () => {
  // A long from 100 with a stop at 97 and a target at 104.
  const long: Trigger<string>[] = [
    { price: 97, direction: 'fall', tag: 'stop' },
    { price: 104, direction: 'rise', tag: 'target' },
  ];

  it('gives the stop when the low is nearer the open (path O→L→H→C)', () => {
    const hits = triggersHit(candlePath(bar(100, 105, 96, 104)), long);
    expect(hits.map((h) => [h.tag, h.price])).toEqual([['stop', 97], ['target', 104]]);
  });

  it('gives the target when the high is nearer the open (path O→H→L→C)', () => {
    const hits = triggersHit(candlePath(bar(100, 104.5, 95, 96)), long);
    expect(hits.map((h) => h.tag)).toEqual(['target', 'stop']);
  });

  it('fills a stop gapped through at the open, before anything else', () => {
    const hits = triggersHit(candlePath(bar(95, 106, 94, 105)), long);
    expect(hits[0]).toEqual({ tag: 'stop', price: 95, gapped: true, step: 0 });
  });

  it('uses finer candles when given: the 1m path decides, whatever the 5m shape suggests', () => {
    // The 5m candle O100 H105 L96 C104 alone says "stop first"; its minutes show the high came first.
    const minutes = [bar(100, 104.2, 99.5, 104), bar(104, 105, 103, 103.5), bar(103.5, 103.6, 96, 97), bar(97, 99, 96.5, 98), bar(98, 104, 97.5, 104)];
    expect(triggersHit(detailPath(minutes), long).map((h) => h.tag)).toEqual(['target', 'stop']);
  });

  it('orders triggers reached on one segment by distance, and ignores levels never reached', () => {
    const ladder: Trigger<number>[] = [
      { price: 103, direction: 'rise', tag: 2 },
      { price: 101, direction: 'rise', tag: 1 },
      { price: 110, direction: 'rise', tag: 3 },
    ];
    expect(triggersHit(candlePath(bar(100, 104, 99.5, 103)), ladder).map((h) => h.tag)).toEqual([1, 2]);
  });
});
