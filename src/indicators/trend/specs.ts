// Trend indicators as the registry, the CLI and the contract tests see them.
import { closeReader, param, type IndicatorSpec } from '../contract.js';
import { EMA, RMA } from './ema.js';
import { SMA } from './sma.js';

export const TREND_SPECS: IndicatorSpec[] = [
  {
    name: 'sma',
    description: 'simple moving average of the close',
    params: [param('period', 20, 1, 10_000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new SMA(period!), (i, out) => (out[0] = i.value)),
  },
  {
    name: 'ema',
    description: 'exponential moving average of the close (seeded with the SMA)',
    params: [param('period', 20, 1, 10_000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new EMA(period!), (i, out) => (out[0] = i.value)),
  },
  {
    name: 'rma',
    description: "Wilder's moving average (RMA / SMMA) of the close",
    params: [param('period', 14, 1, 10_000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new RMA(period!), (i, out) => (out[0] = i.value)),
  },
];
