// One contract suite over every registered indicator.
import { INDICATOR_SPECS } from './registry.js';
import { runContractSuite } from './test-support/contract-suite.js';

runContractSuite('indicator contract', INDICATOR_SPECS);
