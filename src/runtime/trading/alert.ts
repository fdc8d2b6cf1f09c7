// What a trading session tells its operator: a loop that failed, stale data, an unprotected position, a stop.

export interface Alert {
  readonly level: 'info' | 'warn' | 'error';
  /** A stable code for alert routing and tests: 'staleData', 'loopFailed', 'unprotectedPosition', ... */
  readonly code: string;
  readonly message: string;
  readonly symbol?: string;
  readonly time: number;
}
