// Issue 15, item 7, in real chromium: what users of peer calculators expect. Equivalents beyond car
// km, each with its published factor, source and year; for inference the per-request figure and the
// same scaled to N users a day (N editable); the plan and the best suggestion side by side.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { openPage, type Browser, withServerAndBrowser } from './browser.ts';

const sig3 = (n: number) => new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(n);
const num = (n: number) =>
  Math.abs(n) >= 1000
    ? new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(n)
    : sig3(n);

describe('what peers’ users expect', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, (s, b) => {
    [server, browser] = [s, b];
  });

  /** Picks a preset, estimates, and returns the bodies the page sent to /v1/estimate and /v1/suggest. */
  async function run(page: Page, preset: string) {
    const sent: Record<string, unknown> = {};
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (req.method() === 'POST') sent[path] = JSON.parse(req.postData() ?? '{}');
    });
    await page.selectOption('#f-preset', preset);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
    const post = async <T>(path: string): Promise<T> =>
      (await (
        await fetch(server.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sent[path]),
        })
      ).json()) as T;
    return {
      estimate: await post<EstimateResult>('/v1/estimate'),
      suggest: await post<SuggestResult>('/v1/suggest'),
    };
  }

  it('shows car, flight, household-electricity and streaming equivalents, each with factor, source and year', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    const { estimate } = await run(page, 'llm-finetune-lora-8xh100');
    const kg = estimate.emissionsKgCo2e.total;
    const kwh = estimate.energyKwh.total;
    const items = await page.$$eval('#equivalent li', (li) =>
      li.map((x) => ({
        id: (x as HTMLElement).dataset.equivalent,
        text: x.textContent ?? '',
        href: x.querySelector('a')?.getAttribute('href'),
      })),
    );
    expect(items.map((i) => i.id)).toEqual(['car-km', 'flight-km', 'home-days', 'streaming-hours']);
    const [car, flight, home, streaming] = items;
    // Published factors: EPA 400 g CO2/mile; BEIS 2020 171 g/passenger-km; EIA 2022 10,791 kWh a year; 36 g per streamed hour.
    expect(car!.text).toContain(
      `≈ ${num(kg / (0.4 / 1.609344))} km driven by an average petrol car`,
    );
    expect(car!.text).toMatch(/US EPA.*2023/);
    expect(flight!.text).toContain(`≈ ${num(kg / 0.171)} passenger-km flown in economy class`);
    expect(flight!.text).toMatch(/BEIS, 2020/);
    expect(home!.text).toContain(
      `≈ ${num(kwh / (10791 / 365))} days of the electricity an average US home uses`,
    );
    expect(home!.text).toMatch(/US EIA.*2022/);
    expect(streaming!.text).toContain(`≈ ${num(kg / 0.036)} hours of video streaming`);
    expect(streaming!.text).toMatch(/Carbon Brief.*2020/);
    for (const item of items) expect(item.href).toMatch(/^https:\/\//);
    // Not an inference run: no per-request block.
    expect(await page.isVisible('#per-request')).toBe(false);
    await page.close();
  });

  it('for inference shows the per-request figure and scales it to N users a day, N editable', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    const { estimate } = await run(page, 'llm-chat-inference');
    const per = estimate.ai!.perRequest!;
    expect(await page.isVisible('#per-request')).toBe(true);
    expect(await page.textContent('#per-request-figure')).toContain(
      `Per request: ${num(per.wh)} Wh and ${num(per.gCo2e)} gCO2e`,
    );
    await page.fill('#f-users', '250000');
    const scaled = (await page.textContent('#per-request-scaled'))!;
    expect(scaled).toContain('250,000 users a day');
    expect(scaled).toContain(`${num((per.wh * 250000) / 1000)} kWh`);
    const yearKg = (per.gCo2e * 250000 * 365) / 1000;
    const unit = yearKg >= 1000 ? 't' : 'kg';
    const inUnit = (k: number) => num(unit === 't' ? k / 1000 : k);
    expect(scaled).toContain(`${inUnit(yearKg / 365)} ${unit}CO2e a day`);
    expect(scaled).toContain(`${inUnit(yearKg)} ${unit}CO2e a year`);
    await page.close();
  });

  it('puts the plan and the best suggestion side by side with the difference', async () => {
    const page = await openPage(browser, server.url, pageErrors);
    const { suggest } = await run(page, 'llm-finetune-lora-8xh100');
    expect(suggest.best.kgCo2eSaved).toBeGreaterThan(0);
    const rows = await page.$$eval('#table-scenarios tbody tr', (tr) =>
      tr.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')),
    );
    expect(rows.map((r) => r[0])).toEqual([
      'Emissions',
      'Range',
      'Energy',
      'Where',
      'Start',
      'GPU',
      'Run time',
    ]);
    const planned = suggest.asGiven.emissionsKgCo2e.total;
    const best = suggest.best.emissionsKgCo2e.total;
    expect(rows[0]![1]).toBe(`${sig3(planned)} kgCO2e`);
    expect(rows[0]![2]).toBe(`${sig3(best)} kgCO2e`);
    expect(rows[0]![3]).toBe(
      `−${sig3(planned - best)} kgCO2e (−${sig3(((planned - best) / planned) * 100)} %)`,
    );
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#btn-csv')]);
    expect(readFileSync(await csv.path(), 'utf8')).toContain(
      '"As planned and with the best suggestion, side by side"\r\n,As planned,Best suggestion,Difference\r\nEmissions,',
    );
    const where = rows[3]!;
    if (suggest.best.change.location) {
      expect(where[2]).toContain(suggest.best.change.location);
      expect(where[3]).toBe('changed');
    }
    await page.close();
  });
});
