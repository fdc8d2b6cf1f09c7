// Trend indicators as the registry, the CLI and the contract tests see them.
import { barReader, closeReader, param, type Indicator, type IndicatorSpec } from '../contract.js';
import { ADX } from './adx.js';
import { DEMA, TEMA } from './dema.js';
import { EMA, RMA } from './ema.js';
import { HMA } from './hma.js';
import { adxKernel, supertrendKernel } from './bar-kernels.js';
import { psarKernel } from './psar-kernel.js';
import { emaChainKernel, hmaKernel, macdKernel, smaKernel, smoothingKernel, vwmaKernel, wmaKernel } from './kernels.js';
import { MACD } from './macd.js';
import { PSAR } from './psar.js';
import { EmaRibbon } from './ribbon.js';
import { SMA } from './sma.js';
import { Supertrend } from './supertrend.js';
import { VWMA } from './vwma.js';
import { WMA } from './wma.js';

/** A single-output moving average of the close with one period parameter. */
const average = (name: string, description: string, period: number, make: (period: number) => Indicator<number, number> & { readonly value: number }, min = 1): IndicatorSpec => ({
  name,
  description,
  params: [param('period', period, min, 10_000)],
  outputs: ['value'],
  input: 'close',
  create: ([p]) => closeReader(make(p!), (i, out) => (out[0] = i.value)),
});

export const TREND_SPECS: IndicatorSpec[] = [
  { ...average('sma', 'simple moving average of the close', 20, (p) => new SMA(p)), kernel: ([p], c) => [smaKernel(c.close, p!)] },
  { ...average('ema', 'exponential moving average of the close (seeded with the SMA)', 20, (p) => new EMA(p)), kernel: ([p], c) => [smoothingKernel(c.close, p!, 2 / (p! + 1))] },
  { ...average('rma', "Wilder's moving average (RMA / SMMA) of the close", 14, (p) => new RMA(p)), kernel: ([p], c) => [smoothingKernel(c.close, p!, 1 / p!)] },
  { ...average('wma', 'linearly weighted moving average of the close', 20, (p) => new WMA(p)), kernel: ([p], c) => [wmaKernel(c.close, p!)] },
  { ...average('dema', 'double exponential moving average 2·EMA − EMA(EMA) of the close', 20, (p) => new DEMA(p)), kernel: ([p], c) => [emaChainKernel(c.close, p!, 2)] },
  { ...average('tema', 'triple exponential moving average 3·EMA − 3·EMA(EMA) + EMA(EMA(EMA)) of the close', 20, (p) => new TEMA(p)), kernel: ([p], c) => [emaChainKernel(c.close, p!, 3)] },
  { ...average('hma', 'Hull moving average WMA(2·WMA(n/2) − WMA(n), √n) of the close', 9, (p) => new HMA(p), 2), kernel: ([p], c) => [hmaKernel(c.close, p!)] },
  {
    name: 'vwma',
    description: 'volume-weighted moving average of the close (plain mean when the window has no volume)',
    params: [param('period', 20, 1, 10_000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new VWMA(period!), (i, out) => (out[0] = i.value)),
    kernel: ([period], c) => [vwmaKernel(c.close, c.volume, period!)],
  },
  {
    name: 'ribbon',
    description: 'EMA ribbon: stack +1 when every EMA is above the next slower one, −1 when every one is below, 0 mixed; spread (fastest − slowest) / slowest',
    params: [param('p1', 8, 1, 10_000), param('p2', 13, 1, 10_000), param('p3', 21, 1, 10_000), param('p4', 34, 1, 10_000), param('p5', 55, 1, 10_000)],
    outputs: ['stack', 'spread'],
    input: 'close',
    create: (periods) => closeReader(new EmaRibbon(periods), (i, out) => ((out[0] = i.stack), (out[1] = i.spread))),
  },
  {
    name: 'supertrend',
    description: 'Supertrend: the active ATR band (value) and direction +1 up / −1 down',
    params: [param('period', 10, 1, 1000), param('multiplier', 3, 0.01, 100, false)],
    outputs: ['value', 'direction'],
    input: 'bar',
    create: ([period, multiplier]) => barReader(new Supertrend(period!, multiplier!), (i, out) => ((out[0] = i.value), (out[1] = i.direction))),
    kernel: ([period, multiplier], c) => supertrendKernel(c, period!, multiplier!),
  },
  {
    name: 'psar',
    description: "Wilder's parabolic SAR (TA-Lib rules): the stop level and direction +1 long / −1 short",
    params: [param('step', 0.02, 0.001, 1, false), param('max', 0.2, 0.001, 1, false)],
    outputs: ['sar', 'direction'],
    input: 'bar',
    create: ([step, max]) => barReader(new PSAR(step!, max!), (i, out) => ((out[0] = i.sar), (out[1] = i.direction))),
    kernel: ([step, max], c) => psarKernel(c, step!, max!),
  },
  {
    name: 'adx',
    description: "Wilder's average directional index with +DI and −DI (0–100)",
    params: [param('period', 14, 1, 1000)],
    outputs: ['adx', 'plusDi', 'minusDi'],
    input: 'bar',
    create: ([period]) => barReader(new ADX(period!), (i, out) => ((out[0] = i.adx), (out[1] = i.plusDi), (out[2] = i.minusDi))),
    kernel: ([period], c) => adxKernel(c, period!),
  },
  {
    name: 'macd',
    description: 'MACD of the close: line (fast EMA − slow EMA), signal (EMA of the line) and hist (line − signal)',
    params: [param('fast', 12, 1, 1000), param('slow', 26, 1, 1000), param('signal', 9, 1, 1000)],
    outputs: ['macd', 'signal', 'hist'],
    input: 'close',
    create: ([fast, slow, signal]) => closeReader(new MACD(fast!, slow!, signal!), (i, out) => ((out[0] = i.macd), (out[1] = i.signal), (out[2] = i.hist))),
    kernel: ([fast, slow, signal], c) => macdKernel(c.close, fast!, slow!, signal!),
  },
];
