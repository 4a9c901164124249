// Issue 15, item 1, in real chromium: the answer shown always matches the form. Region search picks
// by Enter and arrow keys (never submits the old region), any edit marks the result out of date and
// turns Share/Export/Print off, the Inputs line is the body sent, and Clear clears result and URL.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/node/server.ts';
import { openPage, type Browser, withServerAndBrowser } from './browser.ts';

const PRESET = 'llm-finetune-lora-8xh100';
const PARIS = ['aws:eu-west-3', 'azure:francecentral', 'gcp:europe-west9'];
const TOOLBAR = ['#btn-share', '#btn-json', '#btn-csv', '#btn-print'];

describe('the answer matches the form', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, (s, b) => {
    [server, browser] = [s, b];
  });

  /** Every body the page POSTs to /v1/estimate. */
  function estimateBodies(page: Page): Record<string, unknown>[] {
    const bodies: Record<string, unknown>[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/v1/estimate')
        bodies.push(JSON.parse(req.postData() ?? '{}') as Record<string, unknown>);
    });
    return bodies;
  }

  async function estimate(page: Page): Promise<void> {
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
  }

  const disabled = (page: Page) =>
    Promise.all(TOOLBAR.map((s) => page.$eval(s, (b) => (b as HTMLButtonElement).disabled)));

  it('Enter in the region search takes the top match into the select and does not submit', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    const bodies = estimateBodies(page);
    await page.fill('#f-location-search', 'Paris');
    expect(await page.getAttribute('#f-location-search', 'role')).toBe('combobox');
    expect(await page.getAttribute('#f-location-search', 'aria-expanded')).toBe('true');
    const listed = await page.$$eval('#location-matches [role="option"]', (o) =>
      o.map((x) => x.textContent ?? ''),
    );
    expect(listed).toHaveLength(3);
    expect(await page.textContent('#location-count')).toContain('the region stays aws:us-east-1');
    await page.press('#f-location-search', 'Enter');
    const picked = await page.inputValue('#f-location');
    expect(PARIS).toContain(picked);
    expect(listed[0]).toContain(picked);
    expect(await page.textContent('#location-count')).toContain(`Region set to ${picked}`);
    expect(await page.getAttribute('#f-location-search', 'aria-expanded')).toBe('false');
    // Nothing was submitted by that Enter.
    expect(await page.$('#results[data-panels]')).toBeNull();
    expect(bodies.every((b) => b.location === 'aws:us-east-1')).toBe(true);

    await estimate(page);
    expect(bodies.at(-1)!.location).toBe(picked);
    expect(await page.textContent('#resolved')).toContain(picked);
    await page.close();
  });

  it('arrow keys move through the matches (aria-activedescendant) and Enter takes the highlighted one', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    await page.fill('#f-location-search', 'Paris');
    await page.press('#f-location-search', 'ArrowDown');
    expect(await page.getAttribute('#f-location-search', 'aria-activedescendant')).toBe(
      'location-match-1',
    );
    expect(await page.getAttribute('#location-match-1', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#location-match-0', 'aria-selected')).toBe('false');
    await page.press('#f-location-search', 'ArrowDown');
    await page.press('#f-location-search', 'ArrowUp');
    const second = await page.textContent('#location-match-1');
    await page.press('#f-location-search', 'Enter');
    const picked = await page.inputValue('#f-location');
    expect(second).toContain(picked);
    expect(picked).toBe(PARIS.find((id) => second!.includes(id)));

    // A search with no match keeps the region and says so; Enter still does not submit.
    await page.fill('#f-location-search', 'atlantis');
    await page.press('#f-location-search', 'Enter');
    expect(await page.inputValue('#f-location')).toBe(picked);
    expect(await page.textContent('#location-count')).toBe(
      `No region matches “atlantis”; the region stays ${picked}.`,
    );
    expect(await page.$('#results[data-panels]')).toBeNull();
    await page.close();
  });

  it('any edit marks the result out of date in words and turns Share, Export and Print off until re-estimated', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    await page.selectOption('#f-preset', PRESET);
    await estimate(page);
    expect(await page.isVisible('#stale-note')).toBe(false);
    expect(await disabled(page)).toEqual([false, false, false, false]);

    await page.fill('#f-gpu-count', '64');
    expect(await page.isVisible('#stale-note')).toBe(true);
    expect(await page.textContent('#stale-note')).toMatch(/Out of date:.*Press\s+Estimate/s);
    expect(await page.getAttribute('#results', 'data-stale')).toBe('true');
    expect(await disabled(page)).toEqual([true, true, true, true]);

    await page.fill('#f-gpu-count', '8');
    await page.fill('#f-durationHours', '48');
    await estimate(page);
    expect(await page.isVisible('#stale-note')).toBe(false);
    expect(await page.textContent('#resolved')).toContain('48 h');
    expect(await disabled(page)).toEqual([false, false, false, false]);

    // Another preset is an edit too; so is a region picked from the search.
    await page.selectOption('#f-preset', 'web-api-fleet-year');
    expect(await page.isVisible('#stale-note')).toBe(true);
    await estimate(page);
    await page.fill('#f-location-search', 'Paris');
    await page.press('#f-location-search', 'Enter');
    expect(await disabled(page)).toEqual([true, true, true, true]);
    await page.close();
  });

  it('the Inputs line and the share URL hold only what was sent: inference and back to hours leaves no ai.*', async () => {
    const models: string[] = [];
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/v1/models') models.push(req.url());
    });
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await page.waitForSelector('#results[data-example="true"]');
    // The ~77 KB model list is not part of the first load; choosing an AI mode fetches it once.
    expect(models).toEqual([]);
    const bodies = estimateBodies(page);
    const listed = page.waitForResponse((res) => new URL(res.url()).pathname === '/v1/models');
    await page.selectOption('#f-ai-task', 'inference');
    await listed;
    await page.waitForFunction(() => document.querySelectorAll('#dl-models option').length > 0);
    expect(models).toHaveLength(1);
    await page.fill('#f-ai-model', 'llama-3.1-8b');
    await page.fill('#f-ai-requests', '1000000');
    await page.selectOption('#f-ai-task', '');
    await estimate(page);
    const sent = bodies.at(-1)!;
    expect(sent.ai).toBeUndefined();
    expect(sent).toMatchObject({ gpu: { model: 'H100 SXM', count: 8 }, durationHours: 24 });
    const line = (await page.textContent('#workload-summary'))!;
    expect(line).not.toMatch(/ai\.|Model|Requests|Llama|llama/);
    expect(line).toContain('GPUs: 8');
    expect(line).toContain('GPU / accelerator: H100 SXM');
    expect(line).toContain('Duration (hours): 24');
    expect(new URL(page.url()).search).not.toContain('ai.');
    await page.close();
  });

  it('Clear clears the result and the URL', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    await page.selectOption('#f-preset', PRESET);
    await estimate(page);
    expect(new URL(page.url()).search).toContain('preset=');
    await page.click('button[type="reset"]');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.isVisible('#result-body')).toBe(false);
    expect(await page.isVisible('#toolbar')).toBe(false);
    expect(await page.textContent('#status')).toBe(
      'Choose a preset or describe a workload, then press Estimate.',
    );
    await page.close();
  });
});
