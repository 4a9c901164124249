// Issue 15, item 5, in real chromium: numbers for people. One mass unit per view, digit grouping
// everywhere, huge counts in scientific notation, catalogue names instead of ids, CSV rounded to
// four significant digits while the JSON export keeps the API's full precision.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { openPage, type Browser, withServerAndBrowser } from './browser.ts';

const BIG = 'llm-pretrain-70b';

describe('numbers for people', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, async (s, b) => {
    [server, browser] = [s, b];
    page = await openPage(browser, server.url, pageErrors);
    await page.selectOption('#f-preset', BIG);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
  });

  const estimate = async () => {
    const presets = (await (await fetch(`${server.url}/v1/presets`)).json()) as {
      presets: { id: string; workload: unknown }[];
    };
    const workload = presets.presets.find((p) => p.id === BIG)!.workload;
    const res = await fetch(`${server.url}/v1/estimate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(workload),
    });
    return (await res.json()) as EstimateResult;
  };

  it('shows every mass of a tonne-sized result in t, never kg beside it', async () => {
    const e = (await estimate()).emissionsKgCo2e;
    expect(e.total).toBeGreaterThan(1000);
    const tonnes = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(
      e.total / 1000,
    );
    expect(await page.textContent('#metric-emissions .value')).toBe(`${tonnes} tCO2e`);
    for (const selector of ['#headline', '#status', '#suggestions-body', '#compare .panel-note'])
      expect(await page.textContent(selector), selector).not.toMatch(/\bkg/);
    expect(await page.textContent('#headline')).toMatch(
      /operational \(location-based\) [\d.,]+ tCO2e/,
    );
    const headers = await page.$$eval('table thead th', (th) => th.map((x) => x.textContent ?? ''));
    expect(headers.filter((h) => /kg/.test(h))).toEqual([]);
    expect(headers).toContain('Operational tCO2e');
  });

  it('groups digits and writes huge counts in scientific notation', async () => {
    const resolved = (await page.textContent('#resolved'))!;
    const gpu = (await estimate()).resolved.gpu!;
    expect(gpu.count).toBe(2048);
    expect(resolved).toContain(`2,048 × ${gpu.name}`);
    expect(resolved).not.toMatch(/\b2048\b/);
    // 6 × 7e10 × 2e12 = 8.4e23 FLOPs
    expect(resolved).toContain('8.4 × 10²³ FLOPs');
    expect(resolved).not.toMatch(/\d{1,3}(,\d{3}){4,}/);
  });

  it('names GPUs by their catalogue names, not ids', async () => {
    const gpus = (await (await fetch(`${server.url}/v1/hardware?kind=gpus&limit=500`)).json()) as {
      gpus: { items: { id: string; name: string }[] };
    };
    const names = new Set(gpus.gpus.items.map((g) => g.name));
    const ids = new Set(gpus.gpus.items.filter((g) => g.name !== g.id).map((g) => g.id));
    const rows = await page.$$eval('table[data-table="hardware-alternatives"] tbody th', (th) =>
      th.map((x) => x.textContent ?? ''),
    );
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toBe(`${(await estimate()).resolved.gpu!.name} (as given)`);
    for (const row of rows.slice(1)) {
      expect(names.has(row), row).toBe(true);
      expect(ids.has(row), row).toBe(false);
    }
    const suggestions = (await page.textContent('#suggestions-body'))!;
    for (const id of ids) expect(suggestions).not.toContain(`GPU ${id}`);
  });

  it('exports CSV numbers to four significant digits and JSON at full precision', async () => {
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#btn-csv'),
    ]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    const numbers = csv
      .split('\r\n')
      .flatMap((line) => line.split(','))
      .filter((cell) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell));
    expect(numbers.length).toBeGreaterThan(20);
    for (const cell of numbers) {
      const digits = cell
        .replace(/^-/, '')
        .replace(/e[+-]?\d+$/i, '')
        .replace('.', '');
      expect(digits.replace(/^0+/, '').replace(/0+$/, '').length, cell).toBeLessThanOrEqual(4);
    }
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#btn-json'),
    ]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')) as {
      estimate: EstimateResult;
    };
    expect(json.estimate.emissionsKgCo2e).toEqual((await estimate()).emissionsKgCo2e);
  });
});
