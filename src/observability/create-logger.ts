// The composition root's logger: pino writing JSON lines (pretty on a terminal) and rolling files, secrets censored by name and by value.
import { pino, type Logger as Pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { systemClock, type Clock } from '../core/clock.js';
import { serializeError } from './error-fields.js';
import { fileSink, type LogFileOptions } from './file-sink.js';
import type { LogLevel, ModuleLevels } from './levels.js';
import type { LogFields, ManagedLogger } from './logger.js';
import { PinoLogger } from './pino-logger.js';
import { censorNested, redactOptions } from './redact.js';
import { SecretScrubber } from './scrubber.js';
import { fanOut, streamSink, type LineSink, type TextWritable } from './sinks.js';

/** The `log` section of the config, plus what only the composition root can supply. */
export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Levels by module-name prefix: `{ 'venue.bybit': 'debug', engine: 'warn' }`. */
  readonly modules?: ModuleLevels;
  /** Human-readable lines instead of JSON on stdout; default: when stdout is a terminal. */
  readonly pretty?: boolean;
  /** Write to stdout (or `destination`); default true. */
  readonly stdout?: boolean;
  readonly file?: LogFileOptions;
  /** Censor API keys too; by default keys are shown (they name the account) and secrets never are. */
  readonly redactKeys?: boolean;
  /** Where stdout lines go instead of file descriptor 1: tests, an embedding process. */
  readonly destination?: TextWritable;
  /** Fields on every line, e.g. `{ mode: 'live' }`. */
  readonly base?: LogFields;
  /** Line timestamps; default the system clock. */
  readonly clock?: Clock;
  /** Told about a log file that cannot be opened or written; default: one line on stderr. */
  readonly onError?: (err: Error) => void;
}

export function createLogger(options: LoggerOptions = {}): ManagedLogger {
  return createLoggerOn(options, stdoutSinks(options));
}

/** createLogger with the stdout part given: memoryLogger's way in. */
export function createLoggerOn(options: LoggerOptions, stdout: LineSink[]): ManagedLogger {
  const redactKeys = options.redactKeys ?? false;
  const onError = options.onError ?? ((err: Error) => void process.stderr.write(`bybot: log file failed: ${err.message}\n`));
  const sink = fanOut([...stdout, ...(options.file === undefined ? [] : [fileSink(options.file, onError)])]);
  const scrubber = new SecretScrubber();
  const clock = options.clock ?? systemClock;
  const level = options.level ?? 'info';
  const root = pino(
    {
      level,
      base: options.base === undefined ? null : censorNested({ ...options.base }, redactKeys),
      timestamp: () => `,"time":${clock.now()}`,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError, error: serializeError },
      redact: redactOptions(redactKeys),
      // Every serialised line passes here on its way out: the value scrubber cannot be bypassed.
      hooks: { streamWrite: (line) => scrubber.scrub(line) },
    },
    { write: (line: string) => sink.write(line) },
  );
  return new RootLogger(root, { root: level, modules: options.modules ?? {}, redactKeys }, scrubber, sink, redactKeys);
}

class RootLogger extends PinoLogger implements ManagedLogger {
  constructor(
    pinoLogger: Pino,
    levels: ConstructorParameters<typeof PinoLogger>[1],
    private readonly scrubber: SecretScrubber,
    private readonly sink: LineSink,
    private readonly redactKeys: boolean,
  ) {
    super(pinoLogger, levels);
  }

  registerSecret(value: string): void {
    this.scrubber.add(value);
  }

  registerApiKey(value: string): void {
    if (this.redactKeys) this.scrubber.add(value);
  }

  flush(): Promise<void> {
    return this.sink.flush();
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}

function stdoutSinks(options: LoggerOptions): LineSink[] {
  if (options.stdout === false) return [];
  const stream = options.destination ?? pino.destination({ dest: 1, sync: true });
  const terminal = options.destination === undefined && process.stdout.isTTY === true;
  if (!(options.pretty ?? terminal)) return [streamSink(stream)];
  const prettify = prettyFactory({
    colorize: terminal,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'module',
    messageFormat: '{if module}{module} | {end}{msg}',
  });
  return [streamSink(stream, (line) => prettify(line))];
}
