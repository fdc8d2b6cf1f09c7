// A logger that keeps its lines in memory, through the real serialisation and redaction: for tests.
import type { LoggerOptions } from './create-logger.js';
import { createLoggerOn } from './create-logger.js';
import type { ManagedLogger } from './logger.js';

export interface MemoryLogger extends ManagedLogger {
  /** Every line written, exactly as it would reach stdout (JSON, newline-terminated). */
  readonly lines: readonly string[];
  /** The lines parsed. */
  records(): Record<string, unknown>[];
  /** Forgets the lines so far. */
  clear(): void;
}

/** Defaults to level 'trace' so a test sees everything; pass `level` or `modules` to test filtering. */
export function memoryLogger(options: Omit<LoggerOptions, 'destination' | 'pretty' | 'stdout' | 'file'> = {}): MemoryLogger {
  const lines: string[] = [];
  const logger = createLoggerOn(
    { level: 'trace', ...options },
    [{ write: (line) => void lines.push(line), flush: () => Promise.resolve(), close: () => Promise.resolve() }],
  );
  return Object.assign(logger, {
    lines,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => void lines.splice(0),
  });
}
