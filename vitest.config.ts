import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: Worker targets start wrangler dev (workerd) in beforeAll, slow on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
