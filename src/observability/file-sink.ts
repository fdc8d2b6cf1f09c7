// Rolling log files through pino-roll (by size and/or period, keeping the newest N), opened without blocking start-up.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LineSink } from './sinks.js';

export interface LogFileOptions {
  /** Directory for the files; created when missing. */
  readonly dir: string;
  /** File name stem: `<name>[.<date>].<n>.log`. Default 'bybot'. */
  readonly name?: string;
  /** Roll when a file reaches this size: '500k', '10m', '1g'. */
  readonly maxSize?: string;
  /** Roll every day, every hour, or every so many milliseconds. Default 'daily' when no maxSize is given. */
  readonly frequency?: 'daily' | 'hourly' | number;
  /** How many files to keep, the current one included (pino-roll prunes as it rolls, and may leave one more). Default 10. */
  readonly keep?: number;
}

/** The part of pino-roll's sonic-boom stream this file uses. */
interface RollStream {
  write(text: string): boolean;
  end(): void;
  destroy(): void;
  once(event: 'close' | 'drain' | 'error', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  readonly destroyed: boolean;
  // sonic-boom's own flag for "a write is in flight"; flush() without it cannot tell when the disk has the lines.
  readonly _writing?: boolean;
}

type PinoRoll = (options: Record<string, unknown>) => Promise<RollStream>;
// pino-roll ships CommonJS without types; its factory is the module itself.
const pinoRoll = createRequire(import.meta.url)('pino-roll') as PinoRoll;

/**
 * A sink that queues lines until pino-roll has opened the file, then writes through it. The first
 * error (cannot create the directory, disk full) goes to `onError`, and the file is given up for
 * this run rather than buffering lines in memory without end; stdout logging carries on.
 *
 * pino-roll checks the size after each write but rolls when the stream next goes idle, so a burst
 * of lines may run a file past maxSize before it rolls.
 */
export function fileSink(options: LogFileOptions, onError: (err: Error) => void): LineSink {
  const frequency = options.frequency ?? (options.maxSize === undefined ? 'daily' : undefined);
  let queue: string[] | undefined = [];
  let stream: RollStream | undefined;
  let failed = false;
  const fail = (err: unknown): void => {
    if (failed) return;
    failed = true;
    queue = undefined;
    onError(err instanceof Error ? err : new Error(String(err)));
  };
  const opened = pinoRoll({
    file: join(options.dir, options.name ?? 'bybot'),
    extension: '.log',
    mkdir: true,
    ...(options.maxSize === undefined ? {} : { size: options.maxSize }),
    ...(frequency === undefined ? {} : { frequency }),
    ...(typeof frequency === 'string' ? { dateFormat: frequency === 'daily' ? 'yyyy-MM-dd' : 'yyyy-MM-dd-HH' } : {}),
    // removeOtherLogFiles: files left by earlier runs count too, so restarts cannot fill the disk.
    limit: { count: options.keep ?? 10, removeOtherLogFiles: true },
  }).then((roll) => {
    stream = roll;
    roll.on('error', fail);
    for (const line of queue ?? []) roll.write(line);
    queue = undefined;
  }, fail);

  const usable = (): RollStream | undefined => (failed || stream === undefined || stream.destroyed ? undefined : stream);

  return {
    write(line) {
      if (stream === undefined) queue?.push(line);
      else usable()?.write(line);
    },
    async flush() {
      await opened;
      const roll = usable();
      if (roll?._writing !== true) return;
      await new Promise<void>((resolve) => {
        for (const event of ['drain', 'error', 'close'] as const) roll.once(event, resolve);
      });
    },
    async close() {
      await opened;
      const roll = stream;
      if (roll === undefined || roll.destroyed) return;
      // A stream that failed to open would wait for 'ready' forever on end().
      if (failed) return roll.destroy();
      await new Promise<void>((resolve) => {
        roll.once('close', resolve);
        roll.once('error', resolve);
        roll.end();
      });
    },
  };
}
