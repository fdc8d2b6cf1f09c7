// Volatility indicators as the registry, the CLI and the contract tests see them.
import { barReader, param, type IndicatorSpec } from '../contract.js';
import { ATR, TR } from './atr.js';

export const VOLATILITY_SPECS: IndicatorSpec[] = [
  {
    name: 'tr',
    description: 'true range',
    params: [],
    outputs: ['value'],
    input: 'bar',
    create: () => barReader(new TR(), (i, out) => (out[0] = i.value)),
  },
  {
    name: 'atr',
    description: "Wilder's average true range",
    params: [param('period', 14, 1, 1000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new ATR(period!), (i, out) => (out[0] = i.value)),
  },
];
