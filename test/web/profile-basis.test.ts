// The hourly profile panel in real headless chromium on the one data basis (issue 15): in a zone with
// hourly data the chart's hours are the estimate's (shape scaled to the annual level); in a zone without,
// the profile answers 200 and the panel says why, with no failed request.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { type Browser, withServerAndBrowser } from './browser.ts';

interface ChartData {
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

describe('the hourly profile panel in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, (s, b) => {
    [server, browser] = [s, b];
    mkdirSync('test-output/screenshots', { recursive: true });
  });

  /** Opens the page, records every API answer's status by path, and estimates at `location`. */
  async function estimateAt(
    location: string,
    start?: string,
  ): Promise<Page & { statuses: Map<string, number> }> {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const statuses = new Map<string, number>();
    page.on('response', (res) => statuses.set(new URL(res.url()).pathname, res.status()));
    await page.goto(server.url + '/');
    await page.waitForSelector('html[data-ready="true"]');
    await page.selectOption('#f-location', location);
    await page.fill('#f-durationHours', '6');
    if (start) {
      await page.click('details.more > summary');
      await page.fill('#f-start', start);
    }
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
    return Object.assign(page, { statuses });
  }

  it('says there is no hourly profile for a zone without hourly data, without a failed request', async () => {
    const page = await estimateAt('US');
    expect(page.statuses.get('/v1/zones/US/profile')).toBe(200);
    expect([...page.statuses.values()].filter((s) => s >= 400)).toEqual([]);
    const note = await page.textContent('#profile .panel-note');
    // US 2025 annual: 414 g (data/built/grid.ts)
    expect(note).toBe(
      'No hourly data for grid zone US: estimates use its annual average (414 gCO2e/kWh in 2025), with no daily shape.',
    );
    expect(
      await page.$eval('#chart-profile', (c) => (c as HTMLCanvasElement).dataset.chart ?? null),
    ).toBeNull();
    // Neither an empty chart area nor an empty table: the note is the panel's content.
    expect(await page.isVisible('#chart-profile')).toBe(false);
    expect(await page.$$('#table-profile table')).toEqual([]);
    expect(await page.textContent('#headline .grid-basis')).toContain(
      'the 2025 annual average (no hourly shape used)',
    );
    // A country is no cloud region: the comparison speaks of the estimate, not of its first region.
    expect(await page.textContent('#compare .panel-note')).toMatch(
      /^United States is a country, not a cloud region; the lowest of \d+ regions, .+ % less than this estimate \(/,
    );
    await page
      .locator('#profile')
      .screenshot({ path: 'test-output/screenshots/profile-no-hourly.png' });
    // The next estimate, in a zone with hourly data, shows the chart and its table again; back to US, neither.
    await page.selectOption('#f-location', 'aws:eu-west-1');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#chart-profile[data-chart]');
    expect(await page.isVisible('#chart-profile')).toBe(true);
    expect(await page.$$('#table-profile table')).toHaveLength(1);
    await page.selectOption('#f-location', 'US');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#chart-profile:not([data-chart])', { state: 'attached' });
    await page.waitForSelector('#table-profile:empty', { state: 'attached' });
    expect(await page.isVisible('#chart-profile')).toBe(false);
    await page.close();
  });

  it("draws the run's hours on the estimate's basis: their mean is the estimate's intensity", async () => {
    const page = await estimateAt('aws:eu-west-1', '2026-03-01T22:00');
    const chart = JSON.parse(
      (await page.$eval('#chart-profile', (c) => (c as HTMLCanvasElement).dataset.chart!)) ?? '',
    ) as ChartData;
    const res = await fetch(`${server.url}/v1/estimate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        location: 'aws:eu-west-1',
        gpu: { model: 'H100 SXM', count: 8 },
        durationHours: 6,
        start: '2026-03-01T22:00:00Z',
      }),
    });
    const estimate = (await res.json()) as EstimateResult;
    const run = chart.datasets[0]!.data.slice(0, 6) as number[];
    const mean = run.reduce((a, b) => a + b, 0) / run.length;
    // The chart's values are rounded to 0.1 g; the level is IE's 2025 annual 301 g.
    expect(estimate.resolved.location.hourly?.level.gCo2ePerKwh).toBe(301);
    expect(Math.abs(mean - estimate.resolved.location.intensityGCo2ePerKwh)).toBeLessThan(0.05);
    expect(await page.$eval('#chart-profile', (c) => c.getAttribute('aria-label') ?? '')).toContain(
      'the hourly shape of 2022 scaled to the 2025 annual average, 301 gCO2e/kWh',
    );
    // The headline names the same basis in words (issue 15: "say so … in the headline").
    expect(await page.textContent('#headline .grid-basis')).toContain(
      'the hourly shape of 2022 scaled to the 2025 annual average (301 gCO2e/kWh)',
    );
    await page.close();
  });
});
