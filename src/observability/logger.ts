// The logging interface the rest of bybot codes against, so no module depends on pino's types.
import type { LogLevel } from './levels.js';

/** Structured fields of one line; an `err` (or any top-level Error value) is serialised without its request data. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line also carries `bindings`, e.g. `{ correlationId }`. */
  child(bindings: LogFields): Logger;
  /** A logger for a named module ('venue.bybit', a full name, not appended to a parent's): lines carry `module`, and its level applies. */
  module(name: string): Logger;
  /** Whether a line at `level` would be written: guard expensive field building with it. */
  isLevelEnabled(level: Exclude<LogLevel, 'silent'>): boolean;
}

/** The root logger a composition root owns: it also learns the secrets to scrub and is flushed and closed. */
export interface ManagedLogger extends Logger {
  /** Replaces every later occurrence of `value` in any line with '[redacted]' (an API secret, a bot token). */
  registerSecret(value: string): void;
  /** The API key: scrubbed like a secret when `redactKeys` is on, shown otherwise (it names the account). */
  registerApiKey(value: string): void;
  /** Resolves once every line written so far has reached its destinations. */
  flush(): Promise<void>;
  /** Flushes, then closes the files; later lines are dropped. */
  close(): Promise<void>;
}

const noop = (): void => {};

/** Writes nothing: for code paths that need a logger when nobody listens. */
export const silentLogger: ManagedLogger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
  module: () => silentLogger,
  isLevelEnabled: () => false,
  registerSecret: noop,
  registerApiKey: noop,
  flush: () => Promise.resolve(),
  close: () => Promise.resolve(),
};
