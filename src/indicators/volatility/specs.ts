// Volatility indicators as the registry, the CLI and the contract tests see them.
import { barReader, closeReader, param, type IndicatorSpec } from '../contract.js';
import { ATR, TR } from './atr.js';
import { BollingerBands } from './bollinger.js';
import { DonchianChannels } from './donchian.js';
import { BARS_PER_YEAR_5M, HistoricalVolatility } from './hv.js';
import { KeltnerChannels } from './keltner.js';
import { atrKernel, bollingerKernel, donchianKernel, keltnerKernel, natrKernel, trKernel } from './kernels.js';
import { NATR } from './natr.js';
import { Squeeze } from './squeeze.js';

export const VOLATILITY_SPECS: IndicatorSpec[] = [
  {
    name: 'tr',
    description: 'true range',
    params: [],
    outputs: ['value'],
    input: 'bar',
    create: () => barReader(new TR(), (i, out) => (out[0] = i.value)),
    kernel: (_, c) => [trKernel(c)],
  },
  {
    name: 'atr',
    description: "Wilder's average true range",
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new ATR(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [atrKernel(c, period!)],
  },
  {
    name: 'natr',
    description: 'ATR as a percentage of the close',
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new NATR(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [natrKernel(c, period!)],
  },
  {
    name: 'bb',
    description: 'Bollinger Bands: SMA ± k population standard deviations, bandwidth (fraction) and %B',
    params: [param('period', 20, 1, 10_000), param('multiplier', 2, 0, 100, false)],
    outputs: ['upper', 'middle', 'lower', 'bandwidth', 'percentB'],
    input: 'close',
    create: ([period, multiplier]) =>
      closeReader(new BollingerBands(period!, multiplier!), (i, out) => {
        out[0] = i.upper;
        out[1] = i.middle;
        out[2] = i.lower;
        out[3] = i.bandwidth;
        out[4] = i.percentB;
      }),
    kernel: ([period, multiplier], c) => bollingerKernel(c.close, period!, multiplier!),
  },
  {
    name: 'keltner',
    description: 'Keltner Channels: EMA of the close ± multiplier × Wilder ATR',
    params: [param('period', 20, 1, 10_000), param('atrPeriod', 10, 1, 1000), param('multiplier', 2, 0, 100, false)],
    outputs: ['upper', 'middle', 'lower'],
    input: 'bar',
    create: ([period, atrPeriod, multiplier]) =>
      barReader(new KeltnerChannels(period!, atrPeriod!, multiplier!), (i, out) => {
        out[0] = i.upper;
        out[1] = i.middle;
        out[2] = i.lower;
      }),
    kernel: ([period, atrPeriod, multiplier], c) => keltnerKernel(c, period!, atrPeriod!, multiplier!),
  },
  {
    name: 'donchian',
    description: 'Donchian Channels: highest high, lowest low of the last n bars and their midpoint',
    params: [param('period', 20, 1, 10_000)],
    outputs: ['upper', 'middle', 'lower'],
    input: 'bar',
    create: ([period]) =>
      barReader(new DonchianChannels(period!), (i, out) => {
        out[0] = i.upper;
        out[1] = i.middle;
        out[2] = i.lower;
      }),
    kernel: ([period], c) => donchianKernel(c, period!),
  },
  {
    name: 'hv',
    description: 'historical volatility: annualised sample std dev of log returns in percent, and its percentile rank over a lookback',
    params: [param('period', 20, 2, 10_000), param('barsPerYear', BARS_PER_YEAR_5M, 1, 40_000_000), param('lookback', 100, 1, 10_000)],
    outputs: ['hv', 'percentile'],
    input: 'close',
    create: ([period, barsPerYear, lookback]) =>
      closeReader(new HistoricalVolatility(period!, barsPerYear!, lookback!), (i, out) => {
        out[0] = i.hv;
        out[1] = i.percentile;
      }),
  },
  {
    name: 'squeeze',
    description: 'volatility squeeze: 1 while Bollinger Bands sit inside Keltner Channels (EMA ± ATR), with linear-regression momentum',
    params: [param('bbPeriod', 20, 1, 10_000), param('bbMultiplier', 2, 0, 100, false), param('kcPeriod', 20, 2, 10_000), param('kcMultiplier', 1.5, 0, 100, false)],
    outputs: ['squeezeOn', 'momentum'],
    input: 'bar',
    create: ([bbPeriod, bbMultiplier, kcPeriod, kcMultiplier]) =>
      barReader(new Squeeze(bbPeriod!, bbMultiplier!, kcPeriod!, kcMultiplier!), (i, out) => {
        out[0] = i.squeezeOn;
        out[1] = i.momentum;
      }),
  },
];
