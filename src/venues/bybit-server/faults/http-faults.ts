// Faults a test switches on and off on the REST side of the local exchange: 5xx, hangs, rate limits, dropped stops, partial fills, clock skew.
import { describeValue, InputError } from '../../../core/errors.js';
import type { SimVenue } from '../../sim/sim-venue.js';
import { randomFor } from '../synthetic.js';
import { Armed, checkArming, checkMs, type ArmedFault, type Arming } from './arming.js';
import { GATEWAY_STATUSES, gatewayPage, type GatewayStatus } from './gateway-page.js';
import { Holds, type HoldEnd } from './holds.js';

export interface ServerErrorFault extends Arming {
  /** The HTTP status (default 502). */
  readonly status?: GatewayStatus;
  /** The body (default the gateway's HTML error page); never Bybit's JSON envelope. */
  readonly body?: string;
}

export interface TimeoutFault extends Arming {
  /** How long the request is held; left out, it hangs until the client hangs up or the server closes. */
  readonly ms?: number;
  /** After the hold: 'normal' (default) answers as the exchange would; 'serverTimeout' answers Bybit's 10000 "Server Timeout". */
  readonly reply?: 'normal' | 'serverTimeout';
}

export interface RateLimitFault extends Arming {
  /** X-Bapi-Limit-Reset-Timestamp is server time plus this (default 1000 ms). */
  readonly resetMs?: number;
}

/** Faults tied to one endpoint take no path. */
export type StopLossFault = Omit<Arming, 'path'>;

export interface TradingStopFault extends Omit<Arming, 'path'> {
  /** The retCode answered (default 10001, Bybit's parameter error). */
  readonly retCode?: number;
  readonly retMsg?: string;
}

export interface ClockSkewFault extends Arming {
  /** How far the server's clock is ahead (positive) or behind (negative) the replay clock, in ms. */
  readonly ms: number;
}

/** What a fault that hits tells the request it hit. */
export interface FaultEffects {
  readonly serverError: { readonly status: GatewayStatus; readonly body: string };
  readonly serverErrorAfter: { readonly status: GatewayStatus; readonly body: string };
  readonly timeout: { readonly ms: number | undefined; readonly reply: 'normal' | 'serverTimeout' };
  readonly timeoutAfter: { readonly ms: number | undefined; readonly reply: 'normal' | 'serverTimeout' };
  readonly rateLimit: { readonly resetMs: number };
  readonly rejectEntryStopLoss: Readonly<Record<string, never>>;
  readonly rejectTradingStop: { readonly retCode: number; readonly retMsg: string };
  readonly clockSkew: { readonly ms: number };
}
export type FaultKind = keyof FaultEffects;

/** An endpoint the server serves, as the HTTP layer tells the faults (so a path can be checked when a fault is armed). */
export interface ServedPath {
  readonly path: string;
  /** Public endpoints have no key, so no per-key rate limit. */
  readonly public: boolean;
}

const MAX_HOLD_MS = 600_000;
const MAX_SKEW_MS = 86_400_000;
const MAX_RESET_MS = 60_000;
/** Bybit's retCode when the service behind the gateway timed out (§4.2). */
export const SERVER_TIMEOUT = { code: 10000, message: 'Server Timeout' } as const;

/**
 * The switches. A test arms a fault for the next N matching requests (default 1) or 'untilCleared',
 * optionally on one endpoint and with a seeded chance; `clear()` disarms everything. Faults of one kind
 * are tried in the order they were armed. The HTTP layer asks `hit()` where each fault acts, so only
 * requests that get that far count:
 * - on arrival, any endpoint: clockSkew, then serverError, then timeout;
 * - after auth, permission and the real limiter (private endpoints): rateLimit;
 * - in the handler: rejectEntryStopLoss (an order/create with a stopLoss), rejectTradingStop (a well-formed call);
 * - once the handler has run, whatever it answered: serverErrorAfter, then timeoutAfter.
 */
export class HttpFaults {
  private armed: Armed<unknown>[] = [];
  private readonly holds = new Holds();
  private served: readonly ServedPath[] | undefined;
  /** How many faults have been armed: each gets its own random stream, so one fault's draws never shift another's. */
  private armings = 0;
  private offset = 0;

  constructor(
    private readonly seed: number,
    private readonly venue: Pick<SimVenue, 'setParticipationCap'>,
  ) {}

  /** A 5xx with a non-JSON body at once: the request never reaches the exchange. */
  serverError(fault: ServerErrorFault = {}): ArmedFault {
    return this.arm('serverError', fault, gatewayEffect('serverError', fault));
  }

  /** The request is executed (an order really placed), then answered with a 5xx: the client must find out what happened. */
  serverErrorAfter(fault: ServerErrorFault = {}): ArmedFault {
    return this.arm('serverErrorAfter', fault, gatewayEffect('serverErrorAfter', fault));
  }

  /** The request is held before the exchange sees it; a client that gives up has sent nothing. */
  timeout(fault: TimeoutFault = {}): ArmedFault {
    return this.arm('timeout', fault, holdEffect('timeout', fault));
  }

  /** The request is executed, then the answer is held: the "did my order go through?" case. */
  timeoutAfter(fault: TimeoutFault = {}): ArmedFault {
    return this.arm('timeoutAfter', fault, holdEffect('timeoutAfter', fault));
  }

  /** 10006 with the X-Bapi-Limit headers, on private endpoints (after auth, as the real limiter). */
  rateLimit(fault: RateLimitFault = {}): ArmedFault {
    if (fault.path !== undefined && this.served?.some((s) => s.path === fault.path && s.public)) {
      throw new InputError(`rateLimit: path ${describeValue(fault.path)} is a public endpoint; rate limits are per key, on private endpoints`);
    }
    return this.arm('rateLimit', fault, { resetMs: checkMs('rateLimit', 'resetMs', fault.resetMs ?? 1000, 0, MAX_RESET_MS) });
  }

  /** An order/create carrying a stopLoss places the entry without it: the order fills, the position has no stop. */
  rejectEntryStopLoss(fault: StopLossFault = {}): ArmedFault {
    return this.arm('rejectEntryStopLoss', { ...fault, path: '/v5/order/create' }, {});
  }

  /** position/trading-stop answers an error retCode and changes nothing. */
  rejectTradingStop(fault: TradingStopFault = {}): ArmedFault {
    const { retCode = 10001, retMsg = 'params error: the trading stop could not be set' } = fault;
    if (!Number.isSafeInteger(retCode) || retCode === 0) throw new InputError(`rejectTradingStop: retCode must be a non-zero whole number, got ${describeValue(retCode)}`);
    if (typeof retMsg !== 'string' || retMsg === '') throw new InputError(`rejectTradingStop: retMsg must be a non-empty string, got ${describeValue(retMsg)}`);
    return this.arm('rejectTradingStop', { ...fault, path: '/v5/position/trading-stop' }, { retCode, retMsg });
  }

  /** The server's clock is off by `ms` for authentication (10002 outside recvWindow), /v5/market/time and the envelope's time. */
  clockSkew(fault: ClockSkewFault): ArmedFault {
    return this.arm('clockSkew', fault, { ms: checkMs('clockSkew', 'ms', fault?.ms, -MAX_SKEW_MS, MAX_SKEW_MS) });
  }

  /**
   * At most `participation` of each candle's volume fills per order (market orders: the rest is
   * cancelled; limit orders: they fill over several candles), until cleared; undefined switches it off.
   * It acts on candles, not requests, so it has no count, path or chance.
   */
  partialFills(fault: { readonly participation: number } | undefined): void {
    const participation = fault?.participation;
    if (fault !== undefined && !(typeof participation === 'number' && participation > 0 && participation <= 1)) {
      throw new InputError(`partialFills: participation must be a fraction of candle volume with 0 < p <= 1, got ${describeValue(participation)}`);
    }
    this.venue.setParticipationCap(participation);
  }

  /** Disarms every fault and switches partial fills off. Requests already held stay held until their time is up. */
  clear(): void {
    for (const armed of this.armed) armed.disarm();
    this.armed = [];
    this.venue.setParticipationCap(undefined);
  }

  /** For shutting down: clears, and lets go of every held request (its timer too) now and from now on. */
  dispose(): void {
    this.clear();
    this.holds.close();
  }

  /** Requests a timeout fault is holding right now. */
  get held(): number {
    return this.holds.size;
  }

  // --- what the HTTP layer asks ---

  /** The endpoints the server serves: paths given to faults armed from now on must be among them. */
  serve(paths: readonly ServedPath[]): void {
    this.served = paths;
  }

  /** The effect of the first armed fault of `kind` that hits this request to `path` (counting the hit), else undefined. */
  hit<K extends FaultKind>(kind: K, path: string): FaultEffects[K] | undefined {
    for (const armed of this.armed) {
      if (armed.kind === kind && armed.tryHit(path)) return armed.options as FaultEffects[K];
    }
    return undefined;
  }

  /** Holds a request `ms` (undefined: until released); released early when `signal` aborts or on dispose(). */
  hold(ms: number | undefined, signal: AbortSignal | undefined): Promise<HoldEnd> {
    return this.holds.hold(ms, signal);
  }

  /** How far the server's clock is off for the request being answered (0 unless a clockSkew fault hit it). */
  get clockOffset(): number {
    return this.offset;
  }

  /** Runs `answer` with the server clock off by `ms`. `answer` is synchronous, so one request's offset never leaks into another's. */
  withClockOffset<T>(ms: number, answer: () => T): T {
    const outer = this.offset;
    this.offset = ms;
    try {
      return answer();
    } finally {
      this.offset = outer;
    }
  }

  private arm<K extends FaultKind>(kind: K, arming: Arming, effect: FaultEffects[K]): ArmedFault {
    const checked = checkArming(kind, arming, this.served?.map((s) => s.path));
    const armed = new Armed<FaultEffects[K]>(kind, effect, checked, randomFor(this.seed, 'faults', ++this.armings));
    this.armed = this.armed.filter((a) => a.active);
    this.armed.push(armed as Armed<unknown>);
    return armed;
  }
}

function gatewayEffect(kind: string, fault: ServerErrorFault): FaultEffects['serverError'] {
  const status = fault.status ?? 502;
  if (!(GATEWAY_STATUSES as readonly unknown[]).includes(status)) throw new InputError(`${kind}: status must be one of ${GATEWAY_STATUSES.join(', ')}, got ${describeValue(status)}`);
  if (fault.body !== undefined && typeof fault.body !== 'string') throw new InputError(`${kind}: body must be a string, got ${describeValue(fault.body)}`);
  return { status, body: fault.body ?? gatewayPage(status) };
}

function holdEffect(kind: string, fault: TimeoutFault): FaultEffects['timeout'] {
  const reply = fault.reply ?? 'normal';
  if (reply !== 'normal' && reply !== 'serverTimeout') throw new InputError(`${kind}: reply must be 'normal' or 'serverTimeout', got ${describeValue(reply)}`);
  return { ms: fault.ms === undefined ? undefined : checkMs(kind, 'ms', fault.ms, 0, MAX_HOLD_MS), reply };
}
