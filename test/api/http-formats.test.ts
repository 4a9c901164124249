// POST /v1/estimate as CSV and as a BoAmps report: by ?format= or by the Accept header.
import { expect, it } from 'vitest';
import { ESTIMATE_CSV_COLUMNS } from '../../src/core/report-csv.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const JOB = { location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'h100-sxm', count: 8 } };
const post = (headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(JOB),
});

describeApi('POST /v1/estimate formats', apiTargets(), (api) => {
  it('answers CSV for ?format=csv and for Accept: text/csv, with the JSON answer inside', async () => {
    const json = (await (await api.postJson('/v1/estimate', JOB)).json()) as {
      emissionsKgCo2e: { total: number };
    };
    for (const [path, headers] of [
      ['/v1/estimate?format=csv', {}],
      ['/v1/estimate', { accept: 'text/csv, application/json;q=0.5' }],
    ] as const) {
      const res = await api.fetch(path, post(headers));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('vary')).toMatch(/accept/i);
      const [header, row] = (await res.text()).split('\r\n');
      expect(header).toBe(ESTIMATE_CSV_COLUMNS.map(([name]) => name).join(','));
      const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, row!.split(',')[i]]));
      expect(Number(cells.kgCo2e)).toBe(json.emissionsKgCo2e.total);
    }
  });

  it('answers a BoAmps report for ?format=boamps and for its media type', async () => {
    for (const [path, headers] of [
      ['/v1/estimate?format=boamps', {}],
      ['/v1/estimate', { accept: 'application/vnd.boamps+json' }],
    ] as const) {
      const res = await api.fetch(path, post(headers));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.boamps\+json/);
      const report = (await res.json()) as {
        header: { reportId: string; reportDatetime: string };
        measures: { powerConsumption: number }[];
      };
      expect(report.header.reportId).toMatch(/^[0-9a-f-]{36}$/);
      expect(report.header.reportDatetime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(report.measures[0]!.powerConsumption).toBeGreaterThan(0);
    }
  });

  it('answers JSON by default and when JSON comes first in Accept', async () => {
    const res = await api.fetch('/v1/estimate', post({ accept: 'application/json, text/csv' }));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses an unknown format with a 422 naming the allowed ones, and reports bad input as problem+json whatever the format', async () => {
    const bad = await expectProblem(await api.fetch('/v1/estimate?format=xml', post()), 422);
    expect(bad.errors).toEqual([
      {
        path: 'format',
        code: 'invalid_value',
        message: 'format must be one of "json", "csv", "boamps"',
      },
    ]);
    const res = await api.fetch('/v1/estimate?format=csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...JOB, durationHours: -1 }),
    });
    await expectProblem(res, 422);
  });
});
