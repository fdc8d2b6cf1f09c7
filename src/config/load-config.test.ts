import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { envKeyToPath, loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('applies defaults when nothing is given', () => {
    const { config, dataDir, cacheDir, file } = loadConfig({ env: {}, cwd: dir });
    expect(file).toBeUndefined();
    expect(config.bybit).toMatchObject({ baseUrl: 'https://api.bybit.com', testnet: false, requestTimeoutMs: 10_000, maxRetries: 6 });
    expect(config.bybit.network).toBeUndefined();
    expect(dataDir).toBe(join(dir, 'data'));
    expect(cacheDir).toBe(join(dir, 'data', 'cache'));
  });

  it('layers file, environment and command line, in that order', () => {
    const path = join(dir, 'bybot.config.json');
    writeFileSync(path, JSON.stringify({ dataDir: 'hist', bybit: { maxRetries: 2, requestTimeoutMs: 5000 }, dataQuality: { policy: { gap: 'repair' } } }));
    const { config, dataDir } = loadConfig({ env: { BYBOT_BYBIT__MAX_RETRIES: '4', BYBOT_DATA_QUALITY__THRESHOLDS__SPIKE_Z: '12.5' }, cwd: dir, overrides: { 'bybit.baseUrl': 'http://127.0.0.1:9999' } });
    expect(dataDir).toBe(join(dir, 'hist'));
    expect(config.bybit).toMatchObject({ maxRetries: 4, requestTimeoutMs: 5000, baseUrl: 'http://127.0.0.1:9999' });
    expect(config.dataQuality.policy.gap).toBe('repair');
    expect(config.dataQuality.thresholds.spikeZ).toBe(12.5);
    rmSync(path);
  });

  it('switches to the testnet URL when testnet is set and no URL is given', () => {
    expect(loadConfig({ env: { BYBOT_BYBIT__TESTNET: 'true' }, cwd: dir }).config.bybit.baseUrl).toBe('https://api-testnet.bybit.com');
  });

  it('names the key, the value, where it came from and what was expected', () => {
    const attempt = () => loadConfig({ env: { BYBOT_BYBIT__MAX_RETRIES: 'many' }, cwd: dir });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/bybit\.maxRetries = "many" \(from environment variable BYBOT_BYBIT__MAX_RETRIES\): .*number/);
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ bybit: { baseUrl: 'ftp://x' }, dataQuality: { policy: { empty: 'repair' } } }));
    const fromFile = () => loadConfig({ file: path, env: {}, cwd: dir });
    expect(fromFile).toThrow(/bybit\.baseUrl = "ftp:\/\/x" \(from config file .*bad\.json\): expected an http\(s\) URL/);
    expect(fromFile).toThrow(/dataQuality\.policy\.empty = "repair" .*"reject"\|"warn"|dataQuality\.policy\.empty = "repair"/);
  });

  it('leaves API key variables alone: they are read where used, never taken for settings', () => {
    const env = { BYBOT_BYBIT_API_KEY: 'k', BYBOT_BYBIT_API_SECRET: 's', BYBOT_EXCHANGE_API_KEY: 'k2', BYBOT_EXCHANGE_API_SECRET: 's2', BYBOT_REQUIRE_SHARED_DATA: '1' };
    expect(() => loadConfig({ env, cwd: dir })).not.toThrow();
    expect(JSON.stringify(loadConfig({ env, cwd: dir }).config)).not.toMatch(/"s2?"/);
  });

  it('reports unknown settings and unreadable files', () => {
    expect(() => loadConfig({ env: { BYBOT_BYBIT__BASEURL: 'x' }, cwd: dir })).toThrow(/bybit\.baseurl: unknown setting \(from environment variable BYBOT_BYBIT__BASEURL\)/);
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ not json');
    expect(() => loadConfig({ file: path, env: {}, cwd: dir })).toThrow(/broken\.json is not valid JSON/);
    expect(() => loadConfig({ file: join(dir, 'missing.json'), env: {}, cwd: dir })).toThrow(/missing\.json does not exist/);
  });

  it('maps environment names to setting paths', () => {
    expect(envKeyToPath('BYBOT_DATA_DIR')).toBe('dataDir');
    expect(envKeyToPath('BYBOT_BYBIT__BASE_URL')).toBe('bybit.baseUrl');
    expect(envKeyToPath('BYBOT_DATA_QUALITY__POLICY__ZERO_VOLUME')).toBe('dataQuality.policy.zeroVolume');
  });
});
