// Momentum (and money-flow) indicators as the registry, the CLI and the contract tests see them.
import { barReader, closeReader, param, type IndicatorSpec } from '../contract.js';
import { CCI } from './cci.js';
import { CMF } from './cmf.js';
import { RSIDivergence } from './divergence.js';
import { stochasticKernel, stochasticRsiKernel, williamsRKernel } from './extreme-kernels.js';
import { cciKernel, cmfKernel, mfiKernel, obvKernel, rocKernel, rsiKernel } from './kernels.js';
import { MFI } from './mfi.js';
import { OBV } from './obv.js';
import { ROC } from './roc.js';
import { RSI } from './rsi.js';
import { Stochastic, StochasticRSI } from './stochastic.js';
import { WilliamsR } from './williams-r.js';

export const MOMENTUM_SPECS: IndicatorSpec[] = [
  {
    name: 'rsi',
    description: "Wilder's relative strength index of the close, 0 to 100 (50 when the window has no change)",
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new RSI(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [rsiKernel(c.close, period!)],
  },
  {
    name: 'rsidiv',
    description:
      'RSI divergence on RSI pivots (left/right bars; the pivot is confirmed `right` bars later) against the bar low/high, ' +
      'pivots of a kind rangeMin..rangeMax bars apart; each output is 1 on the confirming bar, else 0',
    params: [param('period', 14, 1, 1000), param('left', 5, 1, 100), param('right', 5, 1, 100), param('rangeMin', 5, 1, 1000), param('rangeMax', 60, 1, 1000)],
    outputs: ['regularBullish', 'regularBearish', 'hiddenBullish', 'hiddenBearish'],
    input: 'bar',
    create: ([period, left, right, rangeMin, rangeMax]) =>
      barReader(new RSIDivergence(period!, { left: left!, right: right!, rangeMin: rangeMin!, rangeMax: rangeMax! }), (i, out) => {
        out[0] = i.regularBullish;
        out[1] = i.regularBearish;
        out[2] = i.hiddenBullish;
        out[3] = i.hiddenBearish;
      }),
  },
  {
    name: 'stoch',
    description: 'slow stochastic: %K = SMA(smoothing) of fast %K over period bars, %D = SMA(signal) of %K; 0 to 100 (50 for a zero-range window)',
    params: [param('period', 14, 1, 1000), param('smoothing', 3, 1, 100), param('signal', 3, 1, 100)],
    outputs: ['k', 'd'],
    input: 'bar',
    create: ([period, smoothing, signal]) =>
      barReader(new Stochastic(period!, smoothing!, signal!), (i, out) => {
        out[0] = i.k;
        out[1] = i.d;
      }),
    kernel: ([period, smoothing, signal], c) => stochasticKernel(c, period!, smoothing!, signal!),
  },
  {
    name: 'stochrsi',
    description: 'stochastic RSI: stochastic of RSI(rsiPeriod) over period values, %K and %D smoothed by SMAs; 0 to 100 (50 for a flat RSI window)',
    params: [param('rsiPeriod', 14, 1, 1000), param('period', 14, 1, 1000), param('smoothing', 3, 1, 100), param('signal', 3, 1, 100)],
    outputs: ['k', 'd'],
    input: 'close',
    create: ([rsiPeriod, period, smoothing, signal]) =>
      closeReader(new StochasticRSI(rsiPeriod!, period!, smoothing!, signal!), (i, out) => {
        out[0] = i.k;
        out[1] = i.d;
      }),
    kernel: ([rsiPeriod, period, smoothing, signal], c) => stochasticRsiKernel(c.close, rsiPeriod!, period!, smoothing!, signal!),
  },
  {
    name: 'mfi',
    description: 'money flow index: volume-weighted RSI of the typical price, 0 to 100 (50 when the window has no flow)',
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new MFI(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [mfiKernel(c, period!)],
  },
  {
    name: 'roc',
    description: 'rate of change of the close over period bars, in percent (default 9 as TradingView)',
    params: [param('period', 9, 1, 10_000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new ROC(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [rocKernel(c.close, period!)],
  },
  {
    name: 'willr',
    description: 'Williams %R: close against the high-low range of the window, 0 (at the high) to -100 (at the low), -50 for a zero range',
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new WilliamsR(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [williamsRKernel(c, period!)],
  },
  {
    name: 'cci',
    description: 'commodity channel index of the typical price: distance from its SMA over 0.015 x mean absolute deviation (0 for a flat window)',
    params: [param('period', 20, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new CCI(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [cciKernel(c, period!)],
  },
  {
    name: 'cmf',
    description: 'Chaikin money flow: volume-weighted close location in the bar range over period bars, -1 to +1 (0 without volume)',
    params: [param('period', 20, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new CMF(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [cmfKernel(c, period!)],
  },
  {
    name: 'obv',
    description: 'on-balance volume: running sum of volume signed by the close change, 0 at the first bar',
    params: [],
    outputs: ['value'],
    input: 'bar',
    create: () => barReader(new OBV(), (i, out) => (out[0] = i.value)),
    kernel: (_, c) => [obvKernel(c)],
  },
];
