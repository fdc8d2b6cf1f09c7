// The read-only snapshot the risk engine judges an intent against, and the check that its numbers are usable.
import type { PositionSide } from '../domain/position.js';
import type { RoundTrip } from '../domain/round-trip.js';
import { deny, type Denial } from './decision.js';

export interface OpenPosition {
  readonly symbol: string;
  readonly side: PositionSide;
  /** Base coin, positive. */
  readonly size: number;
  readonly entryPrice: number;
  /** The resting stop; a position without one counts its whole notional as at risk. */
  readonly stopLoss?: number;
  /** size × mark price, USDT. */
  readonly notional: number;
}

/** The account and market as of one moment: what onMarket needs. */
export interface MarketUpdate {
  /** Now, ms UTC. */
  readonly time: number;
  readonly equity: number;
  /** USDT free for new margin. */
  readonly balance: number;
  /** Highest equity so far (the drawdown base). */
  readonly peakEquity: number;
  readonly positions: readonly OpenPosition[];
  /** The symbol this update is about, and its price move over the last minute as a signed share (0.052 = +5.2 %). */
  readonly symbol: string;
  readonly oneMinuteMove: number;
  /** Symbols with resting orders but no position, so a forced cancel reaches them too. */
  readonly orderSymbols?: readonly string[];
}

/** Everything review() needs about the strategy asking and the symbol its intent is for. */
export interface RiskView extends MarketUpdate {
  readonly strategy: string;
  /** Closed trades, oldest first (Kelly reads the latest). */
  readonly recentTrades: readonly RoundTrip[];
  readonly price: number;
  readonly atr: number;
  /** The ATR size is normalised to (e.g. its long-run median). */
  readonly baseAtr: number;
  /** Correlation of `symbol` with each open position's symbol; a missing entry counts as uncorrelated. */
  readonly correlations: Readonly<Record<string, number>>;
  /** The venue lists the symbol as trading. */
  readonly symbolActive: boolean;
  /** Length of the candle a signal's time opens, so its age runs from the close; 0 when stamped at decision time. */
  readonly signalBarMs?: number;
  /** Whether the level the signal relies on (signal.level) is still there; undefined when the caller cannot tell. */
  readonly levelPresent?: boolean;
}

/** A denial when a number review() relies on is not finite (or not positive where it must be). */
export function checkViewNumbers(view: RiskView): Denial | undefined {
  const positive = { equity: view.equity, price: view.price, atr: view.atr, baseAtr: view.baseAtr };
  for (const [name, value] of Object.entries(positive)) {
    if (!(Number.isFinite(value) && value > 0)) return deny('invalidInput', `${name} must be a positive number, got ${value}`);
  }
  const finite = { time: view.time, balance: view.balance, peakEquity: view.peakEquity, oneMinuteMove: view.oneMinuteMove };
  for (const [name, value] of Object.entries(finite)) {
    if (!Number.isFinite(value)) return deny('invalidInput', `${name} must be a finite number, got ${value}`);
  }
  for (const [symbol, rho] of Object.entries(view.correlations)) {
    if (!(Number.isFinite(rho) && Math.abs(rho) <= 1)) return deny('invalidInput', `correlation with ${symbol} must be in [-1, 1], got ${rho}`);
  }
  for (const p of view.positions) {
    const bad = [p.size, p.entryPrice, p.notional, p.stopLoss ?? 0].some((value) => !Number.isFinite(value));
    if (bad) return deny('invalidInput', `open position ${p.symbol} has a non-finite size, entry, notional or stop`);
  }
  return undefined;
}
