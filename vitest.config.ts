import { availableParallelism, loadavg } from 'node:os';
import { defineConfig } from 'vitest/config';

const cores = availableParallelism();
/**
 * One worker per core on a quiet machine. On a busy one (load above half the
 * cores) one core is left free, as Vitest does by default: a second worker
 * then adds little throughput but doubles how long each test waits for the
 * CPU, and a few tests measure time. `--maxWorkers=n` overrides both.
 */
const quiet = (loadavg()[0] ?? 0) < cores / 2;

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'],
    // Each file gets its own databases, so files may run side by side.
    pool: 'forks',
    maxWorkers: quiet ? cores : Math.max(cores - 1, 1),
    // A worker keeps the modules it has loaded from one file to the next, so
    // the application is imported once per worker instead of once per file
    // (import was over half the run). Safe because no test mocks modules or
    // stubs globals, and module-level state in src/ is memo caches keyed by
    // their input or hooks each app registers and removes itself.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
