// Headless Debian chromium driven by playwright-core, with a fresh profile per launch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches chromium with its own throw-away user-data-dir, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'gridshift-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab at `url` once the page says it is ready; page errors are pushed to `errors`. */
export async function openPage(
  browser: Browser,
  url: string,
  errors: string[],
  viewport = { width: 1280, height: 900 },
): Promise<import('playwright-core').Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
}
