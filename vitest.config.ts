import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // bench/ keeps its own unit tests beside it: test/ never imports bench/.
    include: ['test/**/*.test.ts', 'bench/**/*.test.ts'],
    // Estimates are synchronous: the hourly series (data/built/hourly-series.bin.gz) is read first.
    setupFiles: ['test/helpers/hourly-series.ts'],
    // Generous: Worker targets start wrangler dev (workerd) in beforeAll, slow on a loaded 2-core machine.
    testTimeout: 60_000,
    // Many files wait on child processes (chromium, workerd, the CLI): two workers even on 2 cores
    // (vitest's default there is one) took the suite from 477 s to 375 s here, all green.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 180_000,
  },
});
