// Lets tests read the recorded market data in ../shared/data where it lies: skip with a reason when absent, fail when CI requires it.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root (this file is src/data/test-support/shared-data.ts). */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the shared data directory is expected: beside the repository. */
export const sharedDataRoot: string = resolve(repoRoot, '..', 'shared', 'data');

const required = (): boolean => process.env['BYBOT_REQUIRE_SHARED_DATA'] === '1';

/**
 * Absolute path of `../shared/data/<relative>`, or undefined (with a printed reason) when it is missing.
 * @throws Error when it is missing and BYBOT_REQUIRE_SHARED_DATA=1, so CI cannot silently skip.
 */
export function sharedDataPath(relative: string): string | undefined {
  const path = resolve(sharedDataRoot, relative);
  if (existsSync(path)) return path;
  const shown = `../shared/data/${relative}`;
  if (required()) throw new Error(`${shown} missing (looked at ${path}) and BYBOT_REQUIRE_SHARED_DATA=1`);
  console.warn(`skipping: ${shown} missing`);
  return undefined;
}

/**
 * A describe block that runs only when `../shared/data/<relative>` exists. `fn` receives the absolute
 * path; when the block is skipped it receives '' and its tests do not run, so read the file inside
 * `it` or `beforeAll`, never directly in the describe body.
 */
export function describeWithData(relative: string, name: string, fn: (path: string) => void): void {
  const path = sharedDataPath(relative);
  describe.skipIf(path === undefined)(`${name} (../shared/data/${relative})`, () => fn(path ?? ''));
}
