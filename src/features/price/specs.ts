// Price-structure features (market structure, levels, patterns, volume profile) as the CLI and contract tests see them.
import { barReader, param, type IndicatorSpec } from '../../indicators/contract.js';
import { FairValueGaps } from './fvg.js';
import { SupportResistance } from './levels.js';
import { OrderBlocks } from './order-blocks.js';
import { CandlePatterns } from './patterns.js';
import { PivotPoints, type PivotType } from './pivots.js';
import { RoundNumbers } from './round-numbers.js';
import { MarketStructure } from './structure.js';
import { SwingPoints } from './swings.js';
import { VolumeProfile } from './volume-profile.js';

const swingParams = [param('n', 3, 1, 500), param('left', 3, 1, 500)];

export const PRICE_SPECS: IndicatorSpec[] = [
  {
    name: 'vprofile',
    description:
      'volume profile over the last `window` bars (0 = the developing UTC day): point of control (bin centre) and the 70 % value area high/low (bin edges); bins of binTicks × tick, each bar’s volume spread uniformly over its high–low range',
    params: [param('window', 288, 0, 100_000), param('binTicks', 10, 1, 1_000_000), param('tick', 0.01, 1e-9, 1e6, false)],
    outputs: ['poc', 'vah', 'val'],
    input: 'bar',
    create: ([window, binTicks, tick]) =>
      barReader(new VolumeProfile({ window: window!, binTicks: binTicks!, tickSize: tick! }), (i, out) => {
        out[0] = i.poc;
        out[1] = i.vah;
        out[2] = i.val;
      }),
  },
  {
    name: 'swings',
    description:
      'latest swing high and low, confirmed n bars after the swing bar (left bars before it) and reported on the confirming bar; label of the latest confirmed swing: HH 2, LH 1, HL −1, LL −2, 0 for the first of its kind',
    params: swingParams,
    outputs: ['lastSwingHigh', 'lastSwingLow', 'label'],
    input: 'bar',
    create: ([n, left]) =>
      barReader(new SwingPoints(n!, left!), (i, out) => {
        out[0] = i.lastSwingHigh;
        out[1] = i.lastSwingLow;
        out[2] = i.label;
      }),
  },
  {
    name: 'structure',
    description:
      'market structure from the swings: bos ±1 on the bar whose close breaks the last swing in the trend direction (or the first break of all), choch ±1 when it breaks against the trend, else 0; trend +1 up, −1 down, 0 before the first break',
    params: swingParams,
    outputs: ['bos', 'choch', 'trend'],
    input: 'bar',
    create: ([n, left]) =>
      barReader(new MarketStructure(n!, left!), (i, out) => {
        out[0] = i.bos;
        out[1] = i.choch;
        out[2] = i.trend;
      }),
  },
  {
    name: 'orderblocks',
    description:
      'high and low of the latest bullish order block (last down candle within lookback bars before an upward structure break) and bearish one (last up candle before a downward break); a block is dropped when a close goes through it; 0 for both bounds when there is none',
    params: [...swingParams, param('lookback', 20, 1, 1000)],
    outputs: ['bullTop', 'bullBottom', 'bearTop', 'bearBottom'],
    input: 'bar',
    create: ([n, left, lookback]) => barReader(new OrderBlocks(n!, left!, lookback!), (i, out) => i.readInto(out)),
  },
  {
    name: 'fvg',
    description:
      'latest bullish fair value gap (low > high two bars back) and bearish one (high < low two bars back) at least minPct % of the close: bounds, and filled 1 once price traded through the far edge, else 0; 0 for everything when there has been none',
    params: [param('minPct', 0, 0, 100, false)],
    outputs: ['bullTop', 'bullBottom', 'bullFilled', 'bearTop', 'bearBottom', 'bearFilled'],
    input: 'bar',
    create: ([minPct]) => barReader(new FairValueGaps(minPct!), (i, out) => i.readInto(out)),
  },
  {
    name: 'levels',
    description:
      'dynamic support and resistance: the latest `memory` swing prices clustered within tolerance × ATR(atr); nearest cluster mean at or below the close (support) and above it (resistance), with its swing count; 0 and 0 when there is none with minTouches swings',
    params: [...swingParams, param('tolerance', 0.2, 0, 100, false), param('memory', 30, 2, 1000), param('minTouches', 2, 1, 100), param('atr', 14, 1, 1000)],
    outputs: ['support', 'supportTouches', 'resistance', 'resistanceTouches'],
    input: 'bar',
    create: ([n, left, tolerance, memory, minTouches, atr]) =>
      barReader(new SupportResistance({ right: n!, left: left!, toleranceAtr: tolerance!, memory: memory!, minTouches: minTouches!, atrPeriod: atr! }), (i, out) => i.readInto(out)),
  },
  {
    name: 'pivots',
    description: "daily pivot points from the previous UTC day's high, low and close (by bar open time); type 0 classic, 1 Fibonacci, 2 Camarilla",
    params: [param('type', 0, 0, 2)],
    outputs: ['p', 'r1', 'r2', 'r3', 's1', 's2', 's3'],
    input: 'bar',
    create: ([type]) => barReader(new PivotPoints(type as PivotType), (i, out) => i.readInto(out)),
  },
  {
    name: 'roundnum',
    description: 'nearest multiple of `step` to the close, and the signed distance of the close from it (positive above) in price, in ATR(atr) and in percent of the close',
    params: [param('step', 1, 1e-9, 1e9, false), param('atr', 14, 1, 1000)],
    outputs: ['level', 'distance', 'distanceAtr', 'distancePct'],
    input: 'bar',
    create: ([step, atr]) => barReader(new RoundNumbers(step!, atr!), (i, out) => i.readInto(out)),
  },
  {
    name: 'patterns',
    description:
      'candle patterns on the latest bar, +1 bullish / −1 bearish / 0 none: engulfing, pin bar (+1 hammer, −1 shooting star), inside bar (+1 closing in the upper half of the mother bar, −1 lower half), three (+1 three white soldiers, −1 three black crows)',
    params: [],
    outputs: ['engulfing', 'pinbar', 'insidebar', 'three'],
    input: 'bar',
    create: () => barReader(new CandlePatterns(), (i, out) => i.readInto(out)),
  },
];
