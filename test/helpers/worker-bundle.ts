// The Worker script as `wrangler deploy` would upload it (its --dry-run output), measured: Cloudflare's
// limit is on the gzip size, so that is the budget. Shared by test/worker and bench/worker-size.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WORKER_GZIP_BUDGET_BYTES = 1024 * 1024;
/** Room kept free in the budget for the next tables (issue 14). */
export const WORKER_GZIP_HEADROOM_BYTES = 300 * 1024;

export interface BundleSize {
  rawBytes: number;
  gzipBytes: number;
}

/** Bundles src/worker.ts as `wrangler deploy --dry-run` does and measures the script. */
export function measureWorkerBundle(): BundleSize {
  const out = mkdtempSync(join(tmpdir(), 'gridshift-worker-'));
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      },
    );
    const scripts = readdirSync(out).filter((f) => f.endsWith('.js'));
    const code = Buffer.concat(scripts.map((f) => readFileSync(join(out, f))));
    return { rawBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
