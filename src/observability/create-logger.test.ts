// The logger's JSON lines: their shape, per-module levels, child bindings, flushing, and the config hand-off.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { ManualClock } from '../core/clock.js';
import { createLogger } from './create-logger.js';
import { memoryLogger } from './memory-logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (text: string) => lines.push(text) }, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createLogger', () => {
  it('writes one JSON object per line: time, level, module, msg, correlationId and fields', () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, clock: new ManualClock(1_700_000_000_000), pretty: false });
    log.module('execution').child({ correlationId: 'c-1' }).info('order sent', { clientId: 'c-1-e', qty: 0.5 });
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]!.endsWith('\n')).toBe(true);
    expect(out.records()[0]).toEqual({ level: 'info', time: 1_700_000_000_000, module: 'execution', correlationId: 'c-1', clientId: 'c-1-e', qty: 0.5, msg: 'order sent' });
  });

  it('applies the root level and per-module levels by prefix', () => {
    const log = memoryLogger({ level: 'info', modules: { 'venue.bybit': 'debug', engine: 'warn' } });
    log.debug('root debug: hidden');
    log.info('root info');
    log.module('venue.bybit.ws').debug('ws debug');
    log.module('venue.bybit').trace('trace: hidden');
    log.module('engine').info('engine info: hidden');
    log.module('engine.kernel').warn('kernel warn');
    log.child({ module: 'engine' }).info('engine via child: hidden');
    expect(log.records().map((r) => r.msg)).toEqual(['root info', 'ws debug', 'kernel warn']);
    expect(log.module('engine').isLevelEnabled('info')).toBe(false);
    expect(log.module('venue.bybit').isLevelEnabled('debug')).toBe(true);
  });

  it('keeps child bindings and base fields on every line, the latest binding winning', () => {
    const log = memoryLogger({ base: { mode: 'paper' } });
    const child = log.child({ symbol: 'BTCUSDT' }).child({ correlationId: 'c-9' });
    child.info('a');
    child.warn('b', { symbol: 'ETHUSDT' });
    const [a, b] = log.records();
    expect(a).toMatchObject({ mode: 'paper', symbol: 'BTCUSDT', correlationId: 'c-9', msg: 'a' });
    expect(b).toMatchObject({ level: 'warn', correlationId: 'c-9', msg: 'b' });
  });

  it('serialises errors under err, error or any other key', () => {
    const log = memoryLogger();
    const failure = Object.assign(new Error('boom'), { retCode: 10006, config: { headers: { a: 'b' } } });
    log.error('failed', { err: failure, other: failure });
    const record = log.records()[0] as Record<string, any>;
    for (const key of ['err', 'other']) {
      expect(record[key]).toMatchObject({ name: 'Error', message: 'boom', retCode: 10006 });
      expect(record[key].stack).toContain('boom');
      expect(record[key].config).toBeUndefined();
    }
  });

  it('silent writes nothing; stdout: false writes nothing to the destination', () => {
    const out = capture();
    createLogger({ level: 'silent', destination: out.destination }).error('x');
    createLogger({ stdout: false, destination: out.destination }).error('y');
    expect(out.lines).toEqual([]);
  });

  it('close() flushes an asynchronous destination and drops later lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bybot-log-'));
    dirs.push(dir);
    const file = join(dir, 'out.log');
    const destination = pino.destination({ dest: file, sync: false, minLength: 4096 });
    const log = createLogger({ destination, pretty: false });
    for (let i = 0; i < 100; i++) log.info('line', { i });
    await log.close();
    log.info('after close');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(100);
    expect(JSON.parse(lines[99]!)).toMatchObject({ i: 99 });
    destination.destroy();
  });

  it('takes the config log section as it is', () => {
    const out = capture();
    const { log: options } = configSchema.parse({ log: { level: 'debug', modules: { risk: 'error' }, pretty: false } });
    const log = createLogger({ ...options, destination: out.destination });
    log.debug('shown');
    log.module('risk').warn('hidden');
    expect(out.records().map((r) => r.msg)).toEqual(['shown']);
  });
});
