// The contract suite again over the price specs with non-default parameters: the session profile, other pivot types, tight lookbacks.
import type { IndicatorSpec } from '../../indicators/contract.js';
import { runContractSuite } from '../../indicators/test-support/contract-suite.js';
import { PRICE_SPECS } from './specs.js';

/** A copy of a spec whose defaults are `defaults` (the suite always runs with the defaults), under a telling name. */
function variant(name: string, defaults: readonly number[]): IndicatorSpec {
  const spec = PRICE_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`no spec ${name}`);
  const params = spec.params.map((p, i) => ({ ...p, default: defaults[i] ?? p.default }));
  return { ...spec, name: `${name}(${params.map((p) => p.default).join(', ')})`, params };
}

runContractSuite('price feature variants', [
  variant('vprofile', [0, 10, 0.01]), // developing UTC-day session
  variant('vprofile', [12, 1, 0.01]), // short window, one tick a bin
  variant('swings', [1, 1]),
  variant('structure', [2, 8]),
  variant('orderblocks', [1, 1, 2]),
  variant('fvg', [0.05]),
  variant('levels', [2, 2, 1, 4, 1, 5]),
  variant('pivots', [1]),
  variant('pivots', [2]),
  variant('roundnum', [0.5, 3]),
]);
