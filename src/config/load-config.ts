// Builds the configuration from a JSON file plus BYBOT_* environment variables, and explains every invalid value.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError, describeValue } from '../core/errors.js';
import { configSchema, TESTNET_REST, type BybotConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'bybot.config.json';
/** BYBOT_* variables that are not settings: the config file, the test switch, and API keys (read where they are used, never stored in the config). */
const NOT_SETTINGS = new Set(['BYBOT_CONFIG', 'BYBOT_REQUIRE_SHARED_DATA', 'BYBOT_EXCHANGE_API_KEY', 'BYBOT_EXCHANGE_API_SECRET', 'BYBOT_BYBIT_API_KEY', 'BYBOT_BYBIT_API_SECRET']);

export interface LoadConfigOptions {
  /** Explicit config file; when absent BYBOT_CONFIG, then ./bybot.config.json if it exists. */
  readonly file?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Values from command-line flags, applied last (dotted paths, e.g. 'bybit.baseUrl'). */
  readonly overrides?: Record<string, unknown>;
}

export interface LoadedConfig {
  readonly config: BybotConfig;
  /** Absolute data and cache directories. */
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly file: string | undefined;
}

/** `BYBOT_BYBIT__BASE_URL` → `bybit.baseUrl`: `__` nests, SNAKE_CASE becomes camelCase. */
export function envKeyToPath(key: string): string {
  return key
    .slice('BYBOT_'.length)
    .split('__')
    .map((part) => part.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()))
    .join('.');
}

function parseEnvValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed !== '' && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return text;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function getPath(source: unknown, path: readonly PropertyKey[]): unknown {
  let node = source;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const origin = new Map<string, string>();
  let raw: Record<string, unknown> = {};

  const explicit = options.file ?? env.BYBOT_CONFIG;
  const file = explicit ? resolve(cwd, explicit) : existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? resolve(cwd, DEFAULT_CONFIG_FILE) : undefined;
  if (file) {
    if (!existsSync(file)) throw new ConfigError(`config file ${file} does not exist`);
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the top level must be an object');
      raw = parsed as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('BYBOT_') || NOT_SETTINGS.has(key) || value === undefined) continue;
    const path = envKeyToPath(key);
    setPath(raw, path, parseEnvValue(value));
    origin.set(path, `environment variable ${key}`);
  }
  for (const [path, value] of Object.entries(options.overrides ?? {})) {
    if (value === undefined) continue;
    setPath(raw, path, value);
    origin.set(path, 'command line');
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (unknownKeys.length > 0) {
        const paths = unknownKeys.map((k) => [...issue.path, k].join('.'));
        return paths.map((p) => `${p}: unknown setting${origin.has(p) ? ` (from ${origin.get(p)})` : ''}`).join('; ');
      }
      const path = issue.path.join('.');
      const from = origin.get(path) ?? (file ? `config file ${file}` : 'defaults');
      return `${path || '(root)'} = ${describeValue(getPath(raw, issue.path))} (from ${from}): ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const config = result.data;
  if (config.bybit.testnet && !origin.has('bybit.baseUrl') && getPath(raw, ['bybit', 'baseUrl']) === undefined) config.bybit.baseUrl = TESTNET_REST;
  const base = file ? dirname(file) : cwd;
  const dataDir = isAbsolute(config.dataDir) ? config.dataDir : resolve(base, config.dataDir);
  const cacheDir = config.cacheDir ? resolve(base, config.cacheDir) : resolve(dataDir, 'cache');
  return { config, dataDir, cacheDir, file };
}
