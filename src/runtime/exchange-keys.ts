// The API keys `bybot exchange` accepts: from the environment, a JSON secret file, or a generated test pair; secrets never go into a message.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError, describeValue } from '../core/errors.js';
import type { ApiKeyConfig } from '../venues/bybit-server/index.js';

export const KEY_ENV = 'BYBOT_EXCHANGE_API_KEY';
export const SECRET_ENV = 'BYBOT_EXCHANGE_API_SECRET';

export interface ExchangeKeys {
  readonly keys: readonly ApiKeyConfig[];
  /** Where the keys came from, e.g. `BYBOT_EXCHANGE_API_KEY` or `--keys keys.json`; `generated` for a made-up pair. */
  readonly source: string;
  /** The made-up pair, only when nothing was configured: the one time its secret may be shown. */
  readonly generated?: { readonly key: string; readonly secret: string };
}

/** Keys from the environment and `--keys <file>` together; a generated test pair when neither gives any. */
export function exchangeKeys(keysFile: string | undefined, env: Readonly<Record<string, string | undefined>>): ExchangeKeys {
  const fromEnv = keysFromEnv(env);
  const fromFile = keysFile === undefined ? [] : keysFromFile(keysFile);
  const keys = [...fromEnv, ...fromFile];
  if (keys.length > 0) {
    const sources = [...(fromEnv.length ? [KEY_ENV] : []), ...(keysFile === undefined ? [] : [`--keys ${keysFile}`])];
    return { keys, source: sources.join(' and ') };
  }
  const generated = { key: `bybot-test-${randomBytes(6).toString('hex')}`, secret: randomBytes(24).toString('hex') };
  return { keys: [generated], source: 'generated', generated };
}

function keysFromEnv(env: Readonly<Record<string, string | undefined>>): ApiKeyConfig[] {
  const key = env[KEY_ENV]?.trim();
  const secret = env[SECRET_ENV];
  if (!key && !secret) return [];
  if (!key) throw new InputError(`${SECRET_ENV} is set but ${KEY_ENV} is not: set both, or neither`);
  if (!secret) throw new InputError(`${KEY_ENV} ${describeValue(key)} is set but ${SECRET_ENV} is not: set both, or neither`);
  return [{ key, secret }];
}

/** `[{ "key": "...", "secret": "...", "readOnly": false, "permissions": {...} }]`; errors name the file and entry, never a secret or the file's text. */
function keysFromFile(file: string): ApiKeyConfig[] {
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`--keys: ${describeValue(file)} is not a file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // JSON.parse quotes the text around the fault, which may be a secret: say where, not what.
    throw new InputError(`--keys: ${file} is not valid JSON; expected [{ "key": "...", "secret": "...", "readOnly": false }]`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new InputError(`--keys: ${file} must hold a non-empty JSON array of { "key", "secret", "readOnly"? } objects`);
  return parsed.map((entry: unknown, index) => keyEntry(entry, `--keys: ${file}[${index}]`));
}

function keyEntry(entry: unknown, where: string): ApiKeyConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new InputError(`${where} must be an object with key and secret`);
  const { key, secret, readOnly, permissions } = entry as Record<string, unknown>;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,100}$/.test(key)) throw new InputError(`${where}.key must be a non-empty string of printable characters, got ${describeValue(key)}`);
  if (typeof secret !== 'string' || secret === '') throw new InputError(`${where}.secret (of key ${key}) must be a non-empty string`);
  if (readOnly !== undefined && typeof readOnly !== 'boolean') throw new InputError(`${where}.readOnly (of key ${key}) must be true or false, got ${describeValue(readOnly)}`);
  if (permissions !== undefined && !isPermissionMap(permissions)) throw new InputError(`${where}.permissions (of key ${key}) must map groups to lists of names, e.g. { "Wallet": ["AccountTransfer"] }`);
  return { key, secret, ...(readOnly === undefined ? {} : { readOnly }), ...(permissions === undefined ? {} : { permissions: permissions as ApiKeyConfig['permissions'] & object }) };
}

function isPermissionMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((names) => Array.isArray(names) && names.every((n) => typeof n === 'string'));
}
