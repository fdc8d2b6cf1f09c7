// Context features (time of day and sessions, regime) as the CLI and contract tests see them.
import { barReader, param, type IndicatorSpec } from '../../indicators/contract.js';
import { Regime } from './regime.js';
import { TimeContext } from './time.js';

export const CONTEXT_SPECS: IndicatorSpec[] = [
  {
    name: 'time',
    description:
      'UTC calendar context from the bar open: session flags asia (01–09), europe (07–16), us (13–22) as 1/0, minutes to the hourly close and to the next funding time (every fundingHours from 00:00), day of week (0 Sunday … 6)',
    params: [param('fundingHours', 8, 1, 24)],
    outputs: ['asia', 'europe', 'us', 'minutesToHourClose', 'minutesToFunding', 'dayOfWeek'],
    input: 'bar',
    create: ([fundingHours]) =>
      barReader(new TimeContext(fundingHours!), (t, out) => {
        out[0] = t.asia;
        out[1] = t.europe;
        out[2] = t.us;
        out[3] = t.minutesToHourClose;
        out[4] = t.minutesToFunding;
        out[5] = t.dayOfWeek;
      }),
  },
  {
    name: 'regime',
    description:
      'market regime: 2 high volatility (ATR percentile > atrHigh), else 1 trend (ADX > adxTrend and Bollinger 2σ ≥ squeeze·ATR), else 0 range; with adx, atrPercentile (0–100) and bbWidth (fraction)',
    params: [
      param('adxPeriod', 14, 1, 1000),
      param('atrPeriod', 14, 1, 1000),
      param('percentileWindow', 100, 2, 10_000),
      param('bbPeriod', 20, 2, 1000),
      param('adxTrend', 25, 0, 100, false),
      param('atrHigh', 80, 0, 100, false),
      param('squeeze', 1.5, 0, 10, false),
    ],
    outputs: ['regime', 'adx', 'atrPercentile', 'bbWidth'],
    input: 'bar',
    create: ([adxPeriod, atrPeriod, percentileWindow, bbPeriod, adxTrend, atrHigh, squeeze]) =>
      barReader(new Regime({ adxPeriod, atrPeriod, percentileWindow, bbPeriod, adxTrend, atrHigh, squeeze }), (r, out) => {
        out[0] = r.regime;
        out[1] = r.adx;
        out[2] = r.atrPercentile;
        out[3] = r.bbWidth;
      }),
  },
];
