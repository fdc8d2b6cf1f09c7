// Test runner settings: tests live beside the code as *.test.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
