// The indicator contract suite over every bar-driven feature.
import { describe, expect, it } from 'vitest';
import { runContractSuite } from '../indicators/test-support/contract-suite.js';
import { FEATURE_SPECS } from './registry.js';

describe('feature registry', () => {
  it('uses names distinct from every indicator', async () => {
    const { INDICATOR_SPECS } = await import('../indicators/registry.js');
    const names = [...INDICATOR_SPECS, ...FEATURE_SPECS].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

runContractSuite('feature contract', FEATURE_SPECS);
