// Our Logger over a pino logger: fields first for pino, errors made safe, module levels resolved on `module()`.
import type { Logger as Pino } from 'pino';
import { levelForModule, type LogLevel, type ModuleLevels } from './levels.js';
import type { LogFields, Logger } from './logger.js';
import { censorNested } from './redact.js';

type LineLevel = Exclude<LogLevel, 'silent'>;

export class PinoLogger implements Logger {
  constructor(
    protected readonly pino: Pino,
    protected readonly levels: { readonly root: LogLevel; readonly modules: ModuleLevels; readonly redactKeys: boolean },
  ) {}

  trace(message: string, fields?: LogFields): void {
    this.write('trace', message, fields);
  }
  debug(message: string, fields?: LogFields): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.write('error', message, fields);
  }

  child(bindings: LogFields): Logger {
    // A `module` binding is the same request as module(): it brings its level along.
    const module = bindings.module;
    const options = typeof module === 'string' ? { level: levelForModule(module, this.levels.modules, this.levels.root) } : undefined;
    return new PinoLogger(this.pino.child(this.safe(bindings), options), this.levels);
  }

  module(name: string): Logger {
    return this.child({ module: name });
  }

  isLevelEnabled(level: LineLevel): boolean {
    return this.pino.isLevelEnabled(level);
  }

  private write(level: LineLevel, message: string, fields: LogFields | undefined): void {
    if (!this.pino.isLevelEnabled(level)) return;
    if (fields === undefined) this.pino[level](message);
    else this.pino[level](this.safe(fields), message);
  }

  // pino redacts the top level by path; errors and everything below are made safe here.
  private safe(fields: LogFields): Record<string, unknown> {
    return censorNested(fields instanceof Error ? { err: fields } : (fields as Record<string, unknown>), this.levels.redactKeys);
  }
}
