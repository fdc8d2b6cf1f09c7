// Bybit's HMAC-SHA256 request signature (§2.4): the string signed, the hex digest, and a constant-time comparison.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a request signs: timestamp + API key + recvWindow + (the raw query string of a GET, the raw body of a POST). */
export function prehash(timestamp: string, apiKey: string, recvWindow: string, payload: string): string {
  return timestamp + apiKey + recvWindow + payload;
}

/** HMAC-SHA256 of `text` with `secret`, in lowercase hex. */
export function sign(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** True when `given` is the signature of `text`; compares in constant time so timing tells nothing about the secret. */
export function signatureMatches(secret: string, text: string, given: string): boolean {
  const expected = Buffer.from(sign(secret, text), 'utf8');
  const actual = Buffer.from(given.toLowerCase(), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
