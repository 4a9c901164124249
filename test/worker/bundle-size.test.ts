// The Worker bundle budget: what `wrangler deploy` uploads, tables included, stays under 1 MiB gzip.
import { expect, it } from 'vitest';
import { measureWorkerBundle, WORKER_GZIP_BUDGET_BYTES } from '../helpers/worker-bundle.ts';

it('the Worker script is under 1 MiB gzip with every table bundled', () => {
  const size = measureWorkerBundle();
  console.log(`[gridshift] worker bundle ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip (${(size.rawBytes / 1024).toFixed(0)} KiB raw)`);
  expect(size.gzipBytes).toBeLessThan(WORKER_GZIP_BUDGET_BYTES);
}, 60_000);
