// The public entry of observability/: structured logging with correlation ids and secret redaction.
export { LOG_LEVELS, levelForModule, type LogLevel, type ModuleLevels } from './levels.js';
export { silentLogger, type LogFields, type Logger, type ManagedLogger } from './logger.js';
export { createLogger, type LoggerOptions } from './create-logger.js';
export type { LogFileOptions } from './file-sink.js';
export type { TextWritable } from './sinks.js';
export { memoryLogger, type MemoryLogger } from './memory-logger.js';
export { CORRELATION_KEY, counterIds, randomIds, withCorrelation, type IdSource } from './correlation.js';
export { serializeError } from './error-fields.js';
export { REDACTED } from './scrubber.js';
