// The private stream's `auth` op (§9.3): args [apiKey, expires, signature], signature = hex HMAC-SHA256(secret, "GET/realtime" + expires).
import { describeValue } from '../../../core/errors.js';
import type { ApiKey } from '../auth/api-keys.js';
import { sign, signatureMatches } from '../auth/signature.js';

/** What a client signs to open a private stream. */
export function realtimePrehash(expires: number | string): string {
  return `GET/realtime${expires}`;
}

/** The signature a client sends with `auth` (tests and tools sign with it). */
export function realtimeSignature(secret: string, expires: number | string): string {
  return sign(secret, realtimePrehash(expires));
}

/**
 * Bybit answers every failed auth with "Params Error" (observed); the reason follows it here. The
 * message names the field and its value, never the secret (nor the key: it may be a secret's twin).
 */
function failure(why: string): string {
  return `Params Error: ${why}`;
}

/** The key `args` authenticate at server time `now`, or the ret_msg that refuses them. */
export function authenticateStream(keys: ReadonlyMap<string, ApiKey>, args: unknown, now: number): ApiKey | string {
  if (!Array.isArray(args) || args.length !== 3) return failure(`args must be [apiKey, expires, signature], got ${describeValue(args)}`);
  const [apiKey, expires, signature] = args as [unknown, unknown, unknown];
  if (typeof apiKey !== 'string') return failure(`args[0] (apiKey) must be a string, got ${describeValue(apiKey)}`);
  const key = keys.get(apiKey);
  if (key === undefined) return failure('args[0] (apiKey) is not a key of this exchange');
  // The signed text is expires exactly as sent: a JSON integer or a string of digits.
  const text = typeof expires === 'number' && Number.isSafeInteger(expires) ? String(expires) : typeof expires === 'string' && /^\d{1,16}$/.test(expires) ? expires : undefined;
  if (text === undefined) return failure(`args[1] (expires) must be a time in ms, got ${describeValue(expires)}`);
  if (Number(text) <= now) return failure(`args[1] (expires) ${text} is not after the server time ${now}: the request expired`);
  if (typeof signature !== 'string' || !signatureMatches(key.secret, realtimePrehash(text), signature)) {
    return failure(`args[2] (signature) is not the HMAC-SHA256 of "${realtimePrehash(text)}" with the key's secret`);
  }
  return key;
}
