// The API keys the local exchange accepts, with the permissions /v5/user/query-api reports and the write rights the trading endpoints check.
import { describeValue, InputError } from '../../../core/errors.js';

/** The permission groups of Bybit's query-api answer, in its order. */
export const PERMISSION_GROUPS = [
  'ContractTrade', 'Spot', 'Wallet', 'Options', 'Derivatives', 'CopyTrading', 'BlockTrade', 'Exchange',
  'NFT', 'Affiliate', 'Earn', 'FiatP2P', 'FiatConvertBroker', 'FiatGlobalPay', 'FiatBitPay', 'BitCard', 'ByXPost',
] as const;
export type PermissionGroup = (typeof PERMISSION_GROUPS)[number];
export type Permissions = Readonly<Record<PermissionGroup, readonly string[]>>;

export interface ApiKeyConfig {
  readonly key: string;
  /** The HMAC secret; never written to a response, a log line or an error message. */
  readonly secret: string;
  /** A read-only key can query but not trade (10005 on the trading endpoints). */
  readonly readOnly?: boolean;
  /**
   * Groups given replace the defaults (ContractTrade Order + Position, Derivatives DerivativesTrade,
   * the rest empty); e.g. { Wallet: ['AccountTransfer', 'Withdraw'] } for a key bybot must refuse.
   */
  readonly permissions?: Partial<Record<PermissionGroup, readonly string[]>>;
  readonly note?: string;
  /** IPs the key is bound to, as query-api lists them (not enforced on loopback). */
  readonly ips?: readonly string[];
}

export interface ApiKey {
  readonly key: string;
  readonly secret: string;
  readonly readOnly: boolean;
  readonly permissions: Permissions;
  readonly note: string;
  readonly ips: readonly string[];
  /** Bybit's internal id of the key, as query-api reports it. */
  readonly id: string;
}

const DEFAULT_PERMISSIONS: Partial<Permissions> = { ContractTrade: ['Order', 'Position'], Derivatives: ['DerivativesTrade'] };

/** Checks the configured keys and indexes them; errors name the key, never its secret. */
export function apiKeyRegistry(configs: readonly ApiKeyConfig[]): ReadonlyMap<string, ApiKey> {
  const keys = new Map<string, ApiKey>();
  configs.forEach((config, index) => {
    const where = `apiKeys[${index}]`;
    if (typeof config?.key !== 'string' || !/^[\x21-\x7e]+$/.test(config.key)) {
      throw new InputError(`${where}.key must be a non-empty string of printable characters, got ${describeValue(config?.key)}`);
    }
    if (typeof config.secret !== 'string' || config.secret === '') throw new InputError(`${where}.secret (of key ${config.key}) must be a non-empty string`);
    if (keys.has(config.key)) throw new InputError(`${where}.key ${config.key} is configured twice`);
    const permissions = {} as Record<PermissionGroup, readonly string[]>;
    for (const group of PERMISSION_GROUPS) permissions[group] = [...(config.permissions?.[group] ?? DEFAULT_PERMISSIONS[group] ?? [])];
    keys.set(config.key, {
      key: config.key,
      secret: config.secret,
      readOnly: config.readOnly ?? false,
      permissions,
      note: config.note ?? '',
      ips: [...(config.ips ?? [])],
      id: String(1_000_000 + index),
    });
  });
  return keys;
}
