// Page weight: loads the page in headless chromium against the real server, records every response
// it fetches (HTML, CSS, JS, icon, and the API calls it makes on load), and sums their gzip sizes
// (zlib default level, as a server would send them). Budget: 250 KB gzipped. `npm run bench:page`.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { estimator } from '../src/data/index.ts';
import { startServer } from '../src/node/server.ts';
import { launchBrowser } from '../test/web/browser.ts';

const BUDGET_KB = 250;

interface Loaded {
  path: string;
  type: string;
  rawBytes: number;
  gzipBytes: number;
  /** Body bytes as sent over the wire (brotli/gzip where the server compresses). */
  sentBytes: number;
}

execFileSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
const server = await startServer({ port: 0, hostname: '127.0.0.1', estimator });
const browser = await launchBrowser();

async function measure(
  path: string,
  act?: (page: import('playwright-core').Page) => Promise<void>,
): Promise<Loaded[]> {
  const page = await browser.context.newPage();
  const loaded: Promise<Loaded>[] = [];
  page.on('response', (res) => {
    loaded.push(
      Promise.all([res.body(), res.request().sizes()]).then(([body, sizes]) => ({
        path: res.url().replace(server.url, ''),
        type: (res.headers()['content-type'] ?? '').split(';')[0]!,
        rawBytes: body.length,
        gzipBytes: gzipSync(body).length,
        sentBytes: sizes.responseBodySize,
      })),
    );
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  const before = loaded.length;
  if (act) await act(page);
  const rows = await Promise.all(loaded);
  await page.close();
  return act ? rows.slice(before) : rows;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function report(title: string, rows: readonly Loaded[]): number {
  const gzip = rows.reduce((a, r) => a + r.gzipBytes, 0);
  const raw = rows.reduce((a, r) => a + r.rawBytes, 0);
  const sent = rows.reduce((a, r) => a + r.sentBytes, 0);
  console.log(`\n${title}`);
  console.log(
    [
      'gzip KB'.padStart(8),
      'sent KB'.padStart(8),
      'raw KB'.padStart(8),
      'type'.padEnd(24),
      'path',
    ].join('  '),
  );
  for (const r of [...rows].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    console.log(
      [
        kb(r.gzipBytes).padStart(8),
        kb(r.sentBytes).padStart(8),
        kb(r.rawBytes).padStart(8),
        r.type.padEnd(24),
        r.path.slice(0, 70),
      ].join('  '),
    );
  }
  console.log(
    [
      kb(gzip).padStart(8),
      kb(sent).padStart(8),
      kb(raw).padStart(8),
      'total'.padEnd(24),
      `${rows.length} responses`,
    ].join('  '),
  );
  return gzip;
}

try {
  const initial = await measure('/');
  const total = report('Page load (/): everything the page loads before any input', initial);
  const estimate = await measure('/', async (page) => {
    await page.selectOption('#f-preset', 'llm-finetune-lora-8xh100');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-panels="done"]');
  });
  report('One estimate afterwards (API answers only; not part of the page weight)', estimate);
  // Time to first result: the labelled example on first load (navigation start -> example shown),
  // then a preset estimated by hand (click -> headline, click -> every panel). Median of 5.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const example: number[] = [];
  const headline: number[] = [];
  const panels: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.context.newPage();
    await page.goto(server.url + '/');
    await page.waitForSelector('#results[data-example="true"]');
    example.push(await page.evaluate(() => performance.now()));
    await page.waitForSelector('html[data-ready="true"]');
    await page.selectOption('#f-preset', 'llm-finetune-lora-8xh100');
    const t0 = await page.evaluate(() => performance.now());
    await page.click('button[type="submit"]');
    await page.waitForSelector('#results[data-state="ready"]:not([data-example])');
    headline.push((await page.evaluate(() => performance.now())) - t0);
    await page.waitForSelector('#results[data-panels="done"]');
    panels.push((await page.evaluate(() => performance.now())) - t0);
    await page.close();
  }
  console.log(
    `\ntime to first result (median of 5, headless chromium, local server): example shown ${median(example).toFixed(0)} ms after navigation; Estimate -> headline ${median(headline).toFixed(0)} ms, -> every panel ${median(panels).toFixed(0)} ms`,
  );
  const modelsUpFront = initial.some((r) => r.path.startsWith('/v1/models'));
  console.log(`model list loaded on first view: ${modelsUpFront ? 'yes' : 'no'}`);
  const sentTotal = initial.reduce((a, r) => a + r.sentBytes, 0);
  console.log(`page weight as sent (server compression): ${kb(sentTotal)} KB`);
  const methodology = report(
    'Methodology page (/methodology.html)',
    await measure('/methodology.html'),
  );
  const bills = report(
    'Cloud bill view (/bills.html): loaded only when opened (its worker, tables and estimator included)',
    await measure('/bills.html'),
  );
  console.log(
    `\npage weight: ${kb(total)} KB gzip (budget ${BUDGET_KB} KB); methodology page ${kb(methodology)} KB gzip; Cloud bill view ${kb(bills)} KB gzip`,
  );
  if (total > BUDGET_KB * 1024) {
    console.error(`over budget by ${kb(total - BUDGET_KB * 1024)} KB`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
