// Correlation ids: reproducible, valid as a Bybit orderLinkId prefix, and bound to every line of a child.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { counterIds, randomIds, withCorrelation } from './correlation.js';
import { memoryLogger } from './memory-logger.js';

describe('correlation ids', () => {
  it('counts', () => {
    const ids = counterIds('intent');
    expect([ids.next(), ids.next()]).toEqual(['intent-1', 'intent-2']);
  });

  it('draws the same ids from the same seed, within orderLinkId rules', () => {
    const a = randomIds(seededRandom(7));
    const b = randomIds(seededRandom(7));
    const drawn = Array.from({ length: 50 }, () => a.next());
    expect(drawn).toEqual(Array.from({ length: 50 }, () => b.next()));
    expect(new Set(drawn).size).toBe(50);
    for (const id of drawn) expect(id).toMatch(/^[A-Za-z0-9_-]{1,36}$/);
  });

  it('rejects prefixes Bybit would not accept', () => {
    expect(() => counterIds('has space')).toThrow(/prefix/);
    expect(() => randomIds(seededRandom(1), 'c', 40)).toThrow(/length/);
  });

  it('follows an intent through its orders and fills', () => {
    const log = memoryLogger();
    const intentLog = withCorrelation(log.module('engine'), counterIds('i').next());
    intentLog.info('intent approved');
    intentLog.child({ clientId: 'i-1-entry' }).info('order filled', { qty: 1 });
    expect(log.records().map((r) => [r.correlationId, r.module])).toEqual([
      ['i-1', 'engine'],
      ['i-1', 'engine'],
    ]);
    expect(log.records()[1]).toMatchObject({ clientId: 'i-1-entry', qty: 1 });
  });
});
