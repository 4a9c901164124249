// The page in real headless chromium against the real Node server on 127.0.0.1: presets, the
// estimate, every chart's datasets, API errors beside their fields, share links, exports (the printed
// report: report.test.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ZoneHourlyProfile } from '../../src/service/zone-profile.ts';
import type { CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { type Browser, withServerAndBrowser } from './browser.ts';

const SHOTS = 'test-output/screenshots';
const PRESET = 'llm-finetune-lora-8xh100';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const sig3 = (n: number) => new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(n);

interface ChartData {
  type: string;
  labels: string[];
  datasets: { label: string; data: (number | null)[] }[];
}

describe('the page in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, (s, b) => {
    [server, browser] = [s, b];
    mkdirSync(SHOTS, { recursive: true });
  });

  const api = async <T>(path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await fetch(
      server.url + path,
      body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    return { status: res.status, json: (await res.json()) as T };
  };

  async function open(path = '/', width = 1280): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.url + path);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  async function estimateWithPreset(page: Page, preset = PRESET): Promise<void> {
    await page.selectOption('#f-preset', preset);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
  }

  const chartData = (page: Page, id: string) =>
    page
      .$eval(`#${id}`, (canvas) => (canvas as HTMLCanvasElement).dataset.chart ?? null)
      .then((s) => (s === null ? null : (JSON.parse(s) as ChartData)));

  /** True when the canvas has drawn pixels (chart.js rendered, every component registered). */
  const painted = (page: Page, id: string) =>
    page.$eval(`#${id}`, (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });

  it('fills the form from a preset, estimates, and renders the numbers and every chart', async () => {
    const page = await open();
    const presets = await api<{ presets: { id: string; workload: Record<string, unknown> }[] }>(
      '/v1/presets',
    );
    expect(await page.$$eval('#f-preset option', (o) => o.length)).toBe(
      presets.json.presets.length + 1,
    );
    await page.selectOption('#f-preset', PRESET);
    expect(await page.inputValue('#f-instance-type')).toBe('aws:p5.48xlarge');
    expect(await page.inputValue('#f-location')).toBe('aws:us-east-1');
    expect(await page.textContent('#preset-info')).toContain('LoRA');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');

    const workload = presets.json.presets.find((p) => p.id === PRESET)!.workload;
    const expected = (await api<EstimateResult>('/v1/estimate', workload)).json;
    const e = expected.emissionsKgCo2e;
    expect(await page.textContent('#metric-emissions .value')).toContain(sig3(e.total));
    expect(await page.textContent('#metric-emissions .range')).toBe(
      `range ${sig3(e.low)}–${sig3(e.high)} kgCO2e`,
    );
    expect(await page.textContent('#metric-energy .value')).toContain(
      sig3(expected.energyKwh.total),
    );
    expect(await page.textContent('#equivalent')).toMatch(
      /km driven by an average petrol car.*400 g CO2 per mile.*US EPA/s,
    );
    expect(await page.textContent('#status')).toContain('Estimate ready');
    // The factors table: the run's hours first (not a factor of the answer), then every factor the answer lists.
    const factorRows = await page.$$eval('#table-factors tbody tr', (rows) =>
      rows.map((r) => r.children[0]!.textContent),
    );
    expect(factorRows[0]).toBe('Duration');
    expect(factorRows.slice(-expected.factors.length)).toEqual(
      expected.factors.map((f) => f.label),
    );

    const breakdown = await chartData(page, 'chart-breakdown');
    expect(breakdown?.datasets.map((d) => d.label)).toEqual([
      'Operational (location-based)',
      'Embodied',
    ]);
    expect(breakdown?.labels).toEqual(
      expect.arrayContaining(['CPU', 'GPU', 'Memory', 'Overhead (PUE)', 'Embodied']),
    );
    const drawn = breakdown!.datasets
      .flatMap((d) => d.data)
      .reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(drawn).toBeCloseTo(e.location + e.embodied, 6);

    const compared = (await api<CompareResult>('/v1/compare', { workload, top: 10 })).json;
    const compare = await chartData(page, 'chart-compare');
    expect(compare?.datasets).toHaveLength(1);
    expect(compare?.datasets[0]!.data).toHaveLength(16);
    expect(compare?.labels[0]).toBe(compared.table[0]!.regionId);
    expect(compare?.labels).toContain('aws:us-east-1 (chosen)');
    expect(compare?.labels.at(-1)).toBe(compared.table.at(-1)!.regionId);
    expect(
      await page.$$eval('table[data-table="region-comparison"] tr.chosen', (rows) => rows.length),
    ).toBe(1);

    const suggest = (
      await api<SuggestResult>('/v1/suggest', { workload, top: 5, flexibility: { delayHours: 24 } })
    ).json;
    const hardware = await chartData(page, 'chart-hardware');
    expect(hardware?.datasets.map((d) => d.label)).toEqual([
      'Operational (location-based)',
      'Embodied',
    ]);
    // Display names from the catalogue, not ids (issue 15).
    const gpuNames = new Map(
      (
        await api<{ gpus: { items: { id: string; name: string }[] } }>(
          '/v1/hardware?kind=gpus&limit=500',
        )
      ).json.gpus.items.map((g) => [g.id, g.name]),
    );
    expect(hardware?.labels).toEqual([
      `${gpuNames.get('nvidia-h100-sxm')} (as given)`,
      ...suggest.hardware.map((h) => gpuNames.get(h.change.gpu!)),
    ]);
    expect(hardware?.datasets[0]!.data[0]).toBeCloseTo(suggest.asGiven.emissionsKgCo2e.location, 9);
    const cards =
      Math.min(3, suggest.region.length) +
      Math.min(3, suggest.time.length) +
      Math.min(3, suggest.hardware.length) +
      (suggest.best.kgCo2eSaved > 0 ? 1 : 0);
    expect(await page.$$eval('#suggestions .suggestion', (els) => els.length)).toBe(cards);
    expect(await page.textContent('#suggestions')).toContain(
      `saves ${sig3(suggest.region[0]!.kgCo2eSaved)} kgCO2e`,
    );

    const zone = (await api<ZoneHourlyProfile>('/v1/zones/US-MIDA-PJM/profile')).json;
    const month = new Date().getUTCMonth();
    expect(await chartData(page, 'chart-profile')).toEqual({
      type: 'line',
      labels: Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
      datasets: [
        {
          label: `Typical ${MONTHS[month]} day, US-MIDA-PJM, ${zone.year}`,
          data: zone.months[month],
        },
      ],
    });

    for (const id of ['chart-breakdown', 'chart-compare', 'chart-hardware', 'chart-profile']) {
      expect(await painted(page, id), id).toBe(true);
      expect(await page.getAttribute(`#${id}`, 'aria-label'), id).toMatch(/\w/);
      expect(
        await page.$(`#${id} >> xpath=ancestor::section[1]//table`),
        `${id} has a table`,
      ).not.toBeNull();
    }
    await page.screenshot({ path: `${SHOTS}/desktop-result.png`, fullPage: true });
    await page.close();
  });

  it('shades the run as given and the suggested start window on the hourly profile', async () => {
    const page = await open();
    await page.fill('#f-durationHours', '6');
    await page.click('details.more > summary');
    await page.fill('#f-start', '2026-06-01T08:00');
    await page.fill('#f-delay', '24');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');

    const start = '2026-06-01T08:00:00Z';
    const workload = {
      location: 'aws:us-east-1',
      gpu: { model: 'H100 SXM', count: 8 },
      durationHours: 6,
      start,
    };
    const suggest = (
      await api<SuggestResult>('/v1/suggest', { workload, top: 5, flexibility: { delayHours: 24 } })
    ).json;
    const best = suggest.time[0]!;
    const offset = (Date.parse(best.change.start!) - Date.parse(start)) / 3_600_000;
    expect(offset).toBeGreaterThan(0);
    const zone = (
      await api<ZoneHourlyProfile>(
        `/v1/zones/US-MIDA-PJM/profile?start=${encodeURIComponent(start)}&hours=30`,
      )
    ).json;

    const profile = (await chartData(page, 'chart-profile'))!;
    expect(profile.labels).toHaveLength(30);
    expect(profile.labels[0]).toBe('06-01 08:00');
    expect(profile.datasets.map((d) => d.label)).toEqual([
      `US-MIDA-PJM, hours of ${zone.year}`,
      'Run as given',
      'Suggested start window',
    ]);
    expect(profile.datasets[0]!.data).toEqual(zone.slice!.values);
    const shaded = (i: number) =>
      profile.datasets[i]!.data.flatMap((v, h) => (v === null ? [] : [h]));
    expect(shaded(1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shaded(2)).toEqual([0, 1, 2, 3, 4, 5].map((h) => h + offset));
    expect(await painted(page, 'chart-profile')).toBe(true);
    const when = `start at ${best.change.start!.slice(0, 16).replace('T', ' ')} UTC`;
    expect(await page.textContent('#profile .panel-note')).toContain(when);
    expect(await page.textContent('#suggestions')).toContain(`Start it later: ${when}`);
    await page.locator('#profile').screenshot({ path: `${SHOTS}/desktop-profile-window.png` });
    await page.close();
  });

  it("shows the API's message next to the field its path names, with aria-invalid and aria-describedby", async () => {
    const page = await open('/', 360);
    await page.fill('#f-gpu-count', '-2');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-state="error"]');
    const refused = await api<{ errors: { path: string; message: string }[] }>('/v1/estimate', {
      location: 'aws:us-east-1',
      gpu: { model: 'H100 SXM', count: -2 },
      durationHours: 24,
      embodied: true,
    });
    expect(refused.status).toBe(422);
    const message = refused.json.errors.find((x) => x.path === 'gpu.count')!.message;
    expect(await page.textContent('#err-f-gpu-count')).toBe(message);
    expect(await page.getAttribute('#f-gpu-count', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-gpu-count', 'aria-describedby')).toContain(
      'err-f-gpu-count',
    );
    expect(await page.getAttribute('#form-errors a', 'href')).toBe('#f-gpu-count');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-errors');
    await page.screenshot({ path: `${SHOTS}/phone-error.png`, fullPage: true });

    // The field keeps what was typed (a text field with a decimal keypad), so the API can quote it.
    await page.fill('#f-gpu-count', '8e');
    await page.click('button[type="submit"]');
    await page.waitForFunction(() =>
      document.querySelector('#err-f-gpu-count')?.textContent?.includes("'8e' is not a number"),
    );

    await page.fill('#f-gpu-count', '2');
    await page.fill('#f-gpu-model', 'H1000');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#err-f-gpu-model');
    expect(await page.textContent('#err-f-gpu-model')).toContain(
      "'H1000' is not a GPU or accelerator in the catalogue; did you mean NVIDIA H100 SXM5 80GB",
    );
    expect(await page.$('#err-f-gpu-count')).toBeNull();
    expect(await page.getAttribute('#f-gpu-count', 'aria-invalid')).toBeNull();
    await page.close();
  });

  it('restores the form and the same result from the share URL', async () => {
    const page = await open();
    await estimateWithPreset(page);
    await page.selectOption('#f-compare-provider', 'gcp');
    const url = page.url();
    expect(url).toContain(`preset=${PRESET}`);
    expect(url).toContain('compareProvider=gcp');
    const before = await page.textContent('#headline');
    const compareBefore = await chartData(page, 'chart-compare');
    expect(compareBefore?.labels.every((l) => /^gcp:|\(chosen\)/.test(l))).toBe(true);

    const copy = await browser.context.newPage();
    copy.on('pageerror', (err) => pageErrors.push(err.message));
    await copy.goto(url);
    await copy.waitForSelector('#results[data-panels="done"]');
    expect(await copy.inputValue('#f-preset')).toBe(PRESET);
    expect(await copy.inputValue('#f-instance-type')).toBe('aws:p5.48xlarge');
    expect(await copy.inputValue('#f-compare-provider')).toBe('gcp');
    expect(await copy.textContent('#headline')).toBe(before);
    expect(await chartData(copy, 'chart-compare')).toEqual(compareBefore);
    await Promise.all([page.close(), copy.close()]);
  });

  it('exports the rows shown as CSV, and the whole answer as JSON', async () => {
    const page = await open();
    await estimateWithPreset(page);
    await page.selectOption('#f-compare-provider', 'azure');
    const shown = await page.$$eval('table[data-table="region-comparison"] tbody tr', (rows) =>
      rows.map((r) => r.children[1]!.textContent),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((id) => id.startsWith('azure:'))).toBe(true);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#btn-csv'),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`gridshift-${PRESET}.csv`);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const blocks = csv.split('\r\n\r\n').map((b) => b.split('\r\n'));
    const comparison = blocks.find((b) => b[0]!.startsWith('"Region comparison, Azure'))!;
    expect(comparison[1]).toBe(
      'Rank,Region,Name,Country,Grid zone,gCO2e/kWh,kgCO2e,Low,High,Market-based kgCO2e,Saving kg,Saving %',
    );
    expect(comparison.slice(2).map((line) => line.split(',')[1])).toEqual(shown);
    const captions = blocks.map((b) => b[0]!.replace(/^"|"$/g, ''));
    expect(captions).toEqual(
      expect.arrayContaining([
        'Result',
        'Energy and emissions by component',
        'Hardware alternatives (same work, time scaled by throughput)',
        'Factors used',
      ]),
    );
    expect(captions.some((c) => c.startsWith('Greener options against'))).toBe(true);
    expect(captions.some((c) => c.startsWith('Typical '))).toBe(true);
    const total = Number(blocks.find((b) => b[0] === 'Result')![2]!.split(',')[1]);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#btn-json'),
    ]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
      estimate: EstimateResult;
      form: Record<string, string>;
    };
    // CSV to four significant digits; the JSON export keeps the API's full precision.
    expect(Number(json.estimate.emissionsKgCo2e.total.toPrecision(4))).toBe(total);
    expect(json.estimate.emissionsKgCo2e.total).not.toBe(total);
    expect(json.form.preset).toBe(PRESET);
    await page.close();
  });

  it('works by keyboard alone at phone width: every control labelled, Enter estimates, no sideways scrolling', async () => {
    const page = await open('/', 360);
    const unlabelled = await page.$$eval(
      '#workload-form input, #workload-form select, #f-compare-provider',
      (els) => els.filter((el) => (el as HTMLInputElement).labels?.length === 0).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await page.focus('#f-preset');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-location-search');
    await page.keyboard.type('stockholm gcp');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-location');
    expect(
      await page.$$eval('#f-location option', (o) => o.map((x) => (x as HTMLOptionElement).value)),
    ).toContain('gcp:europe-north2');
    await page.selectOption('#f-location', 'gcp:europe-north2');
    await page.focus('#f-durationHours');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results[data-panels="done"]');
    expect(await page.textContent('#resolved')).toContain('gcp:europe-north2');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.screenshot({ path: `${SHOTS}/phone-result.png`, fullPage: true });
    await page.close();
  });

  it('runs under a strict Content-Security-Policy (no inline script, style or handler needed)', async () => {
    const csp =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on(
      'console',
      (m) => m.text().includes('Content Security Policy') && violations.push(m.text()),
    );
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.route(`${server.url}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': csp },
      });
    });
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
    await estimateWithPreset(page);
    expect(await painted(page, 'chart-compare')).toBe(true);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('methodology page lists every dataset with its licence from /v1/sources', async () => {
    const page = await open('/methodology.html');
    await page.waitForSelector('table[data-table="sources"]');
    const sources = (await api<{ count: number }>('/v1/sources')).json;
    expect(await page.$$eval('table[data-table="sources"] tbody tr', (r) => r.length)).toBe(
      sources.count,
    );
    const text = await page.textContent('main');
    for (const phrase of [
      'ODbL',
      'Electricity Maps',
      'CC BY 4.0',
      'Ember',
      'Our World in Data',
      'In and out of scope',
      '6 · N · D',
    ])
      expect(text).toContain(phrase);
    await page.close();
  });
});
