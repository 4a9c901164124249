import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // bench/ keeps its own unit tests beside it: test/ never imports bench/.
    include: ['test/**/*.test.ts', 'bench/**/*.test.ts'],
    // Estimates are synchronous: the hourly series (data/built/hourly-series.bin.gz) is read first.
    setupFiles: ['test/helpers/hourly-series.ts'],
    // web/dist is built once, before the files run (test/helpers/global-setup.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // Generous: a property test's run count is fixed, not its time (the seed, the load): the 10,000
    // hostile bills took 17 s here and over 60 s on a loaded 2-core machine. A hang still fails.
    testTimeout: 180_000,
    // Many files wait on child processes (chromium, workerd, the CLI): two workers even on 2 cores
    // (vitest's default there is one) took the suite from 477 s to 375 s here, all green.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 180_000,
    // CI shows only the tail of the output: a one-line-per-failure digest comes after the summary.
    reporters: ['default', './test/helpers/failure-digest.ts'],
  },
});
