// Bybit V5 REST over the bybit-api SDK: signed with our sealed credentials, every reply validated, every failure sorted into "the exchange said no" and "the network failed".
import { RestClientV5 } from 'bybit-api';
import type { Clock } from '../../../core/clock.js';
import { RemoteRejectedError, TransientError } from '../../../core/errors.js';
import type { ApiCredentials } from '../sign.js';
import { DEFAULT_RECV_WINDOW } from '../sign.js';
import { serverTimeFromRest } from '../parse/rest.js';
import { ENDPOINTS, type EndpointName, type ResultOf } from '../wire/endpoints.js';
import { parseReply } from '../wire/envelope.js';
import type { BybitEndpoints } from './endpoints.js';

export type Params = Readonly<Record<string, string | number | boolean | undefined>>;

/** Bybit's per-endpoint limit as the X-Bapi-Limit* headers of the last reply told it. */
export interface LimitReport {
  readonly path: string;
  readonly max: number;
  readonly remaining: number;
  readonly resetAt: number;
}

/** The request may or may not have taken effect (timeout, 5xx, connection lost): confirm before retrying. */
export class OutcomeUnknownError extends TransientError {}

/** retCode 10006: nothing was done; try again after `resetAt`. */
export class RateLimitedError extends TransientError {
  constructor(
    message: string,
    readonly resetAt: number,
  ) {
    super(message);
  }
}

export const RET_TIMESTAMP = 10002;
export const RET_RATE_LIMITED = 10006;

export interface RestOptions {
  readonly endpoints: BybitEndpoints;
  /** Needed for private endpoints. */
  readonly credentials?: ApiCredentials;
  readonly clock: Clock;
  /** X-BAPI-RECV-WINDOW, ms (default 5000). */
  readonly recvWindow?: number;
  /** Per-request timeout, ms (default 10 000). */
  readonly timeoutMs?: number;
}

/** The SDK's request path with a private field we set after our own time sync (its own sync logs to the console). */
interface SdkTimeOffset {
  timeOffset: number | null;
}

export class BybitRest {
  private readonly client: RestClientV5;
  private readonly limitListeners: ((report: LimitReport) => void)[] = [];
  private offset = 0;

  constructor(private readonly options: RestOptions) {
    const credentials = options.credentials;
    this.client = new RestClientV5(
      {
        baseUrl: options.endpoints.rest,
        recv_window: options.recvWindow ?? DEFAULT_RECV_WINDOW,
        parseAPIRateLimits: true,
        keepAlive: true,
        parse_exceptions: false,
        // The SDK never holds the secret: it gets a placeholder and signs through the sealed credentials.
        ...(credentials === undefined ? {} : { key: credentials.apiKey, secret: 'sealed', customSignMessageFn: async (message: string) => credentials.sign(message) }),
      },
      { timeout: options.timeoutMs ?? 10_000 },
    );
    (this.client as unknown as SdkTimeOffset).timeOffset = 0;
  }

  /** Server time minus our clock, ms, as last measured. */
  get timeOffset(): number {
    return this.offset;
  }

  onLimit(listener: (report: LimitReport) => void): void {
    this.limitListeners.push(listener);
  }

  /** Measures the server clock against ours (half the round trip counted) and signs with it from now on. */
  async syncTime(): Promise<number> {
    const before = this.options.clock.now();
    const reply = await this.call('marketTime');
    const after = this.options.clock.now();
    this.offset = Math.round(serverTimeFromRest(reply) - (before + after) / 2);
    (this.client as unknown as SdkTimeOffset).timeOffset = this.offset;
    return this.offset;
  }

  /**
   * Calls `name` and returns its validated result. A stale timestamp (10002) resyncs the clock and
   * retries once: Bybit refused before doing anything.
   * @throws RemoteRejectedError (code = retCode) when Bybit refused; RateLimitedError on 10006;
   *   OutcomeUnknownError when the request may have been executed; WireFormatError for a malformed reply.
   */
  async call<N extends EndpointName>(name: N, params: Params = {}): Promise<ResultOf<N>> {
    try {
      return await this.once(name, params);
    } catch (error) {
      if (!(error instanceof RemoteRejectedError) || error.code !== RET_TIMESTAMP || name === 'marketTime') throw error;
      await this.syncTime();
      return this.once(name, params);
    }
  }

  private async once<N extends EndpointName>(name: N, params: Params): Promise<ResultOf<N>> {
    const endpoint = ENDPOINTS[name];
    const what = `${endpoint.method} ${endpoint.path}`;
    const body = { ...params };
    let reply: Record<string, unknown>;
    try {
      reply = endpoint.method === 'POST' ? await this.client.postPrivate(endpoint.path, body) : endpoint.signed ? await this.client.getPrivate(endpoint.path, body) : await this.client.get(endpoint.path, body);
    } catch (error) {
      throw transportFailure(what, error);
    }
    this.reportLimit(endpoint.path, reply['rateLimitApi']);
    if (reply['retCode'] === RET_RATE_LIMITED) {
      const limit = reply['rateLimitApi'] as { resetAtTimestamp?: number } | undefined;
      throw new RateLimitedError(`${what}: Bybit rate limit exceeded (retCode 10006)`, limit?.resetAtTimestamp ?? this.options.clock.now() + 1000);
    }
    return parseReply(reply, endpoint.result, what).result as ResultOf<N>;
  }

  private reportLimit(path: string, limit: unknown): void {
    if (limit === undefined || limit === null || typeof limit !== 'object') return;
    const { maxRequests, remainingRequests, resetAtTimestamp } = limit as Record<string, unknown>;
    if (typeof maxRequests !== 'number' || typeof remainingRequests !== 'number' || typeof resetAtTimestamp !== 'number') return;
    const report: LimitReport = { path, max: maxRequests, remaining: remainingRequests, resetAt: resetAtTimestamp };
    for (const listener of this.limitListeners) listener(report);
  }
}

/**
 * An axios failure as our error. Only the status and the error code are kept: the SDK's error
 * objects carry the request's headers and options, which must never reach a log line.
 */
function transportFailure(what: string, error: unknown): Error {
  const failure = (error ?? {}) as { code?: unknown; response?: { status?: unknown; statusText?: unknown } };
  const status = failure.response?.status;
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new RemoteRejectedError(`${what}: HTTP ${status} ${String(failure.response?.statusText ?? '')}`.trim(), status);
  }
  const why = typeof status === 'number' ? `HTTP ${status}` : typeof failure.code === 'string' ? failure.code : 'no answer';
  return new OutcomeUnknownError(`${what}: ${why}; the request may or may not have been executed`);
}
