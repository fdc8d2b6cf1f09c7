// The ten checks an entry passes before it is sized (from the seed density bot), each one switchable by name.
import type { PositionSide } from '../domain/position.js';
import type { Signal } from '../domain/signal.js';
import { deny, type Denial } from './decision.js';
import { SIGNAL_CHECKS, type RiskConfig, type SignalCheck } from './risk-config.js';
import type { OpenPosition } from './risk-view.js';
import { favourable } from './side.js';

export interface SignalCheckInput {
  readonly time: number;
  readonly symbol: string;
  readonly side: PositionSide;
  readonly signal?: Signal;
  /** Length of the signal's candle: its age runs from the candle's close. */
  readonly signalBarMs: number;
  readonly alreadyProcessed: boolean;
  readonly symbolActive: boolean;
  readonly levelPresent?: boolean;
  readonly positions: readonly OpenPosition[];
  readonly entryPrice: number;
  readonly stopPrice: number;
  readonly marketPrice: number;
  readonly balance: number;
  /** Margin of the smallest order the instrument accepts at the entry price. */
  readonly minimumMargin: number;
}

type Check = (input: SignalCheckInput, config: RiskConfig['signals']) => string | undefined;

const percent = (share: number) => `${+(share * 100).toFixed(3)} %`;

/** Each check returns why the entry fails it, or undefined. Checks that need a signal pass when there is none. */
const CHECKS: Record<SignalCheck, Check> = {
  symbolEnabled: ({ symbol }, c) => (c.enabledSymbols === undefined || c.enabledSymbols.includes(symbol) ? undefined : `${symbol} is not enabled for trading`),
  symbolActive: ({ symbol, symbolActive }) => (symbolActive ? undefined : `${symbol} is not trading on the venue`),
  signalAge: ({ signal, time, signalBarMs }, c) => {
    const age = signal === undefined ? 0 : time - (signal.time + signalBarMs);
    return age < c.maxAgeMs ? undefined : `signal is ${Math.round(age / 1000)} s old, the limit is ${c.maxAgeMs / 1000} s`;
  },
  alreadyProcessed: ({ alreadyProcessed }) => (alreadyProcessed ? 'signal was already processed' : undefined),
  positionLimit: ({ positions }, c) => (positions.length < c.maxOpenPositions ? undefined : `${positions.length} positions open, the limit is ${c.maxOpenPositions}`),
  duplicatePosition: ({ positions, symbol }) => (positions.some((p) => p.symbol === symbol) ? `a position on ${symbol} is already open` : undefined),
  stopDistance: ({ side, entryPrice, stopPrice }, c) => {
    const distance = favourable(side, stopPrice, entryPrice) / entryPrice;
    return distance > c.minStopDistancePct ? undefined : `stop is ${percent(distance)} from the entry, it must be above ${percent(c.minStopDistancePct)}`;
  },
  entryDeviation: ({ entryPrice, marketPrice }, c) => {
    const deviation = Math.abs(entryPrice - marketPrice) / marketPrice;
    return deviation <= c.maxEntryDeviationPct ? undefined : `entry ${entryPrice} is ${percent(deviation)} from the market ${marketPrice}, the limit is ${percent(c.maxEntryDeviationPct)}`;
  },
  levelPresent: ({ signal, levelPresent }) => (signal?.level !== undefined && levelPresent === false ? `the level ${signal.level} the signal relies on is gone` : undefined),
  enoughBalance: ({ balance, minimumMargin }) => (balance >= minimumMargin ? undefined : `balance ${balance} cannot pay the margin ${minimumMargin.toFixed(2)} of the smallest order`),
};

/** The first failing check, in the order of SIGNAL_CHECKS, skipping the disabled ones. */
export function validateSignal(input: SignalCheckInput, config: RiskConfig['signals']): Denial | undefined {
  for (const name of SIGNAL_CHECKS) {
    if (config.disabledChecks.includes(name)) continue;
    const failure = CHECKS[name](input, config);
    if (failure !== undefined) return deny(name, failure);
  }
  return undefined;
}
