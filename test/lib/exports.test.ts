// The library's public surface: the export list, estimate with validation, catalogue helpers.
import { describe, expect, it } from 'vitest';
import * as gridshift from '../../src/index.ts';
import { GridshiftError } from '../../src/index.ts';
import { createApp } from '../../src/api/app.ts';
import { tables, estimator } from '../../src/data/index.ts';

const example = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'h100-sxm', count: 8 },
};

function refusal(f: () => unknown): GridshiftError {
  try {
    f();
  } catch (err) {
    if (err instanceof GridshiftError) return err;
    throw err;
  }
  throw new Error('expected a GridshiftError');
}

async function apiProblem(body: unknown, path = '/v1/estimate') {
  const res = await createApp({ estimator }).request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    problem: (await res.json()) as { detail: string; errors: unknown[]; candidates?: string[] },
  };
}

describe('public exports', () => {
  it('lists the same names', () => {
    expect(Object.keys(gridshift).sort()).toMatchInlineSnapshot(`
      [
        "FOCUS_ROW_CSV_HEADER",
        "FocusHeaderError",
        "GridshiftError",
        "METHODOLOGY_VERSION",
        "catalog",
        "compare",
        "estimate",
        "focusFactorTables",
        "focusRowCsvLine",
        "focusRun",
        "focusSummarySchema",
        "readFocusHeader",
        "suggest",
        "toBoamps",
        "toCsv",
      ]
    `);
  });
});

describe('focusRun', () => {
  const header = [
    'ProviderName',
    'ChargeCategory',
    'ChargeDescription',
    'ChargePeriodStart',
    'ConsumedQuantity',
    'ConsumedUnit',
    'RegionId',
    'ServiceName',
    'SubAccountId',
    'BilledCost',
    'Id',
  ];
  it('maps a FOCUS row as estimate() answers its workload', () => {
    const run = gridshift.focusRun(header);
    const r = run.add([
      'AWS',
      'Usage',
      '$0.34 per On Demand Linux c5.2xlarge Instance Hour',
      '2024-09-01 00:00:00',
      '2',
      'Hours',
      'us-east-1',
      'Amazon Elastic Compute Cloud',
      '1',
      '0.68',
      'a',
    ]);
    const e = gridshift.estimate({
      location: 'aws:us-east-1',
      durationHours: 1,
      instance: { type: 'aws:c5.2xlarge' },
    });
    expect(r.method).toBe('instance');
    expect(r.kgCo2e).toBe(2 * e.emissionsKgCo2e.total);
    expect(run.summary().mappedRows).toBe(1);
  });

  it('refuses a header that is not FOCUS with not_focus', () => {
    const err = refusal(() => gridshift.focusRun(['location', 'durationHours']));
    expect(err.code).toBe('not_focus');
    expect(err).toBeInstanceOf(gridshift.FocusHeaderError);
  });
});

describe('estimate', () => {
  it('estimates with the embedded tables', () => {
    const result = gridshift.estimate(example);
    expect(result.resolved.gpu?.id).toBe('nvidia-h100-sxm');
    expect(result.emissionsKgCo2e.total).toBeGreaterThan(0);
    expect(result.sources.length).toBeGreaterThan(0);
  });

  it('throws the API problem for invalid input: same detail and errors', async () => {
    const bad = { ...example, gpu: { model: 'h100-sxm', count: -1 }, colour: 'red' };
    const err = refusal(() => gridshift.estimate(bad));
    const api = await apiProblem(bad);
    expect(err.code).toBe('validation_failed');
    expect(err.status).toBe(api.status);
    expect(err.message).toBe(api.problem.detail);
    expect(err.errors).toEqual(api.problem.errors);
  });

  it("throws core's refusal with the closest ids, as the API words it", async () => {
    const bad = { ...example, gpu: { model: 'h100-sxmm', count: 8 } };
    const err = refusal(() => gridshift.estimate(bad));
    const api = await apiProblem(bad);
    expect(err.code).toBe('unknown_gpu');
    expect(err.status).toBe(422);
    expect(err.message).toBe(api.problem.detail);
    expect(err.errors).toEqual(api.problem.errors);
    expect(err.candidates).toEqual(api.problem.candidates);
  });
});

describe('compare and suggest', () => {
  it('rank regions and suggest options as the API does', async () => {
    const body = { workload: example, regions: { provider: 'aws' }, top: 3 };
    const ranked = gridshift.compare(body);
    const api = await createApp({ estimator }).request('/v1/compare', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(ranked).toEqual(await api.json());
    const options = gridshift.suggest({
      workload: { preset: gridshift.catalog.presets()[0]!.id },
      flexibility: { delayHours: 12 },
    });
    expect(options.assumptions[0]).toMatch(/^Preset /);
  });

  it('refuse bad requests with the API problem', async () => {
    const bad = { workload: { ...example, gpu: { model: 'h100', count: 0 } }, top: 0 };
    const err = refusal(() => gridshift.compare(bad));
    const api = await apiProblem(bad, '/v1/compare');
    expect({ status: err.status, detail: err.message, errors: err.errors }).toEqual({
      status: api.status,
      detail: api.problem.detail,
      errors: api.problem.errors,
    });
    const nested = { workload: { ...example, gpu: { model: 'h100', count: 0 } } };
    const err2 = refusal(() => gridshift.suggest(nested));
    const api2 = await apiProblem(nested, '/v1/suggest');
    expect({ status: err2.status, detail: err2.message, errors: err2.errors }).toEqual({
      status: api2.status,
      detail: api2.problem.detail,
      errors: api2.problem.errors,
    });
  });
});

describe('catalog', () => {
  it('lists and finds regions, zones, hardware, sources and models', () => {
    expect(gridshift.catalog.regions({ provider: 'gcp' }).every((r) => r.provider === 'gcp')).toBe(
      true,
    );
    expect(gridshift.catalog.region('aws:eu-west-1').latestIntensity?.zone).toBe('IE');
    expect(gridshift.catalog.zone('DE').primary.length).toBeGreaterThan(0);
    expect(gridshift.catalog.zones().length).toBe(tables.zones.size);
    expect(gridshift.catalog.hardware({ kind: 'gpus', q: 'h100' }).gpus?.items[0]?.id).toMatch(
      /h100/,
    );
    expect(gridshift.catalog.sources().map((s) => s.id)).toContain('em-yearly');
    expect(gridshift.catalog.models('llama').length).toBeGreaterThan(0);
    const [first] = gridshift.catalog.presets();
    expect(gridshift.catalog.preset(first!.id)).toEqual(first);
  });

  it('throws unknown_region with candidates', () => {
    const err = refusal(() => gridshift.catalog.region('aws:us-east-9'));
    expect(err.code).toBe('unknown_region');
    expect(err.status).toBe(404);
    expect(err.candidates.length).toBeGreaterThan(0);
  });
});
