// What a data-quality check reports, and what the policy decided to do about it.

export type Severity = 'info' | 'warning' | 'error';

/**
 * What happens to the data because of a finding:
 * - reject: the data set is not trusted; a backtest or the live bot refuses it;
 * - repair: the data was fixed (the finding says how) and the fixed data is used;
 * - warn: reported, the data is used as it is.
 */
export type PolicyAction = 'reject' | 'repair' | 'warn';

export interface Finding {
  /** The check that raised it, e.g. 'gap', 'ohlc', 'spike'. */
  readonly check: string;
  /** Time (ms) of the row concerned; for whole-file findings the first row's time or NaN when empty. */
  readonly timestamp: number;
  /** The offending value (a price, a gap length in ms, a z-score, a count...). */
  readonly value: number | string;
  readonly severity: Severity;
  readonly action: PolicyAction;
  /** One sentence a person can act on. */
  readonly message: string;
}

export function severityOf(action: PolicyAction): Severity {
  return action === 'reject' ? 'error' : action === 'repair' ? 'info' : 'warning';
}

/** A finding whose severity follows from its action. */
export function makeFinding(check: string, action: PolicyAction, timestamp: number, value: number | string, message: string): Finding {
  return { check, timestamp, value, severity: severityOf(action), action, message };
}
