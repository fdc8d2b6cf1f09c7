// Volume indicators as the registry, the CLI and the contract tests see them.
import { barReader, param, type IndicatorSpec } from '../contract.js';
import { vwapKernel } from './kernels.js';
import { RelativeVolume } from './rvol.js';
import { VolumeDivergence } from './voldiv.js';
import { VolumeZScore } from './volz.js';
import { AnchoredVWAP, HOUR_MS } from './vwap.js';

export const VOLUME_SPECS: IndicatorSpec[] = [
  {
    name: 'vwap',
    description: 'VWAP of the typical price since the anchor (24 h = UTC day, 168 h = UTC week from Monday) with ±1σ, ±2σ volume-weighted bands',
    params: [param('anchorHours', 24, 1, 24 * 366)],
    outputs: ['vwap', 'upper1', 'lower1', 'upper2', 'lower2'],
    input: 'bar',
    create: ([anchorHours]) =>
      barReader(new AnchoredVWAP(anchorHours! * HOUR_MS), (i, out) => {
        const vwap = i.vwap;
        const sd = i.deviation;
        out[0] = vwap;
        out[1] = vwap + sd;
        out[2] = vwap - sd;
        out[3] = vwap + 2 * sd;
        out[4] = vwap - 2 * sd;
      }),
    kernel: ([anchorHours], c) => vwapKernel(c, anchorHours! * HOUR_MS),
  },
  {
    name: 'rvol',
    description: 'relative volume: against the mean of the previous n bars, and against the same UTC time of day on the previous d days',
    params: [param('period', 20, 1, 10_000), param('days', 4, 1, 1000), param('barMinutes', 5, 1, 1440)],
    outputs: ['rvol', 'rvolTod'],
    input: 'bar',
    create: ([period, days, barMinutes]) =>
      barReader(new RelativeVolume(period!, days!, barMinutes! * 60_000), (i, out) => {
        out[0] = i.rvol;
        out[1] = i.rvolTod;
      }),
  },
  {
    name: 'volz',
    description: 'volume z-score against the previous n bars (sample standard deviation)',
    params: [param('period', 20, 2, 10_000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new VolumeZScore(period!), (i, out) => (out[0] = i.value)),
  },
  {
    name: 'voldiv',
    description: 'volume divergence: +1 new n-bar high on below-average volume, −1 new n-bar low on below-average volume, else 0',
    params: [param('period', 20, 1, 10_000)],
    outputs: ['value'],
    input: 'bar',
    create: ([period]) => barReader(new VolumeDivergence(period!), (i, out) => (out[0] = i.value)),
  },
];
