// POST /v1/focus over real HTTP on Node and the Worker: the FOCUS sample (FinOps Foundation, CC BY
// 4.0) as CSV and gzip, the summary and the per-row CSV, and the files it must refuse or survive.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { focusSummarySchema } from '../../src/service/focus/index.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const SAMPLE = readFileSync(
  new URL('../../data/raw/focus/focus-1.0-sample-1000.csv', import.meta.url),
);
const SAMPLE_TEXT = SAMPLE.toString('utf8');
const HEADER = SAMPLE_TEXT.slice(0, SAMPLE_TEXT.indexOf('\n'));
const [COLUMNS, FIRST_CELLS] = Papa.parse<string[]>(SAMPLE_TEXT, { preview: 2 }).data as [
  string[],
  string[],
];
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const FIRST_ROW = FIRST_CELLS.map(quote).join(',');

const post = (
  body: BodyInit,
  headers: Record<string, string> = { 'content-type': 'text/csv' },
) => ({
  method: 'POST',
  headers,
  body,
});

/** The first sample row with `changes` (cell text, by column name), every cell quoted. */
function rowWith(changes: Record<string, string>): string {
  const cells = [...FIRST_CELLS];
  for (const [name, value] of Object.entries(changes)) cells[COLUMNS.indexOf(name)] = value;
  return cells.map(quote).join(',');
}
const oneRow = (changes: Record<string, string>) => `${HEADER}\n${rowWith(changes)}\n`;

describeApi('POST /v1/focus', apiTargets(), (api) => {
  it('answers the summary of the 1,000-row sample as JSON, the same for gzip in either form', async () => {
    const plain = await api.fetch('/v1/focus', post(SAMPLE));
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    const summary = focusSummarySchema.parse(await plain.json());
    expect(summary.rows).toBe(1000);
    expect(summary.focusVersion).toBe('1.0');
    expect(summary.mappedRows).toBeGreaterThan(0);
    const gzip = gzipSync(SAMPLE);
    const gzipHeaders: Record<string, string>[] = [
      { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
      { 'content-type': 'application/gzip' },
    ];
    for (const headers of gzipHeaders) {
      const res = await api.fetch('/v1/focus', post(gzip, headers));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(summary);
    }
  });

  it('answers one CSV line per row for ?format=csv and for Accept: text/csv', async () => {
    for (const [path, accept] of [
      ['/v1/focus?format=csv', 'application/json'],
      ['/v1/focus', 'text/csv'],
    ] as const) {
      const res = await api.fetch(path, post(SAMPLE, { 'content-type': 'text/csv', accept }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = (await res.text()).split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe('Id,row,method,energyKwh,kgCo2e,kgCo2eLow,kgCo2eHigh,regionId,zone');
      expect(lines).toHaveLength(1002);
      expect(lines[1]!.split(',').slice(0, 2)).toEqual(['11472', '1']);
      expect(lines[1000]!.split(',')[1]).toBe('1000');
    }
  });

  it('groups by the requested keys and a tag key', async () => {
    const res = await api.fetch('/v1/focus?groupBy=service,tag&tagKey=team', post(SAMPLE));
    expect(res.status).toBe(200);
    const summary = focusSummarySchema.parse(await res.json());
    expect(Object.keys(summary.groups).sort()).toEqual(['service', 'tag']);
  });

  it('refuses a file that is not FOCUS (422), naming the missing columns', async () => {
    const problem = await expectProblem(
      await api.fetch('/v1/focus', post('location,durationHours\naws:us-east-1,36\n')),
      422,
    );
    expect(problem.type).toBe('https://gridshift.dev/problems/not-focus');
    expect(errorPaths(problem)).toEqual(
      expect.arrayContaining(['BilledCost', 'ChargeCategory', 'ConsumedQuantity', 'ProviderName']),
    );
    await expectProblem(await api.fetch('/v1/focus', post('')), 422);
  });

  it('answers a summary of 0 rows for a header alone', async () => {
    const res = await api.fetch('/v1/focus', post(`${HEADER}\n`));
    expect(res.status).toBe(200);
    const summary = focusSummarySchema.parse(await res.json());
    expect([summary.rows, summary.mappedRows, summary.totals.kgCo2e.total]).toEqual([0, 0, 0]);
  });

  it('refuses other media types and encodings (415), and bad query values (422)', async () => {
    await expectProblem(
      await api.fetch('/v1/focus', post('{}', { 'content-type': 'application/json' })),
      415,
    );
    await expectProblem(
      await api.fetch(
        '/v1/focus',
        post(SAMPLE, { 'content-type': 'text/csv', 'content-encoding': 'br' }),
      ),
      415,
    );
    const bad = await expectProblem(await api.fetch('/v1/focus?groupBy=planet', post(SAMPLE)), 422);
    expect(errorPaths(bad)).toEqual(['groupBy']);
    const noKey = await expectProblem(await api.fetch('/v1/focus?groupBy=tag', post(SAMPLE)), 422);
    expect(errorPaths(noKey)).toEqual(['tagKey']);
  });

  it('refuses UTF-16 and invalid UTF-8 (415), corrupt gzip and a 1 MB cell (422)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE_TEXT, 'utf16le')]);
    const p16 = await expectProblem(await api.fetch('/v1/focus', post(utf16)), 415);
    expect(p16.errors[0]!.message).toMatch(/UTF-16/);
    const latin1 = Buffer.from(oneRow({ SubAccountName: 'Société' }), 'latin1');
    const p8 = await expectProblem(await api.fetch('/v1/focus', post(latin1)), 415);
    expect(p8.errors[0]!.code).toBe('invalid_encoding');
    const cut = gzipSync(SAMPLE).subarray(0, 20_000);
    const pgz = await expectProblem(await api.fetch('/v1/focus', post(cut)), 422);
    expect(pgz.errors[0]!.code).toBe('invalid_gzip');
    const huge = oneRow({ Tags: 'x'.repeat(1_000_000) });
    const plong = await expectProblem(await api.fetch('/v1/focus', post(huge)), 422);
    expect(plong.errors[0]).toMatchObject({ code: 'row_too_long', path: 'row.1' });
  });

  it('reads a row with broken quoting as an unmapped row of its own', async () => {
    const broken = `${HEADER}\n${FIRST_ROW}\n${FIRST_ROW.replace('"1234567890123"', '"12345"67890123"')}\n`;
    expect(broken).toContain('"12345"67890123"');
    const res = await api.fetch('/v1/focus?format=csv', post(broken));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]!.split(',').slice(1, 3)).toEqual(['2', 'unmapped']);
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const formulas = ['=HYPERLINK("http://x.invalid")', '+1+1', '-2+3', '@SUM(A1)'];
    const file = [HEADER, ...formulas.map((f) => rowWith({ Id: f }))].join('\n');
    const res = await api.fetch('/v1/focus?format=csv', post(file));
    expect(res.status).toBe(200);
    const ids = (await res.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) =>
        line.slice(0, line.indexOf(',', line.startsWith('"') ? line.indexOf('"', 1) : 0)),
      );
    expect(ids).toEqual([`"'=HYPERLINK(""http://x.invalid"")"`, "'+1+1", "'-2+3", "'@SUM(A1)"]);
  });
});
