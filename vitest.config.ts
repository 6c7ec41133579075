import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    // Each file gets its own databases, so files may run side by side.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
