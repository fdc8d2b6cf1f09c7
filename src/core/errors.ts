// Errors grouped by what the caller should do: fix the input, retry later, or give up.
// Every message names the thing that was wrong (field, file and line, argument) and its value.

/** Input the user or a file supplied is wrong; retrying will not help until it is fixed. */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A data file could not be parsed; names the file, the line and (when known) the column. */
export class DataFormatError extends InputError {
  override readonly name = 'DataFormatError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
  }
}

/** A configuration value failed validation. */
export class ConfigError extends InputError {
  override readonly name = 'ConfigError';
}

/** The remote side answered, and said no (a Bybit retCode, an HTTP 4xx): retrying the same request fails again. */
export class RemoteRejectedError extends Error {
  override readonly name = 'RemoteRejectedError';
  constructor(
    message: string,
    readonly code: number | string,
  ) {
    super(message);
  }
}

/** The network or the remote service failed (unreachable, timeout, 5xx, rate limited): retrying may help. */
export class TransientError extends Error {
  override readonly name = 'TransientError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Renders a value for an error message: strings quoted, everything else as JSON, long values cut. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
