// The Worker bundle budget: what `wrangler deploy` uploads stays under 1 MiB gzip with 300 KiB to spare
// (the hourly series is an asset, not script).
import { expect, it } from 'vitest';
import {
  measureWorkerBundle,
  WORKER_GZIP_BUDGET_BYTES,
  WORKER_GZIP_HEADROOM_BYTES,
} from '../helpers/worker-bundle.ts';

it('the Worker script leaves at least 300 KiB of the 1 MiB gzip budget free', () => {
  const size = measureWorkerBundle();
  console.log(
    `[gridshift] worker bundle ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip (${(size.rawBytes / 1024).toFixed(0)} KiB raw)`,
  );
  expect(size.gzipBytes).toBeLessThanOrEqual(WORKER_GZIP_BUDGET_BYTES - WORKER_GZIP_HEADROOM_BYTES);
}, 60_000);
