// Per-module levels: the longest dotted prefix decides.
import { describe, expect, it } from 'vitest';
import { levelForModule } from './levels.js';

describe('levelForModule', () => {
  const modules = { venue: 'warn', 'venue.bybit': 'debug', engine: 'error' } as const;

  it('picks the longest matching prefix', () => {
    expect(levelForModule('venue.bybit', modules, 'info')).toBe('debug');
    expect(levelForModule('venue.bybit.ws', modules, 'info')).toBe('debug');
    expect(levelForModule('venue.sim', modules, 'info')).toBe('warn');
    expect(levelForModule('engine', modules, 'info')).toBe('error');
  });

  it('matches whole name segments only and falls back otherwise', () => {
    expect(levelForModule('venue.bybitx', modules, 'info')).toBe('warn');
    expect(levelForModule('engineering', modules, 'info')).toBe('info');
    expect(levelForModule('risk', {}, 'trace')).toBe('trace');
  });
});
