// Runs once before any test file: builds web/dist from the current sources, so the page tests (and
// `wrangler dev`, whose assets are web/) never see a stale page and no two test files build at once.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
