// Funding settlements of one perpetual in columnar form.
import type { FundingRate } from '../domain/funding.js';

export interface FundingSeries {
  readonly symbol?: string;
  readonly time: Float64Array;
  readonly rate: Float64Array;
  readonly length: number;
}

export function fundingAt(series: FundingSeries, index: number): FundingRate {
  return { symbol: series.symbol ?? '', time: series.time[index]!, rate: series.rate[index]! };
}

export function fundingFromRates(rates: readonly FundingRate[], symbol?: string): FundingSeries {
  return {
    ...(symbol === undefined ? {} : { symbol }),
    time: Float64Array.from(rates, (r) => r.time),
    rate: Float64Array.from(rates, (r) => r.rate),
    length: rates.length,
  };
}
