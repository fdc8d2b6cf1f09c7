// The risk layer's public entry point: the engine, its configuration, and the pure rules it is built from.
export { RiskEngine } from './risk-engine.js';
export { parseRiskConfig, riskConfigSchema, SIGNAL_CHECKS } from './risk-config.js';
export type { RiskConfig, RiskConfigInput, SignalCheck } from './risk-config.js';
export { isDenial } from './decision.js';
export type { Denial, ForcedIntent, ProtectionRule, RiskDecision, RiskRule, SizingReport, SizingRule } from './decision.js';
export type { MarketUpdate, OpenPosition, RiskView } from './risk-view.js';
export type { RiskEvent, RiskListener } from './events.js';
export type { Restriction, TradingState, TradingStatus } from './trading-state.js';
export type { ErrorReport, ErrorResponse } from './error-policy.js';
export { CircuitBreaker, type BreakerState } from './circuit-breaker.js';

export { sizePosition, type Sized, type SizingRequest } from './sizing.js';
export { kellyEstimate, riskFraction, type KellyEstimate } from './kelly.js';
export { atrFactor, confluenceFactor } from './size-factors.js';
export { correlatedPositions, correlationFactor, type CorrelatedPosition } from './correlation.js';
export { openRisk, positionRisk, totalExposure } from './exposure.js';
export { validateSignal, type SignalCheckInput } from './signal-validator.js';

export { adviseExit, exitIntent } from './exits.js';
export type { ExitAdvice, ExitMarket, ExitRule, ManagedPosition } from './exit-inputs.js';
export { initialStop } from './initial-stop.js';
export { DEFAULT_LADDER, ladderTargets, runnerFraction, type LadderRung } from './ladder.js';
