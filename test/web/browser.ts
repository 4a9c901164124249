// Headless Debian chromium driven by playwright-core, with a fresh profile per launch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { tables } from '../../src/data/index.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { estimatorFor } from '../helpers/estimator.ts';

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

/**
 * For the enclosing describe: the real Node server on 127.0.0.1 and headless chromium, started
 * before its tests (then `started` runs) and closed after them, when no page may have reported an
 * error in `pageErrors`.
 */
export function withServerAndBrowser(
  pageErrors: readonly string[],
  started: (server: RunningServer, browser: Browser) => void | Promise<void>,
): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ port: 0, hostname: '127.0.0.1', estimator: estimatorFor(tables) }),
      launchBrowser(),
    ]);
    await started(server, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(pageErrors).toEqual([]);
  });
}
