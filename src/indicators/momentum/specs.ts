// Momentum indicators as the registry, the CLI and the contract tests see them.
import { closeReader, param, type IndicatorSpec } from '../contract.js';
import { RSI } from './rsi.js';

export const MOMENTUM_SPECS: IndicatorSpec[] = [
  {
    name: 'rsi',
    description: "Wilder's relative strength index of the close",
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'close',
    create: ([period]) => closeReader(new RSI(period!), (i, out) => (out[0] = i.value)),
  },
];
