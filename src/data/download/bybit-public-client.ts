// Bybit's public REST market endpoints over fetch: unwraps the envelope, retries what may pass, names what will not.
import { InputError, RemoteRejectedError, TransientError } from '../../core/errors.js';
import { systemRandom, type Random } from '../../core/random.js';

export const BYBIT_MAINNET_URL = 'https://api.bybit.com';
export const BYBIT_TESTNET_URL = 'https://api-testnet.bybit.com';

export type QueryValue = string | number | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** The useful part of a successful envelope: the business data and the server's clock. */
export interface BybitReply {
  readonly result: unknown;
  /** Server time (ms) from the envelope's `time`; undefined when the server left it out. */
  readonly time: number | undefined;
}

/** What the downloader needs from a client; tests may pass a fake. */
export interface BybitPublicApi {
  reply(path: string, query?: Query): Promise<BybitReply>;
}

export interface RetryPolicy {
  /** First backoff cap in ms; doubles per attempt (full jitter: the delay is uniform in [0, cap)). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
}

export interface RetryNotice {
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: string;
}

export interface BybitPublicClientOptions {
  /** Default: mainnet. */
  readonly baseUrl?: string;
  /** Per attempt, covering connect, headers and body. Default 10 s. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: Random;
  readonly onRetry?: (notice: RetryNotice) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 15_000, maxAttempts: 6 };

/** The exchange does not know the symbol: the user mistyped it, so this is an input problem. */
export class UnknownSymbolError extends InputError {
  override readonly name = 'UnknownSymbolError';
  constructor(
    message: string,
    readonly symbol: string,
    /** Bybit's retCode when it answered with one (10001); undefined for an empty instrument list. */
    readonly retCode: number | undefined,
  ) {
    super(message);
  }
}

/** retCodes that mean "busy or briefly broken": rate limited (10006), server timeout (10000), server error (10016). */
const RETRYABLE_CODES = new Set([10006, 10000, 10016]);
/** Paths where the only parameter a caller is likely to get wrong is the symbol, so any 10001 means an unknown one. */
const SYMBOL_PATHS = new Set(['/v5/market/kline', '/v5/market/instruments-info']);

/** One attempt's outcome that may pass on a later attempt. */
class Retryable extends Error {}

export class BybitPublicClient implements BybitPublicApi {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: Random;
  private readonly onRetry: ((notice: RetryNotice) => void) | undefined;
  /** HTTP attempts made, retries included. */
  attempts = 0;

  constructor(options: BybitPublicClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? BYBIT_MAINNET_URL).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(this.baseUrl)) throw new InputError(`baseUrl: expected an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    if (!(this.policy.maxAttempts >= 1)) throw new InputError(`retry.maxAttempts must be at least 1, got ${this.policy.maxAttempts}`);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? systemRandom();
    this.onRetry = options.onRetry;
  }

  /** GET `path` and return the envelope's `result`. */
  async get(path: string, query: Query = {}): Promise<unknown> {
    return (await this.reply(path, query)).result;
  }

  /** GET `path` and return `result` with the server time. */
  async reply(path: string, query: Query = {}): Promise<BybitReply> {
    const request = describeRequest(path, query);
    const url = `${this.baseUrl}${request.slice('GET '.length)}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(url, path, query, request);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= this.policy.maxAttempts) {
          throw new TransientError(`${request} failed after ${attempt} attempt${attempt === 1 ? '' : 's'} (${url}): ${error.message}`, { cause: error.cause });
        }
        const cap = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
        const delayMs = Math.floor(this.random.next() * cap);
        this.onRetry?.({ attempt, delayMs, reason: error.message });
        await this.sleep(delayMs);
      }
    }
  }

  private async attempt(url: string, path: string, query: Query, request: string): Promise<BybitReply> {
    this.attempts++;
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: 'application/json' } });
      status = response.status;
      text = await response.text();
    } catch (error) {
      throw new Retryable(networkCause(error, this.timeoutMs), { cause: error });
    }
    if (status === 429 || status >= 500) throw new Retryable(`HTTP ${status} ${snippet(text)}`);
    if (status < 200 || status >= 300) {
      const hint = status === 403 ? ' (Bybit answers 403 to an IP over its rate limit or from a restricted region; wait before retrying)' : '';
      throw new RemoteRejectedError(`${request}: HTTP ${status}${hint}: ${snippet(text)}`, `HTTP ${status}`);
    }
    const envelope = parseEnvelope(text, request);
    const { retCode, retMsg } = envelope;
    if (retCode === 0) return { result: envelope.result, time: typeof envelope.time === 'number' ? envelope.time : undefined };
    if (RETRYABLE_CODES.has(retCode)) throw new Retryable(`retCode ${retCode} ${JSON.stringify(retMsg)}`);
    const symbol = query['symbol'];
    const aboutSymbol = retCode === 10029 || (retCode === 10001 && (SYMBOL_PATHS.has(path) || /symbol/i.test(retMsg)));
    if (aboutSymbol && symbol !== undefined) {
      throw new UnknownSymbolError(`unknown symbol ${symbol}: Bybit answered retCode ${retCode} ${JSON.stringify(retMsg)} to ${request}`, String(symbol), retCode);
    }
    throw new RemoteRejectedError(`${request}: Bybit answered retCode ${retCode} ${JSON.stringify(retMsg)}`, retCode);
  }
}

interface Envelope {
  readonly retCode: number;
  readonly retMsg: string;
  readonly result: unknown;
  readonly time?: unknown;
}

function parseEnvelope(text: string, request: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RemoteRejectedError(`${request}: the reply is not JSON: ${snippet(text)}`, 'invalid-reply');
  }
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
  if (!record || typeof record['retCode'] !== 'number') {
    throw new RemoteRejectedError(`${request}: the reply has no numeric retCode (not a Bybit V5 envelope): ${snippet(text)}`, 'invalid-reply');
  }
  return { retCode: record['retCode'], retMsg: typeof record['retMsg'] === 'string' ? record['retMsg'] : '', result: record['result'], time: record['time'] };
}

/** `GET /path?a=1&b=2`, in insertion order, undefined values left out: used both for the URL and for messages. */
export function describeRequest(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const search = params.toString();
  return `GET ${path}${search === '' ? '' : `?${search}`}`;
}

/** What went wrong on the wire, with the system error code (ECONNREFUSED, ENOTFOUND...) when there is one. */
function networkCause(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no reply within ${timeoutMs} ms`;
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    const text = typeof code === 'string' && !current.message.includes(code) ? `${code} ${current.message}` : current.message;
    if (text !== '' && !parts.includes(text)) parts.push(text);
    if (current instanceof AggregateError && current.errors.length > 0) current = current.errors[0];
    else current = current.cause;
  }
  return parts.length === 0 ? String(error) : parts.join(': ');
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 197)}...` : flat);
}
