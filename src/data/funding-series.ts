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

/** Union of funding histories by settlement time; for the same time the later argument wins. */
export function mergeFundingSeries(parts: ReadonlyArray<FundingSeries | undefined>, symbol: string): FundingSeries {
  const rates = new Map<number, number>();
  for (const part of parts) if (part) for (let i = 0; i < part.length; i++) rates.set(part.time[i]!, part.rate[i]!);
  const times = [...rates.keys()].sort((a, b) => a - b);
  return { symbol, time: Float64Array.from(times), rate: Float64Array.from(times, (t) => rates.get(t)!), length: times.length };
}
