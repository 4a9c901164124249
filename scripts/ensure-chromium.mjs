// Runs before `npm test`: the browser tests drive Debian's chromium package through playwright-core
// (`npx playwright install` cannot download browsers here). Installs it with apt when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM_PATH = '/usr/bin/chromium';

if (!existsSync(CHROMIUM_PATH)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[gridshift] ${CHROMIUM_PATH} is missing and this user cannot install it.\n` +
        "  The browser tests need Debian's chromium package: run `sudo apt-get update && sudo apt-get install -y chromium`.",
    );
    process.exit(1);
  }
  console.error('[gridshift] installing chromium for the browser tests (apt-get)…');
  try {
    execSync('apt-get update && apt-get install -y chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(
      '[gridshift] apt-get could not install chromium; the browser tests need /usr/bin/chromium.',
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`[gridshift] chromium installed but ${CHROMIUM_PATH} is still missing.`);
    process.exit(1);
  }
}
