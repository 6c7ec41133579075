import { defineConfig } from 'vitest/config';

/**
 * Fault tests (test/faults): real server processes over HTTP, killed,
 * restarted and cut off from their database or mail server on purpose. Files
 * run one at a time because each starts several processes and loads the machine.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    // Servers run the compiled build, as `npm start` does; it is rebuilt first when src/ changed.
    globalSetup: ['test/faults/helpers/build.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 420_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
  },
});
