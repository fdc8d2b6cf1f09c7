// The volatility squeeze against trading-signals TTMSqueeze on real SOLUSDT 5m bars, plus worked examples.
import { TTMSqueeze } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { BollingerBands } from './bollinger.js';
import { bar, maxGap, run, runLib, solBars } from '../test-support/compare.js';
import { KeltnerChannels } from './keltner.js';
import { Squeeze } from './squeeze.js';

const bars = solBars();

describe('squeeze by hand', () => {
  it('momentum on a steady uptrend is the linear-regression value of a constant distance', () => {
    // Closes rise 1 a bar with high = close + 1, low = close − 1: over any m bars the Donchian
    // midpoint and the SMA both sit (m − 1)/2 behind the close, so d = (m − 1)/2 = 1.5 for m = 4.
    const sq = new Squeeze(4, 2, 4, 1.5);
    for (let i = 0; i < 7; i++) sq.add(bar(i, { close: 100 + i, high: 101 + i, low: 99 + i }));
    expect(sq.isStable).toBe(true);
    expect(sq.momentum).toBeCloseTo(1.5, 12);
  });

  it('is on while the Bollinger Bands sit inside the Keltner Channel, off when they poke out', () => {
    const input = Array.from({ length: 40 }, (_, i) => bar(i, { close: 100 + (i % 2) * 0.1, high: 101, low: 99 }));
    const sq = new Squeeze(20, 2, 20, 1.5);
    input.forEach((b) => sq.add(b));
    // σ of alternating closes is 0.05, the range 2 ⇒ BB ±0.1 inside KC ±3.
    expect(sq.squeezeOn).toBe(1);
    sq.add(bar(40, { close: 130, high: 130, low: 99 }));
    const bb = new BollingerBands(20, 2);
    const kc = new KeltnerChannels(20, 20, 1.5);
    [...input, bar(40, { close: 130, high: 130, low: 99 })].forEach((b) => (bb.add(b.close), kc.add(b)));
    expect(bb.upper > kc.upper || bb.lower < kc.lower).toBe(true);
    expect(sq.squeezeOn).toBe(0);
  });
});

describe.skipIf(!bars)('squeeze against trading-signals TTMSqueeze on SOLUSDT 5m', () => {
  const all = bars ?? [];
  const n = all.length;
  const ts = new TTMSqueeze({ bbInterval: 20, bbMultiplier: 2, kcInterval: 20, kcMultiplier: 1.5 });
  const results = all.map((b) => ts.add(b));

  it('momentum equals TTMSqueeze momentum from its first value', () => {
    const ours = run(new Squeeze(), all, (i) => i.momentum);
    const theirs = runLib(results, (r) => r, (r) => r.momentum);
    // Momentum crosses zero; gaps are taken against max(|a|, |b|, 1e-3 × price), 1e-9 of that.
    const { gap, compared } = maxGap(ours, theirs, 0, 1e-3 * all[0]!.close);
    expect(compared).toBe(n - 38);
    expect(gap).toBeLessThan(1e-9);
  });

  it('squeezeOn agrees with isSqueezed once the Keltner seeds have decayed, except at ties closer than 1e-9', () => {
    // trading-signals' Keltner seeds its EMA with the first close and its ATR with the first bar's
    // range (see channels.test.ts); past bar 600 the channels agree to 1e-12.
    const ours = run(new Squeeze(), all, (i) => i.squeezeOn);
    const bb = new BollingerBands(20, 2);
    const kc = new KeltnerChannels(20, 20, 1.5);
    let compared = 0;
    let on = 0;
    for (let i = 0; i < n; i++) {
      const b = all[i]!;
      bb.add(b.close);
      kc.add(b);
      if (i < 600) continue;
      const tie = Math.min(Math.abs(bb.upper - kc.upper), Math.abs(bb.lower - kc.lower)) < 1e-9 * b.close;
      if (!tie) expect(ours[i], `bar ${i}`).toBe(results[i]!.isSqueezed ? 1 : 0);
      compared++;
      on += ours[i]!;
    }
    expect(compared).toBe(n - 600);
    expect(on).toBeGreaterThan(0);
    expect(on).toBeLessThan(compared);
  });
});
