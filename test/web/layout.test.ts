// Issue 15, item 4, in real chromium: the Estimate button on screen at first view on a laptop and a
// phone, inline errors clear of the sticky bar, wide tables that say they scroll, /docs readable at
// phone width with code shown as code, and a labelled worked example on first visit.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { openPage, type Browser, withServerAndBrowser } from './browser.ts';

const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const sig3 = (n: number) => new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(n);

describe('layout', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, (s, b) => {
    [server, browser] = [s, b];
  });

  /** The element's box is inside the viewport and it is what is drawn at its own centre. */
  const fullyVisible = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const r = el.getBoundingClientRect();
      const inside = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inside, onTop: hit === el || el.contains(hit), top: r.top, bottom: r.bottom };
    });

  it.each([
    ['1440×900', LAPTOP],
    ['390×844', PHONE],
  ])('shows the whole Estimate button on first view at %s', async (_, viewport) => {
    const page = await openPage(browser, server.url, pageErrors, viewport);
    const seen = await fullyVisible(page, 'button[type="submit"]');
    expect(seen).toMatchObject({ inside: true, onTop: true });
    await page.close();
  });

  it.each([
    ['1440×900', LAPTOP],
    ['390×844', PHONE],
  ])(
    'at %s the inline error of a field reached from the error list is not behind the sticky bar',
    async (_, viewport) => {
      const page = await openPage(browser, server.url, pageErrors, viewport);
      await page.fill('#f-gpu-count', '-2');
      await page.click('button[type="submit"]');
      await page.waitForSelector('#err-f-gpu-count');
      await page.click('#form-errors a[href="#f-gpu-count"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-gpu-count');
      const error = await fullyVisible(page, '#err-f-gpu-count');
      const bar = await page.$eval('.actions', (el) => el.getBoundingClientRect().top);
      expect(error.inside).toBe(true);
      expect(error.onTop).toBe(true);
      expect(error.bottom).toBeLessThanOrEqual(bar);
      expect(new URL(page.url()).hash).toBe('');
      await page.close();
    },
  );

  it('on a phone, a table wider than the screen scrolls in its box and says so; the page does not', async () => {
    const page = await openPage(browser, server.url, pageErrors, PHONE);
    await page.selectOption('#f-preset', 'llm-finetune-lora-8xh100');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
    await page.click('#details-factors summary');
    await page.waitForFunction(() => {
      const wrap = document.getElementById('table-factors')!;
      return wrap.dataset.overflow !== undefined;
    });
    const wraps = await page.$$eval('.table-wrap', (els) =>
      els
        .map((w) => {
          const table = w.querySelector('table');
          const cue = w.nextElementSibling as HTMLElement | null;
          return {
            id: w.id,
            shown: !!table && table.getClientRects().length > 0,
            wide: !!table && table.scrollWidth > w.clientWidth + 1,
            overflow: (w as HTMLElement).dataset.overflow,
            cue:
              cue?.classList.contains('scroll-cue') &&
              !cue.hidden &&
              cue.getClientRects().length > 0
                ? cue.textContent
                : null,
          };
        })
        .filter((w) => w.shown),
    );
    const wide = wraps.filter((w) => w.wide);
    expect(wide.length).toBeGreaterThan(0);
    for (const w of wide) {
      expect(w.overflow, w.id).toBe('true');
      expect(w.cue, w.id).toMatch(/^Scroll the table sideways to see all \d+ columns →$/);
    }
    for (const w of wraps.filter((x) => !x.wide)) expect(w.cue, w.id).toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await page.close();
  });

  it('/docs is readable at 390 px and shows backticked names as code', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    const ticks = await page.evaluate(() => {
      const walker = document.createTreeWalker(
        document.querySelector('main')!,
        NodeFilter.SHOW_TEXT,
      );
      const found: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (n.textContent!.includes('`') && !n.parentElement!.closest('pre'))
          found.push(n.textContent!.slice(0, 80));
      return found;
    });
    expect(ticks).toEqual([]);
    const openapi = await (await fetch(`${server.url}/openapi.json`)).text();
    const named = /`([^`\s]{2,40})`/.exec(openapi)![1]!;
    const codes = await page.$$eval('main p code, main li code, main td code', (c) =>
      c.map((x) => x.textContent),
    );
    expect(codes).toContain(named);
    await page.close();
  });

  it('shows a worked example on first visit, labelled as the example, until an estimate replaces it', async () => {
    const page = await openPage(browser, server.url, pageErrors, LAPTOP);
    await page.waitForSelector('#results[data-example="true"]');
    expect(await page.isVisible('#example-label')).toBe(true);
    expect(await page.textContent('#example-label')).toBe('Example:');
    expect(await page.textContent('#status')).toMatch(/^Example, not your workload: /);
    expect(await page.isVisible('#toolbar')).toBe(false);
    const example = (await (
      await fetch(`${server.url}/v1/estimate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          location: 'aws:us-east-1',
          gpu: { model: 'H100 SXM', count: 8 },
          durationHours: 24,
        }),
      })
    ).json()) as EstimateResult;
    expect(await page.textContent('#metric-emissions .value')).toBe(
      `${sig3(example.emissionsKgCo2e.total)} kgCO2e`,
    );
    expect(new URL(page.url()).search).toBe('');
    await page.selectOption('#f-preset', 'llm-finetune-lora-8xh100');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
    expect(await page.isVisible('#example-label')).toBe(false);
    expect(await page.getAttribute('#results', 'data-example')).toBeNull();
    await page.close();
  });
});
