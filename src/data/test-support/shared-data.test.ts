// The shared-data helper: skips with a printed reason when a file is missing, fails when BYBOT_REQUIRE_SHARED_DATA=1.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { repoRoot, sharedDataPath, sharedDataRoot } from './shared-data.js';

describe('sharedDataPath', () => {
  const saved = process.env['BYBOT_REQUIRE_SHARED_DATA'];
  afterEach(() => {
    if (saved === undefined) delete process.env['BYBOT_REQUIRE_SHARED_DATA'];
    else process.env['BYBOT_REQUIRE_SHARED_DATA'] = saved;
    vi.restoreAllMocks();
  });

  it('resolves ../shared/data beside the repository root', () => {
    expect(repoRoot).toMatch(/[\\/]$/);
    expect(sharedDataRoot.endsWith(['shared', 'data'].join(repoRoot.includes('\\') ? '\\' : '/'))).toBe(true);
  });

  it('returns undefined and prints why when the file is missing', () => {
    delete process.env['BYBOT_REQUIRE_SHARED_DATA'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(sharedDataPath('no-such-dir/nothing.csv')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('skipping: ../shared/data/no-such-dir/nothing.csv missing');
  });

  it('throws when the data is required', () => {
    process.env['BYBOT_REQUIRE_SHARED_DATA'] = '1';
    expect(() => sharedDataPath('no-such-dir/nothing.csv')).toThrow(/BYBOT_REQUIRE_SHARED_DATA=1/);
  });
});
