// The Cloud bill page in real headless chromium against the real Node server on 127.0.0.1, behind a
// proxy that records every request: a FOCUS file is worked out in the browser (the same summary and
// per-row CSV as the library gives in Node), drawn, exported, and never sent; a file that is not
// FOCUS is refused naming its missing columns; the estimator's first load stays within 250 KB gzip.
import { mkdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimator } from '../../src/data/index.ts';
import {
  readFocusHeader,
  type FocusOptions,
  type FocusSummary,
} from '../../src/service/focus/index.ts';
import { focusRowCsvChunks, openFocusStream } from '../../src/service/focus-stream.ts';
import { GridshiftError } from '../../src/service/problem.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.ts';
import { FOCUS_SAMPLE_PATH } from '../helpers/focus-sample.ts';

const SHOTS = 'test-output/screenshots';
const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;
/** Tests that wait for the worker (its script and tables load first): room for a loaded 2-core machine. */
const SLOW_MS = 180_000;
/** The page's number style: every integer digit from 1,000 up, else three significant digits. */
const shown = (n: number) =>
  new Intl.NumberFormat(
    'en',
    Math.abs(n) >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 },
  ).format(n);

/** The library and its shared reader over the same bytes in Node: what the page must reproduce. */
async function libraryRun(bytes: Buffer, options: FocusOptions = {}) {
  const stream = await openFocusStream(Readable.from([bytes]), estimator, options);
  let rowsCsv = '';
  for await (const text of focusRowCsvChunks(stream)) rowsCsv += text;
  const summary = stream.run.summary();
  return { rows: summary.rows, summary, rowsCsv };
}

// Chromium's V8 and Node's can differ in the last bit of a figure (seen in the sample's low/high
// sums; the same bundle in Node matches Node), so figures agree to 12 digits; texts and counts exactly.
const RELATIVE = 1e-12;

/** `actual` has the shape, texts and counts of `expected`, and its numbers to 12 digits. */
function expectSameSummary(actual: unknown, expected: unknown, path = 'summary'): void {
  if (typeof expected === 'number' && !Number.isInteger(expected)) {
    expect(typeof actual, path).toBe('number');
    const tolerance = RELATIVE * Math.max(Math.abs(expected), Number.MIN_VALUE);
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(tolerance);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    expected.forEach((e, i) => expectSameSummary((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, e] of Object.entries(expected))
      expectSameSummary((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
  } else expect(actual, path).toBe(expected);
}

/** The same per-row CSV: every cell identical but the four figures, which agree to their 4 digits. */
function expectSameRowsCsv(actual: string, expected: string): void {
  const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const [a, e] = [parse(actual), parse(expected)];
  expect(a.length).toBe(e.length);
  expect(a[0]).toEqual(e[0]);
  e.forEach((row, i) => {
    const got = a[i]!;
    expect([...got.slice(0, 3), ...got.slice(7)], `row ${i}`).toEqual([
      ...row.slice(0, 3),
      ...row.slice(7),
    ]);
    for (let j = 3; j < 7 && i > 0; j++)
      expect(Math.abs(Number(got[j]) - Number(row[j])), `row ${i} ${e[0]![j]}`).toBeLessThanOrEqual(
        1e-3 * Math.abs(Number(row[j])),
      );
  });
}

describe('the Cloud bill page in headless chromium', () => {
  let server: RunningServer;
  let proxy: RecordingProxy;
  let browser: Browser;
  const pageErrors: string[] = [];
  const sample = readFileSync(FOCUS_SAMPLE_PATH);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([
      startServer({ port: 0, hostname: '127.0.0.1', estimator }),
      launchBrowser(),
    ]);
    proxy = await startRecordingProxy(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
    expect(pageErrors).toEqual([]);
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(proxy.url + path);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  /** Chooses `file` and waits until the page has finished with it (done, refused or failed). */
  async function choose(
    page: Page,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<string> {
    await page.setInputFiles('#bill-file', file);
    await page.waitForSelector(
      'html[data-bill="done"], html[data-bill="refused"], html[data-bill="failed"]',
    );
    return page.$eval('html', (h) => h.dataset.bill ?? '');
  }

  const painted = (page: Page, id: string) =>
    page.$eval(`#${id}`, (canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });

  const chartData = (page: Page, id: string) =>
    page
      .$eval(`#${id}`, (canvas) => (canvas as HTMLCanvasElement).dataset.chart ?? 'null')
      .then((s) => JSON.parse(s) as { labels: string[]; datasets: { data: number[] }[] } | null);

  it(
    'works out the sample in the browser: the library’s summary, charts, moves, unmapped rows',
    async () => {
      // What the browser itself sends, wherever to (the proxy sees only what reaches this origin).
      const sent: string[] = [];
      const record = (r: Request) => sent.push(`${r.method()} ${r.url()}`);
      browser.context.on('request', record);
      const page = await open('/bills.html');
      const progress: number[] = [];
      await page.exposeFunction('recordProgress', (v: number) => progress.push(v));
      await page.evaluate(() => {
        const bar = document.getElementById('bill-progress') as HTMLProgressElement;
        new MutationObserver(() =>
          (window as unknown as { recordProgress(v: number): void }).recordProgress(bar.value),
        ).observe(bar, { attributes: true });
      });
      // The work runs in a Web Worker, off the page's thread, started (script fetched) as the page opened.
      const worker = page.workers()[0] ?? (await page.waitForEvent('worker'));
      expect(new URL(worker.url()).pathname).toBe('/dist/bills-worker.js');
      const before = proxy.requests.length;
      const state = await choose(page, {
        name: 'sample.csv',
        mimeType: 'text/csv',
        buffer: sample,
      });
      expect(state).toBe('done');
      const expected = await libraryRun(sample);

      // Nothing carried the file: no request at all while it was worked out, none with a body, no POST or PUT.
      expect(proxy.requests.slice(before)).toEqual([]);
      browser.context.off('request', record);
      expect(sent.filter((line) => !line.startsWith(`GET ${proxy.url}/`))).toEqual([]);
      expect(sent).toContain(`GET ${proxy.url}/dist/bills-worker.js`);
      const needle = sample.subarray(sample.indexOf('\n') + 1, sample.indexOf('\n') + 200);
      for (const r of proxy.requests) {
        expect(r.body.includes(needle), r.path).toBe(false);
        expect(['GET', 'HEAD'], r.path).toContain(r.method);
      }

      // The summary the page shows is the library's.
      const s = expected.summary;
      const kg = s.totals.kgCo2e;
      expect(await page.textContent('#bill-emissions .value')).toBe(`${shown(kg.total)} kgCO2e`);
      expect(await page.textContent('#bill-emissions .range')).toBe(
        `range ${shown(kg.low)} – ${shown(kg.high)} kgCO2e`,
      );
      expect(await page.textContent('#bill-energy .value')).toBe(
        `${shown(s.totals.energyKwh)} kWh`,
      );
      expect(await page.textContent('#bill-coverage .value')).toBe(
        `${Math.round(s.mappedCostShare! * 100)}%`,
      );
      expect(await page.textContent('#bill-coverage .range')).toContain(
        `${shown(s.mappedRows)} of ${shown(s.rows)} rows mapped`,
      );
      expect(await page.textContent('#bill-totals')).toContain(`${shown(kg.market)} kgCO2e`);
      expect(await page.textContent('#bill-status')).toContain(`${shown(expected.rows)} rows`);
      expect(progress.some((v) => v > 0 && v < 1)).toBe(true);
      expect(progress.at(-1)).toBe(1);

      // Charts by service, region and month: drawn, with the library's groups.
      for (const [id, groups] of [
        ['chart-service', s.groups.service!],
        ['chart-region', s.groups.region!],
        ['chart-month', s.groups.month!],
      ] as const) {
        expect(await painted(page, id), id).toBe(true);
        const chart = (await chartData(page, id))!;
        const drawn = chart.datasets[0]!.data.reduce((a, b) => a + b, 0);
        expect(drawn, id).toBeCloseTo(
          groups.reduce((a, g) => a + g.kgCo2e, 0),
          6,
        );
        expect(chart.labels.length, id).toBe(Math.min(groups.length, 12));
      }
      expect((await chartData(page, 'chart-service'))!.labels[0]).toBe(s.groups.service![0]!.key);
      expect((await chartData(page, 'chart-month'))!.labels).toEqual(
        s.groups.month!.map((g) => g.key).sort(),
      );

      // Moves and unmapped rows by reason, as the library lists them.
      expect(s.moves.length).toBeGreaterThan(0);
      const moves = await page.$$eval('table[data-table="moves"] tbody tr', (rows) =>
        rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]),
      );
      expect(moves).toEqual(s.moves.map((m) => [m.regionId, m.service]));
      expect(s.unmapped.length).toBeGreaterThan(0);
      const reasons = await page.$$eval('table[data-table="unmapped"] tbody tr', (rows) =>
        rows.map((r) => r.children[0]!.textContent),
      );
      expect(reasons).toEqual(s.unmapped.map((u) => u.reason));

      await page.screenshot({ path: `${SHOTS}/bills.png`, fullPage: true });

      // Exports: the summary JSON and the per-row CSV, byte for byte the library's.
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-summary'),
      ]);
      expect(json.suggestedFilename()).toBe('sample-footprint-summary.json');
      const summary = JSON.parse(readFileSync(await json.path(), 'utf8')) as FocusSummary;
      expectSameSummary(summary, expected.summary);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-rows')]);
      expect(csv.suggestedFilename()).toBe('sample-footprint-rows.csv');
      expectSameRowsCsv(readFileSync(await csv.path(), 'utf8'), expected.rowsCsv);
      expect(proxy.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'groups by a tag key and keeps moves on the same continent when asked',
    async () => {
      const page = await open('/bills.html');
      await page.click('.bill-form summary');
      await page.fill('#bill-tag', 'environment');
      await page.check('#bill-continent');
      const state = await choose(page, {
        name: 'sample.csv',
        mimeType: 'text/csv',
        buffer: sample,
      });
      expect(state).toBe('done');
      const { summary: expected } = await libraryRun(sample, {
        tagKey: 'environment',
        sameContinent: true,
      });
      const tag = expected.groups.tag!;
      expect(tag.groups.length).toBeGreaterThan(1);
      expect(await page.isVisible('#bill-tag-panel')).toBe(true);
      const keys = await page.$$eval('table[data-table="by-tag"] tbody tr', (rows) =>
        rows.map((r) => r.children[0]!.textContent),
      );
      expect(keys).toEqual(tag.groups.map((g) => g.key));
      const moves = await page.$$eval('table[data-table="moves"] tbody tr', (rows) =>
        rows.map((r) => r.children[3]!.textContent),
      );
      expect(moves).toEqual(
        expected.moves.map((m) =>
          m.toRegionId === m.regionId ? `${m.toRegionId} (already the cleanest)` : m.toRegionId,
        ),
      );
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-summary'),
      ]);
      expectSameSummary(
        JSON.parse(readFileSync(await json.path(), 'utf8')) as FocusSummary,
        expected,
      );
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'reads a gzipped bill the same way, and fits a phone’s width',
    async () => {
      const page = await open('/bills.html');
      await page.setViewportSize({ width: 360, height: 800 });
      const state = await choose(page, {
        name: 'sample.csv.gz',
        mimeType: 'application/gzip',
        buffer: gzipSync(sample),
      });
      expect(state).toBe('done');
      // Wide tables scroll inside their box; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-summary'),
      ]);
      expect(json.suggestedFilename()).toBe('sample-footprint-summary.json');
      expectSameSummary(
        JSON.parse(readFileSync(await json.path(), 'utf8')) as FocusSummary,
        (await libraryRun(sample)).summary,
      );
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'saves a per-row CSV that a spreadsheet cannot run: a formula-looking Id is neutralised',
    async () => {
      const page = await open('/bills.html');
      const [header, row] = Papa.parse<string[]>(sample.toString('utf8'), { preview: 2 }).data;
      const hostile = [...row!];
      hostile[header!.indexOf('Id')] = '=SUM(1,2)';
      const file = Buffer.from(Papa.unparse([header!, hostile]));
      expect(await choose(page, { name: 'hostile.csv', mimeType: 'text/csv', buffer: file })).toBe(
        'done',
      );
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-rows')]);
      const line = readFileSync(await csv.path(), 'utf8').split('\r\n')[1]!;
      expect(line.startsWith(`"'=SUM(1,2)",1,`)).toBe(true);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'refuses a file that is not FOCUS, naming every missing column (chosen while a bill runs)',
    async () => {
      const page = await open('/bills.html');
      // A bill chosen first, then the other file at once: the page answers for the file chosen last.
      await page.setInputFiles('#bill-file', {
        name: 'sample.csv',
        mimeType: 'text/csv',
        buffer: sample,
      });
      const header = ['Date', 'Service', 'Cost'];
      let refusal: GridshiftError | null = null;
      try {
        readFocusHeader(header);
      } catch (err) {
        refusal = err as GridshiftError;
      }
      expect(refusal).toBeInstanceOf(GridshiftError);
      const state = await choose(page, {
        name: 'costs.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${header.join(',')}\n2024-09-01,EC2,12.5\n`),
      });
      expect(state).toBe('refused');
      expect(await page.isVisible('#bill-error')).toBe(true);
      const shown = await page.textContent('#bill-error');
      expect(shown).toContain('not a FOCUS export');
      expect(refusal!.errors.length).toBeGreaterThan(0);
      for (const e of refusal!.errors) expect(shown).toContain(e.message);
      expect(await page.isHidden('#bill-results')).toBe(true);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'refuses a file that is not UTF-8 text, saying so',
    async () => {
      const page = await open('/bills.html');
      const latin1 = Buffer.concat([
        sample.subarray(0, sample.indexOf('\n') + 1),
        Buffer.from([0x41, 0xe9, 0x0a]),
      ]);
      const state = await choose(page, {
        name: 'latin1.csv',
        mimeType: 'text/csv',
        buffer: latin1,
      });
      expect(state).toBe('refused');
      expect(await page.textContent('#bill-error')).toMatch(/UTF-8/);
      await page.close();
    },
    SLOW_MS,
  );

  it(
    'says so when a FOCUS file has a header and no rows',
    async () => {
      const page = await open('/bills.html');
      const headerOnly = sample.subarray(0, sample.indexOf('\n') + 1);
      const state = await choose(page, {
        name: 'empty.csv',
        mimeType: 'text/csv',
        buffer: headerOnly,
      });
      expect(state).toBe('refused');
      expect(await page.textContent('#bill-error')).toContain('no rows');
      await page.close();
    },
    SLOW_MS,
  );

  it('serves the page and its worker under the strict policy: scripts and workers from this origin only', async () => {
    for (const path of ['/bills.html', '/bills.css', '/dist/bills.js', '/dist/bills-worker.js']) {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      // No worker-src: workers fall back to script-src 'self', so only this origin's script runs as one.
      expect(csp, path).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
      expect(csp, path).toMatch(/(?:^|; )connect-src 'self'(?:;|$)/);
      expect(csp, path).not.toMatch(/unsafe|worker-src|blob:/);
    }
  });

  it('keeps the estimator’s first load within 250 KB gzip, without the Cloud bill’s code', async () => {
    const page = await browser.context.newPage();
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('response', (res) => {
      const encoded = res.headers()['content-encoding'];
      sizes.push(
        (encoded
          ? res
              .request()
              .sizes()
              .then((s) => s.responseBodySize)
          : res.body().then((body) => gzipSync(body).length)
        ).then((bytes) => ({ path: new URL(res.url()).pathname, bytes })),
      );
    });
    await page.goto(`${proxy.url}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-ready="true"]');
    const loaded = await Promise.all(sizes);
    const total = loaded.reduce((a, r) => a + r.bytes, 0);
    console.log(`[gridshift] first load of / : ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
    expect(loaded.filter((r) => r.path.includes('bills'))).toEqual([]);
    await page.close();
  });
});
