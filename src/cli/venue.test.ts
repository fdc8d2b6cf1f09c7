// `bybot venue check` against the local exchange: reports start-up and reconciliation, refuses a key that can withdraw (exit 2), never prints a secret.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExchange } from '../venues/bybit-server/index.js';
import { startTestExchange, TRADER, WITHDRAWER } from '../venues/bybit-server/test-support/fixtures.js';
import { run } from './program.js';

const dir = mkdtempSync(join(tmpdir(), 'bybot-venue-cli-'));
let local: LocalExchange;
beforeAll(async () => {
  local = await startTestExchange();
  local.advance(3);
});
afterAll(async () => {
  await local.close();
  rmSync(dir, { recursive: true, force: true });
});

function keyFile(name: string, key: { key: string; secret: string }): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(key));
  return path;
}

async function bybot(args: string[]) {
  const lines: string[] = [];
  const code = await run(['--data-dir', join(dir, 'data'), ...args], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
}

describe('bybot venue check', () => {
  it('starts the venue against the exchange URL and reports what it found, without the secret', async () => {
    const { code, text } = await bybot(['venue', 'check', '--exchange-url', local.url, '--keys', keyFile('trader.json', TRADER)]);
    expect(code, text).toBe(0);
    expect(text).toContain(`streams ws://127.0.0.1:${local.port}/v5/private`);
    expect(text).toContain('SOLUSDT: flat');
    expect(text).toMatch(/reconciled: 0 open position\(s\), 0 orphan order\(s\) cancelled/);
    expect(text).not.toContain(TRADER.secret);
  });

  it('refuses a key with the Withdraw permission with exit 2', async () => {
    const { code, text } = await bybot(['venue', 'check', '--exchange-url', local.url, '--keys', keyFile('withdraw.json', WITHDRAWER)]);
    expect(code).toBe(2);
    expect(text).toMatch(/Withdraw permission/);
    expect(text).not.toContain(WITHDRAWER.secret);
  });

  it('names what is missing when no key is given, and a malformed key file without echoing it', async () => {
    const saved = { key: process.env['BYBOT_BYBIT_API_KEY'], secret: process.env['BYBOT_BYBIT_API_SECRET'] };
    delete process.env['BYBOT_BYBIT_API_KEY'];
    delete process.env['BYBOT_BYBIT_API_SECRET'];
    try {
      const none = await bybot(['venue', 'check', '--exchange-url', local.url]);
      expect(none.code).toBe(2);
      expect(none.text).toMatch(/BYBOT_BYBIT_API_KEY and BYBOT_BYBIT_API_SECRET/);
    } finally {
      if (saved.key !== undefined) process.env['BYBOT_BYBIT_API_KEY'] = saved.key;
      if (saved.secret !== undefined) process.env['BYBOT_BYBIT_API_SECRET'] = saved.secret;
    }
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"key":"k","secret":"very-secret-value"');
    const bad = await bybot(['venue', 'check', '--exchange-url', local.url, '--keys', broken]);
    expect(bad.code).toBe(2);
    expect(bad.text).toMatch(/not valid JSON/);
    expect(bad.text).not.toContain('very-secret-value');
  });

  it('reports an unreachable exchange as a network failure (exit 3)', async () => {
    const { code, text } = await bybot(['venue', 'check', '--exchange-url', 'http://127.0.0.1:9', '--keys', keyFile('t2.json', TRADER)]);
    expect(code, text).toBe(3);
  });
});
