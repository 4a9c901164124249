// The printed report in real headless chromium against the real Node server on 127.0.0.1: every part
// a reader needs (title, summary, figures, inputs in words, assumptions, sources by title, links,
// date, version, how to cite), laid out within an A4 and a Letter page, printed to PDF and read back.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import type { EstimateResult } from '../../src/core/schemas.ts';
import type { RunningServer } from '../../src/node/server.ts';
import { type Browser, withServerAndBrowser } from './browser.ts';
import { pdfPagesText } from './pdf-text.ts';

const OUT = 'test-output/report';
const PRESET = 'llm-finetune-lora-8xh100';
/** Text block width of each paper at the report's 12 mm side margins, in CSS px (96 per inch). */
const PAPERS = [
  { format: 'A4', widthPx: Math.floor(((210 - 24) / 25.4) * 96), mediaBox: [595, 842] },
  { format: 'Letter', widthPx: Math.floor((8.5 - 24 / 25.4) * 96), mediaBox: [612, 792] },
] as const;
/** Headings and fixed text every printed report holds. */
const PARTS = [
  'Carbon estimate report',
  'Summary',
  'Inputs',
  'Where the emissions come from',
  'Same workload in other regions',
  'Grid intensity over time and the start window',
  'Greener options',
  'Assumptions',
  'Factors',
  'Sources and licences',
  'Full methodology:',
  'Share link (opens this estimate again):',
  'How to cite',
  '@misc{gridshift-',
];
/** PDF text runs lines together and uses ligatures: compare without whitespace, ligatures undone. */
const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const sig3 = (n: number) => new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(n);

interface Scaled {
  shape: { year: number };
  level: { year: number; gCo2ePerKwh: number };
}

interface Source {
  id: string;
  title: string;
  licence: string;
}

describe('the printed report in headless chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let catalogue: Source[];
  const pageErrors: string[] = [];

  withServerAndBrowser(pageErrors, async (s, b) => {
    [server, browser] = [s, b];
    mkdirSync(OUT, { recursive: true });
    catalogue = (await api<{ sources: Source[] }>('/v1/sources')).sources;
  });

  async function api<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(server.url + path, {
      ...(body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  /** Opens the page, records the bodies it posts, runs `fill`, estimates and waits for every panel. */
  async function estimate(
    fill: (page: Page) => Promise<void>,
  ): Promise<{ page: Page; sent: Map<string, unknown> }> {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const sent = new Map<string, unknown>();
    page.on('request', (req) => {
      if (req.method() === 'POST') sent.set(new URL(req.url()).pathname, req.postDataJSON());
    });
    await page.goto(server.url + '/');
    await page.waitForSelector('html[data-ready="true"]');
    await fill(page);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
    await page.emulateMedia({ media: 'print' });
    return { page, sent };
  }

  const text = (page: Page, selector: string) =>
    page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

  /** Elements of the report wider than the page's text block, and the document's own width. */
  const overflow = (page: Page, width: number) =>
    page.evaluate((w) => {
      const wide = Array.from(document.querySelectorAll('#report *'))
        .filter((el) => el.getBoundingClientRect().right > w + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
      return { wide, scrollWidth: document.documentElement.scrollWidth };
    }, width);

  /** What this page's report says that the PDF must hold too: name, date, links, citation. */
  const dynamicParts = (page: Page) =>
    page.$$eval(
      '#report-workload, #report-date, #report-method, #report-url, #report-methodology-url, #report-summary p, #report-cite-text',
      (els) => els.map((el) => el.textContent ?? ''),
    );

  async function printBoth(page: Page, name: string): Promise<void> {
    for (const paper of PAPERS) {
      await page.setViewportSize({ width: paper.widthPx, height: 1000 });
      expect(await overflow(page, paper.widthPx), paper.format).toEqual({
        wide: [],
        scrollWidth: paper.widthPx,
      });
      const pdf = await page.pdf({ format: paper.format });
      writeFileSync(`${OUT}/${name}-${paper.format}.pdf`, pdf);
      const raw = pdf.toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      const pages = raw.match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length, `${paper.format} pages`).toBeGreaterThanOrEqual(2);
      expect(pages.length, `${paper.format} pages`).toBeLessThanOrEqual(10);
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(raw);
      expect(box, 'MediaBox').not.toBeNull();
      expect(Math.round(Number(box![1]))).toBeCloseTo(paper.mediaBox[0], -1);
      expect(Math.round(Number(box![2]))).toBeCloseTo(paper.mediaBox[1], -1);
      // Its text holds every part of the report, the full links, and a page number on each page.
      const text = pdfPagesText(pdf).map(squash);
      expect(text).toHaveLength(pages.length);
      text.forEach((t, i) => expect(t).toContain(squash(`Page ${i + 1} of ${pages.length}`)));
      const all = text.join('');
      for (const part of [...PARTS, ...(await dynamicParts(page))])
        expect(all, `${paper.format}: ${part}`).toContain(squash(part));
      // The three chart snapshots are embedded as images (each may carry an alpha mask).
      expect((raw.match(/\/Subtype\s*\/Image\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect(pdf.byteLength).toBeGreaterThan(60_000);
      expect(pdf.byteLength).toBeLessThan(5_000_000);
    }
  }

  it('prints a preset run with a start: every part, phrased from the answers, on A4 and Letter', async () => {
    const { page, sent } = await estimate(async (p) => {
      await p.selectOption('#f-preset', PRESET);
      await p.$eval('#f-start', (el) => ((el as HTMLInputElement).value = '2025-03-01T00:00'));
      await p.selectOption('#f-location', 'aws:eu-west-1');
    });
    const body = sent.get('/v1/estimate') as Record<string, unknown>;
    expect(body).toMatchObject({ location: 'aws:eu-west-1', start: '2025-03-01T00:00:00Z' });
    const result = await api<EstimateResult>('/v1/estimate', body);
    const suggest = await api<SuggestResult>('/v1/suggest', sent.get('/v1/suggest'));
    const compare = await api<CompareResult>('/v1/compare', sent.get('/v1/compare'));
    const preset = (
      await api<{ presets: { id: string; name: string }[] }>('/v1/presets')
    ).presets.find((p) => p.id === PRESET)!;

    // Only the report prints.
    const shown = (selector: string) =>
      page.$eval(selector, (el) => (el as HTMLElement).offsetHeight > 0);
    for (const hidden of ['header.site', '#workload', '#results', 'footer.site'])
      expect(await shown(hidden), hidden).toBe(false);
    expect(await shown('#report')).toBe(true);

    // Title, workload name, date and methodology version.
    expect(await text(page, '#report-title')).toBe('Carbon estimate report');
    expect(await text(page, '#report-workload')).toBe(`${preset.name}, modified (location, start)`);
    expect(await text(page, '#report-date')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(await text(page, '#report-method')).toBe(result.methodologyVersion);

    // Three sentences: footprint with range, the biggest lever and its saving, the data basis.
    const summary = await text(page, '#report-summary p');
    const e = result.emissionsKgCo2e;
    expect(summary).toContain(
      `emit ${sig3(e.total)} kgCO2e (range ${sig3(e.low)} kgCO2e to ${sig3(e.high)} kgCO2e)`,
    );
    const options = [...suggest.region, ...suggest.time, ...suggest.hardware];
    const lever = options.reduce((a, b) => (b.kgCo2eSaved > a.kgCo2eSaved ? b : a));
    expect(summary).toContain(`The biggest lever is to run it in ${lever.label}`);
    expect(summary).toContain(`save ${sig3(lever.kgCo2eSaved)} kgCO2e (${sig3(lever.pctSaved)} %)`);
    expect(summary.match(/[.!?](?=\s|$)/g)).toHaveLength(3);
    const intensity = `${sig3(result.resolved.location.intensityGCo2ePerKwh)} gCO2e/kWh on average over the run for IE`;
    const method = await text(page, '#report-method-text');
    // The basis as the answer states it: with `resolved.location.hourly`, one year's hourly shape
    // scaled to another year's annual mean; before that field, the hourly series itself.
    const scaled = (result.resolved.location as unknown as { hourly?: Scaled | null }).hourly;
    if (scaled) {
      expect(summary).toContain(
        `${intensity}, follows the hourly shape of ${scaled.shape.year} scaled to the annual ${scaled.level.year} mean (${sig3(scaled.level.gCo2ePerKwh)} gCO2e/kWh).`,
      );
      expect(method).toContain(
        "the zone's hourly shape, scaled to the annual mean of the run's year",
      );
    } else {
      expect(summary).toContain(`${intensity}, is taken hour by hour`);
      expect(summary).toContain(`${result.resolved.location.year}`);
      expect(summary).not.toMatch(/annual \d{4} mean/);
      expect(method).toContain('hourly grid intensity');
      expect(method).not.toContain('annual');
    }

    // Inputs in words, from the body sent.
    const inputs = await text(page, '#report-inputs');
    expect(inputs).toContain(`GPUs 8 × ${result.resolved.gpu!.name} at 70% utilisation`);
    expect(inputs).toContain('Duration 36 hours');
    expect(inputs).toContain('Start 2025-03-01 00:00 UTC');
    expect(inputs).toContain(
      `Location ${result.resolved.location.name} (aws:eu-west-1, grid zone IE)`,
    );
    expect(inputs).not.toMatch(/=|gpu\.count|durationHours/);

    // The three charts as images, each with its table.
    for (const chart of ['chart-breakdown', 'chart-compare', 'chart-profile']) {
      const img = await page.$eval(`#report img[data-chart="${chart}"]`, (el) => ({
        src: (el as HTMLImageElement).src.slice(0, 22),
        width: (el as HTMLImageElement).naturalWidth,
        shown: (el as HTMLImageElement).getBoundingClientRect().height > 50,
      }));
      expect(img, chart).toEqual({
        src: 'data:image/png;base64,',
        width: expect.any(Number),
        shown: true,
      });
      expect(img.width, chart).toBeGreaterThan(100);
    }
    const total = await text(page, 'table[data-table="report-breakdown"] tbody tr:last-child');
    expect(total).toBe(`Total ${sig3(result.energyKwh.total)} ${sig3(e.total)}`);
    const own = compare.table.find((r) => r.regionId === 'aws:eu-west-1' && r.hardware === null)!;
    expect(await text(page, 'table[data-table="report-compare"] tr.chosen')).toBe(
      `${own.rank} ${own.name} (aws:eu-west-1) — chosen ${sig3(own.intensityGCo2ePerKwh)} ${sig3(own.emissionsKgCo2e.total)} 0`,
    );
    const best = suggest.time[0]!;
    const bestStart = `${best.change.start!.slice(0, 16).replace('T', ' ')} UTC`;
    expect(await text(page, 'table[data-table="report-time"]')).toContain(
      `Start at ${bestStart} ${sig3(best.emissionsKgCo2e.total)} ${sig3(best.pctSaved)}`,
    );

    // Assumptions as answered; sources by title and licence, never by id.
    const assumptions = await page.$$eval('#report-assumptions li', (li) =>
      li.map((l) => l.textContent),
    );
    expect(assumptions).toEqual(result.assumptions);
    const sources = await page.$$eval('#report-sources li', (li) =>
      li.map((l) => (l as HTMLElement).innerText),
    );
    for (const s of result.sources) {
      const entry = catalogue.find((c) => c.id === s.id)!;
      expect(
        sources.some((t) => t.includes(entry.title) && t.includes(entry.licence)),
        s.id,
      ).toBe(true);
    }
    const prose = await page.$eval('#report', (el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy
        .querySelectorAll('.report-url, .report-cite-text, .report-bibtex')
        .forEach((url) => url.remove());
      return copy.textContent ?? '';
    });
    for (const { id } of catalogue)
      expect(prose, id).not.toMatch(new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`));
    expect(await text(page, 'table[data-table="report-factors"]')).toMatch(/\[1\]/);

    // Links: the full methodology address and a share link that reopens this estimate and wraps.
    expect(await text(page, '#report-methodology-url')).toBe(`${server.url}/methodology.html`);
    expect(await text(page, '#report-url')).toBe(page.url());
    await page.setViewportSize({ width: PAPERS[0].widthPx, height: 1000 });
    expect(await page.$eval('#report-url', (el) => el.getClientRects().length)).toBeGreaterThan(1);

    // How to cite: plain text and BibTeX naming the workload, version, date and link.
    const cite = await text(page, '#report-cite-text');
    expect(cite).toContain(`Carbon estimate: ${preset.name}, modified (location, start).`);
    expect(cite).toContain(`Methodology version ${result.methodologyVersion}`);
    expect(cite).toContain(page.url());
    const bibtex = await page.$eval('#report-cite-bibtex', (el) => el.textContent ?? '');
    expect(bibtex).toMatch(/^@misc\{gridshift-\d{4}-\d\d-\d\d,\n/);
    expect(bibtex).toContain(`  url          = {${page.url()}},`);
    expect(bibtex).toContain(
      `title        = {Carbon estimate: ${preset.name}, modified (location, start)}`,
    );
    expect([...bibtex].filter((c) => c === '{').length).toBe(
      [...bibtex].filter((c) => c === '}').length,
    );

    await printBoth(page, 'preset-start');
    await page.close();
  });

  it('says "annual" only for an annual mean, names a free-entry workload in words, and prints', async () => {
    const { page, sent } = await estimate(async (p) => {
      // An inference model typed, then the task switched back to hours: the model is not sent.
      await p.selectOption('#f-ai-task', 'inference');
      await p.fill('#f-ai-model', 'llama-3.1-8b');
      await p.selectOption('#f-ai-task', '');
      await p.fill('#f-gpu-model', 'H100 SXM');
      await p.fill('#f-gpu-count', '8');
      await p.fill('#f-durationHours', '36');
    });
    const body = sent.get('/v1/estimate') as Record<string, unknown>;
    expect(body).not.toHaveProperty('start');
    expect(body).not.toHaveProperty('ai');
    const result = await api<EstimateResult>('/v1/estimate', body);
    const where = result.resolved.location;

    expect(await text(page, '#report-workload')).toBe(
      `8 × ${result.resolved.gpu!.name} for 36 hours in ${where.name}`,
    );
    expect(await text(page, '#report-summary p')).toContain(
      `The grid intensity is the annual ${where.year} mean for ${where.zone}, ${sig3(where.intensityGCo2ePerKwh)} gCO2e/kWh`,
    );
    expect(await text(page, '#report-method-text')).toContain('annual grid intensity');
    expect(await text(page, '#report-fig-time')).toContain(
      'No start time was given, so the chart shows a typical day of the month',
    );
    expect(await page.$$eval('table[data-table="report-hourly"]', (t) => t.length)).toBe(2);
    const inputs = await text(page, '#report-inputs');
    expect(inputs).toContain(`GPUs 8 × ${result.resolved.gpu!.name}`);
    expect(inputs).not.toMatch(/llama|inference|requests/i);
    await printBoth(page, 'free-annual');

    // Before printing, the report follows the region filter chosen on screen.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.selectOption('#f-compare-provider', 'gcp');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const regions = await page.$$eval('table[data-table="report-compare"] tbody th', (th) =>
      th.map((t) => t.parentElement!.children[1]!.textContent ?? ''),
    );
    expect(regions.length).toBeGreaterThan(1);
    for (const region of regions) expect(region).toMatch(/\(gcp:[\w-]+\)/);

    // An edit after the estimate: where the page marks the result out of date, so does the paper.
    await page.emulateMedia({ media: 'screen' });
    await page.fill('#f-gpu-count', '16');
    const stale = await page.$eval(
      '#results',
      (el) => (el as HTMLElement).dataset.stale === 'true',
    );
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.$$eval('#report .report-stale', (p) => p.length)).toBe(stale ? 1 : 0);
    expect(await text(page, '#report-inputs')).toContain('GPUs 8 ×');
    await page.close();
  });
  it('says a training run in words: model size and tokens, hours worked out, tonnes in the summary', async () => {
    const { page, sent } = await estimate(async (p) => {
      await p.selectOption('#f-preset', 'llm-pretrain-7b');
    });
    const result = await api<EstimateResult>('/v1/estimate', sent.get('/v1/estimate'));
    const presets = await api<{ presets: { id: string; name: string }[] }>('/v1/presets');
    const name = presets.presets.find((p) => p.id === 'llm-pretrain-7b')!.name;
    expect(await text(page, '#report-workload')).toBe(name);
    const inputs = await text(page, '#report-inputs');
    expect(inputs).toContain('AI training a 7-billion-parameter model on 2 trillion tokens');
    expect(inputs).toContain(
      `Duration not given: ${sig3(result.durationHours)} hours, as worked out from the workload`,
    );
    expect(inputs).toContain(`GPUs 1,024 × ${result.resolved.gpu!.name}`);
    const e = result.emissionsKgCo2e;
    expect(await text(page, '#report-summary p')).toContain(
      `emit ${sig3(e.total / 1000)} tCO2e (range ${sig3(e.low / 1000)} tCO2e to ${sig3(e.high / 1000)} tCO2e)`,
    );
    // A country is no cloud region: no row is "chosen" and no saving is measured from the first.
    expect(await text(page, '#report-fig-compare')).toContain(
      `${result.resolved.location.name} is a country, not a cloud region: compare these figures with the estimate for it, ${sig3(e.total / 1000)} tCO2e.`,
    );
    expect(await page.$$eval('table[data-table="report-compare"] tr.chosen', (r) => r.length)).toBe(
      0,
    );
    expect(await text(page, 'table[data-table="report-compare"] thead')).toBe(
      'Rank Region gCO2e/kWh tCO2e',
    );
    // One mass unit for the workload's masses, that of its total (issue 15: never t beside kg);
    // a factor's own unit (kgCO2e per device) stays in the factors table.
    for (const part of [
      '#report-summary',
      '#report-result',
      '#report-fig-breakdown',
      '#report-fig-compare',
      '#report-fig-time',
      '#report-options',
    ])
      expect(await text(page, part)).not.toMatch(/\bkgCO2e\b/);
    await printBoth(page, 'training');
    await page.close();
  });
});
