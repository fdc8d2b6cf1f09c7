// The API key bybot trades with on Bybit: from the environment or a JSON secret file, sealed at once so the secret never reaches a message.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describeValue, InputError } from '../core/errors.js';
import { ApiCredentials } from '../venues/bybit/sign.js';

export const BYBIT_KEY_ENV = 'BYBOT_BYBIT_API_KEY';
export const BYBIT_SECRET_ENV = 'BYBOT_BYBIT_API_SECRET';

/** `--keys <file>` (`{ "key": "...", "secret": "..." }`) wins over the environment; neither is an error that says how to give one. */
export function venueCredentials(keysFile: string | undefined, env: Readonly<Record<string, string | undefined>>, onSecret: (secret: string) => void = () => undefined): ApiCredentials {
  if (keysFile !== undefined) return fromFile(keysFile, onSecret);
  const key = env[BYBIT_KEY_ENV]?.trim();
  const secret = env[BYBIT_SECRET_ENV];
  if (!key && !secret) throw new InputError(`no Bybit API key: set ${BYBIT_KEY_ENV} and ${BYBIT_SECRET_ENV}, or pass --keys <file> holding { "key": "...", "secret": "..." }`);
  if (!key) throw new InputError(`${BYBIT_SECRET_ENV} is set but ${BYBIT_KEY_ENV} is not: set both`);
  if (!secret) throw new InputError(`${BYBIT_KEY_ENV} ${describeValue(key)} is set but ${BYBIT_SECRET_ENV} is not: set both`);
  // The log scrubber learns the secret before it is sealed: afterwards nobody can read it back.
  onSecret(secret);
  return new ApiCredentials(key, secret);
}

function fromFile(file: string, onSecret: (secret: string) => void): ApiCredentials {
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputError(`--keys: ${describeValue(file)} is not a file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // JSON.parse quotes the text around the fault, which may be the secret: say where, not what.
    throw new InputError(`--keys: ${file} is not valid JSON; expected { "key": "...", "secret": "..." }`);
  }
  const { key, secret } = (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as Record<string, unknown>;
  if (typeof key !== 'string' || key.trim() === '') throw new InputError(`--keys: ${file}: key must be a non-empty string, got ${describeValue(key)}`);
  if (typeof secret !== 'string' || secret === '') throw new InputError(`--keys: ${file}: secret (of key ${key}) must be a non-empty string`);
  onSecret(secret);
  return new ApiCredentials(key.trim(), secret);
}
