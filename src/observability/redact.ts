// Redaction by field name: pino `redact` paths at the top level, the same names censored at any depth below it.
import { serializeError } from './error-fields.js';
import { REDACTED } from './scrubber.js';

/** Fields never shown, whatever their value. */
export const SECRET_FIELDS: readonly string[] = [
  'secret', 'apiSecret', 'api_secret', 'secretKey', 'secret_key', 'password', 'passphrase', 'privateKey',
  'token', 'accessToken', 'refreshToken', 'botToken', 'signature', 'sign', 'keys',
  'X-BAPI-SIGN', 'x-bapi-sign', 'authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie',
];

/** Fields that name the account: shown by default, censored with `redactKeys`. */
export const KEY_FIELDS: readonly string[] = ['apiKey', 'api_key', 'key', 'X-BAPI-API-KEY', 'x-bapi-api-key'];

const MAX_DEPTH = 8;

export interface RedactOptions {
  readonly paths: string[];
  readonly censor: (value: unknown, path: string[]) => unknown;
}

/**
 * pino's own redaction, for the top level of fields and bindings. Its wildcard paths cost tens of
 * microseconds a line, so deeper levels are left to `censorNested`, which walks the fields once.
 */
export function redactOptions(redactKeys: boolean): RedactOptions {
  const fields = redactKeys ? [...SECRET_FIELDS, ...KEY_FIELDS] : SECRET_FIELDS;
  const paths = [...fields.map((field) => (/^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`)), 'headers.*', 'args'];
  return { paths, censor: (value, path) => (path[path.length - 1] === 'args' ? censorAuthArgs(value, redactKeys) : REDACTED) };
}

/**
 * Censors, below the top level of `fields`, every secret field (and key field with `redactKeys`),
 * every header value and the signature in WebSocket auth args; nested Errors become error fields
 * (their enumerable request config would otherwise print). Copies only what it changes.
 */
export function censorNested(fields: Record<string, unknown>, redactKeys: boolean): Record<string, unknown> {
  const names = redactKeys ? censoredWithKeys : censored;
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || typeof value !== 'object') continue;
    const clean = key === 'err' || key === 'error' || value instanceof Error ? serializeError(value) : walk(value, 1, names, redactKeys);
    if (clean !== value) (copy ??= { ...fields })[key] = clean;
  }
  return copy ?? fields;
}

const censored = new Set(SECRET_FIELDS);
const censoredWithKeys = new Set([...SECRET_FIELDS, ...KEY_FIELDS]);

function walk(value: unknown, depth: number, names: ReadonlySet<string>, redactKeys: boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value);
  // Dates, buffers and sealed objects (ApiCredentials) print through their own toJSON.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const clean = walk(item, depth + 1, names, redactKeys);
      if (clean !== item) (copy ??= [...value])[index] = clean;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(source)) {
    let clean: unknown;
    if (names.has(key)) clean = REDACTED;
    else if (key === 'headers' && field !== null && typeof field === 'object') clean = Object.fromEntries(Object.keys(field).map((name) => [name, REDACTED]));
    else if (key === 'args') clean = censorAuthArgs(field, redactKeys);
    else clean = walk(field, depth + 1, names, redactKeys);
    if (clean !== field) (copy ??= { ...source })[key] = clean;
  }
  return copy ?? value;
}

/** Only args shaped like Bybit's auth triple [apiKey, expires, signature] are touched; subscribe topics pass through. */
function censorAuthArgs(args: unknown, redactKeys: boolean): unknown {
  if (!Array.isArray(args) || args.length !== 3) return args;
  const [apiKey, expires, signature] = args as unknown[];
  if (typeof apiKey !== 'string' || typeof signature !== 'string' || !/^\d+$/.test(String(expires))) return args;
  return [redactKeys ? REDACTED : apiKey, expires, REDACTED];
}
