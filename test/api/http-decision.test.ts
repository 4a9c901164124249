// Decision routes over real HTTP: /v1/compare, /v1/suggest, /v1/batch.
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BatchResult, CompareResult, SuggestResult } from '../../src/core/decision-schemas.ts';
import { tables } from '../../src/data/index.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const H100_NODE = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  memoryGb: 2048,
};

describeApi('POST /v1/compare', apiTargets(), (api) => {
  async function compareOk(body: unknown): Promise<CompareResult> {
    const res = await api.postJson('/v1/compare', body);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return CompareResult.parse(JSON.parse(text));
  }

  it('ranks every region when no filter is given, with top rows and the full table', async () => {
    const r = await compareOk({ workload: H100_NODE });
    expect(r.count).toBeGreaterThan(150);
    expect(r.table.length).toBe(r.count);
    expect(r.top).toEqual(r.table.slice(0, 10));
    expect(r.baseline.location).toBe('aws:us-east-1');
    const east = r.table.find((row) => row.regionId === 'aws:us-east-1')!;
    expect(east.savingKg).toBe(0);
    expect(r.top[0]!.savingPct).toBeGreaterThan(50);
  });

  it('takes a preset with overrides as the workload and says so', async () => {
    const r = await compareOk({
      workload: { preset: 'llm-finetune-lora-8xh100', gpu: { count: 4 } },
      regions: { provider: 'gcp', continent: ['Europe'] },
      top: 3,
    });
    expect(r.top.length).toBe(3);
    expect(r.table.every((row) => row.provider === 'gcp' && row.continent === 'Europe')).toBe(true);
    expect(r.assumptions[0]).toBe('Preset llm-finetune-lora-8xh100 with overrides: gpu.count.');
  });

  it('ranks by market-based emissions on request, showing both', async () => {
    const r = await compareOk({
      workload: H100_NODE,
      rankBy: 'market',
      regions: { provider: 'gcp' },
    });
    expect(r.rankBy).toBe('market');
    const kg = r.table.map((row) => row.emissionsKgCo2e.market + row.emissionsKgCo2e.embodied);
    expect(kg).toEqual([...kg].sort((a, b) => a - b));
    expect(r.table.some((row) => row.emissionsKgCo2e.market < row.emissionsKgCo2e.location)).toBe(
      true,
    );
  });

  it('422 names nested workload fields and request fields', async () => {
    const bad = await expectProblem(
      await api.postJson('/v1/compare', {
        workload: { ...H100_NODE, gpu: { model: 'H100', count: 0 } },
        top: 0,
      }),
      422,
    );
    expect(errorPaths(bad)).toEqual(['top']);
    const nested = await expectProblem(
      await api.postJson('/v1/compare', {
        workload: { ...H100_NODE, gpu: { model: 'H100', count: 0 } },
      }),
      422,
    );
    expect(errorPaths(nested)).toEqual(['workload.gpu.count']);
    const provider = await expectProblem(
      await api.postJson('/v1/compare', { workload: H100_NODE, regions: { provider: 'ibm' } }),
      422,
    );
    expect(errorPaths(provider)).toEqual(['regions.provider.0']);
    const gpu = await expectProblem(
      await api.postJson('/v1/compare', {
        workload: { ...H100_NODE, gpu: { model: 'H100 SXX', count: 1 } },
      }),
      422,
    );
    expect(gpu.errors[0]).toMatchObject({ path: 'workload.gpu.model', code: 'unknown_gpu' });
    const preset = await expectProblem(
      await api.postJson('/v1/compare', { workload: { preset: 'nope' } }),
      422,
    );
    expect(errorPaths(preset)).toEqual(['workload.preset']);
    const ids = await expectProblem(
      await api.postJson('/v1/compare', {
        workload: H100_NODE,
        regions: { ids: Array.from({ length: 501 }, () => 'aws:eu-west-1') },
      }),
      422,
    );
    expect(errorPaths(ids)).toEqual(['regions.ids']);
    const hw = await expectProblem(
      await api.postJson('/v1/compare', {
        workload: H100_NODE,
        hardware: Array.from({ length: 21 }, () => 'A100'),
      }),
      422,
    );
    expect(errorPaths(hw)).toEqual(['hardware']);
  });
});

describeApi('POST /v1/batch', apiTargets(), (api) => {
  const postCsv = (csv: string, accept = 'text/csv') =>
    api.fetch('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept },
      body: csv,
    });
  const csvRecords = async (res: Response) => {
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    return parse<Record<string, string>>(text, { columns: true });
  };

  it('estimates 10,000 mixed workloads in one JSON call, in order, bad items failing alone', async () => {
    const kinds = [
      (i: number) => ({
        location: 'aws:eu-west-1',
        durationHours: i + 1,
        gpu: { model: 'A100', count: 1 },
        networkGb: 10,
        functionalUnit: { name: 'job', count: 1 },
      }),
      (i: number) => ({
        location: 'DE',
        durationHours: i + 1,
        cpu: { threads: 8, utilization: 0.4 },
        memoryGb: 32,
        storage: { ssdTb: 0.5, replication: 3 },
      }),
      (i: number) => ({
        preset: 'fraud-training-cpu-cluster',
        location: 'gcp:europe-west4',
        durationHours: i + 1,
      }),
      (i: number) => ({
        location: 'azure:westeurope',
        durationHours: i + 1,
        instance: { type: 'aws:m6i.8xlarge', count: 2 },
        storage: { ssdTb: 1 },
      }),
      (i: number) => ({ location: 'FR', durationHours: i + 1, gpu: { model: 'H100', count: 0 } }),
    ];
    const workloads = Array.from({ length: 10_000 }, (_, i) => kinds[i % kinds.length]!(i));
    const body = JSON.stringify({ workloads });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await api.postJson('/v1/batch', { workloads });
    expect(res.status).toBe(200);
    const { results, provenance } = BatchResult.parse(await res.json());
    expect(results.length).toBe(10_000);
    // Four workload shapes that can be estimated: their provenance listed once each.
    expect(provenance).toHaveLength(4);
    results.forEach((item, i) => {
      if (i % kinds.length === 4) {
        expect(item.ok, `item ${i}`).toBe(false);
        if (!item.ok)
          expect(item.error).toMatchObject({
            status: 422,
            errors: [{ path: 'gpu.count', code: 'too_small' }],
          });
      } else {
        expect(item.ok, `item ${i}`).toBe(true);
        if (item.ok) expect(item.result.durationHours).toBe(i + 1);
      }
    });
  }, 60_000);

  it('lists each provenance once; a result joined with its entry is what /v1/estimate answers', async () => {
    const workloads = [
      { location: 'FR', durationHours: 3, cpu: { threads: 4, utilization: 0.2 } },
      { location: 'FR', durationHours: 30, cpu: { threads: 4, utilization: 0.9 } },
      { preset: 'fraud-training-cpu-cluster', durationHours: 5 },
      { location: 'nowhere', durationHours: 1, cpu: { threads: 1 } },
      { preset: 'fraud-training-cpu-cluster', durationHours: 7 },
      {
        location: 'aws:us-east-1',
        durationHours: 36,
        gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
      },
    ];
    const res = await api.postJson('/v1/batch', { workloads });
    expect(res.status).toBe(200);
    const { results, provenance } = BatchResult.parse(await res.json());
    expect(results.map((r) => (r.ok ? r.provenance : null))).toEqual([0, 0, 1, null, 1, 2]);
    expect(provenance).toHaveLength(3);
    for (const [i, item] of results.entries()) {
      if (!item.ok) continue;
      const single = await api.postJson('/v1/estimate', workloads[i]);
      expect({ ...item.result, ...provenance[item.provenance]! }, `item ${i}`).toEqual(
        await single.json(),
      );
    }
  });

  it('answers a CSV with 3 bad rows with 3 row errors and every other result', async () => {
    const csv = [
      'location,durationHours,gpu,gpuCount,gpuUtilization,cpuThreads,memoryGb,embodied,preset',
      'FR,10,H100 SXM,2,0.8,,,,',
      'DE,ten,H100 SXM,1,,,,,',
      'aws:us-east-1,5,,,,,,,web-api-fleet-year',
      'gcp:europe-west4,3,,,,16,64,false,',
      'US,2,H100 SXM,1,1.5,,,,',
      'aws:eu-north-1,4,"A100 SXM4 80GB",8,,,,,',
      'SE,1,H999,1,,,,,',
    ].join('\n');
    const rows = await csvRecords(await postCsv(csv));
    expect(rows.map((r) => r.row)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(rows.map((r) => r.ok)).toEqual([
      'true',
      'false',
      'true',
      'true',
      'false',
      'true',
      'false',
    ]);
    expect(rows[1]!.error).toMatch(
      /^durationHours: '[^']*' is not a number: the hours the workload runs must be a number$/,
    );
    expect(rows[4]!.error).toBe(
      'gpuUtilization: 1.5 is too large: the GPU utilisation (0 to 1) must be at most 1',
    );
    expect(rows[6]!.error).toMatch(/^gpu: 'H999' is not a GPU or accelerator in the catalogue/);
    expect(Number(rows[0]!.kgCo2e)).toBeGreaterThan(0);
    expect(rows[3]!.embodiedKg).toBe('0');
    expect(rows[5]!.regionId).toBe('aws:eu-north-1');
  });

  it('keeps row order from CSV to CSV, and gives JSON for CSV in when JSON is accepted', async () => {
    const hours = Array.from({ length: 200 }, (_, i) => ((i * 37) % 200) + 1);
    const csv =
      ['location,durationHours,cpuThreads', ...hours.map((h) => `FR,${h},4`)].join('\r\n') + '\r\n';
    const rows = await csvRecords(await postCsv(csv));
    expect(rows.map((r) => Number(r.durationHours))).toEqual(hours);
    expect(rows.map((r) => Number(r.row))).toEqual(hours.map((_, i) => i + 1));
    const json = await postCsv(csv, 'application/json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const { results } = BatchResult.parse(await json.json());
    expect(results.map((r) => (r.ok ? r.result.durationHours : null))).toEqual(hours);
  });

  it('gives CSV for JSON in when CSV is accepted', async () => {
    const res = await api.fetch('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({
        workloads: [{ location: 'FR', durationHours: 1, cpu: { threads: 2 } }, {}],
      }),
    });
    const rows = await csvRecords(res);
    expect(rows.map((r) => r.ok)).toEqual(['true', 'false']);
  });

  it('413 above 10,000 workloads, JSON or CSV, stating the limit', async () => {
    const json = await expectProblem(
      await api.postJson('/v1/batch', { workloads: Array.from({ length: 10_001 }, () => ({})) }),
      413,
    );
    expect(json.errors[0]).toMatchObject({
      path: 'workloads',
      message: 'expected at most 10000 workloads per batch, got 10001',
    });
    const csv = await expectProblem(
      await postCsv(['location', ...Array.from({ length: 10_001 }, () => 'FR')].join('\n')),
      413,
    );
    expect(csv.detail).toMatch(/at most 10000 workloads/);
  });

  it('422 on an unknown CSV column, 415 on another media type', async () => {
    const problem = await expectProblem(await postCsv('location,gpuCnt\nFR,1\n'), 422);
    expect(problem.errors).toEqual([
      {
        path: 'header.1',
        code: 'unknown_column',
        message: "unknown column 'gpuCnt'; did you mean 'gpuCount'?",
      },
    ]);
    await expectProblem(
      await api.fetch('/v1/batch', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      }),
      415,
    );
  });
});

describeApi('POST /v1/suggest', apiTargets(), (api) => {
  async function suggestOk(body: unknown): Promise<SuggestResult> {
    const res = await api.postJson('/v1/suggest', body);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return SuggestResult.parse(JSON.parse(text));
  }

  it('moves a 6-hour job in US-CAL-CISO into the midday (solar) window', async () => {
    // Start at midnight Pacific daylight time (UTC−7), free to wait a day.
    const r = await suggestOk({
      workload: {
        location: 'US-CAL-CISO',
        durationHours: 6,
        gpu: { model: 'H100 SXM', count: 8 },
        start: '2026-06-01T00:00:00-07:00',
      },
      flexibility: { delayHours: 24 },
    });
    expect(r.time).toHaveLength(1);
    const start = r.time[0]!.change.start!;
    const localHour = (new Date(start).getUTCHours() + 24 - 7) % 24;
    // The run covers the middle of the day: it starts between 07:00 and 13:00 local time.
    expect(localHour).toBeGreaterThanOrEqual(7);
    expect(localHour).toBeLessThanOrEqual(13);
    expect(r.time[0]!.kgCo2eSaved).toBeGreaterThan(0);
    expect(r.time[0]!.assumption).toMatch(/same calendar hours of \d{4}/);
  });

  it('gives region and hardware options with savings, the best combination and its offset cost', async () => {
    const r = await suggestOk({
      workload: { preset: 'llm-finetune-lora-8xh100' },
      offsetPricePerTonne: 20,
      top: 3,
    });
    expect(r.region.length).toBe(3);
    expect(r.region.every((o) => o.change.location!.startsWith('aws:') && o.kgCo2eSaved > 0)).toBe(
      true,
    );
    expect(r.hardware.length).toBeGreaterThan(0);
    for (const o of [...r.region, ...r.hardware]) {
      expect(o.pctSaved).toBeCloseTo((o.kgCo2eSaved / r.asGiven.kgCo2e) * 100, 8);
      expect(o.assumption).not.toBe('');
    }
    expect(r.hardware[0]!.assumption).toMatch(/compute-bound/);
    expect(r.best.leftKgCo2e).toBeLessThan(
      Math.min(...[...r.region, ...r.hardware].map((o) => o.emissionsKgCo2e.total)) + 1e-9,
    );
    expect(r.best.offsetCost).toBeCloseTo((r.best.leftKgCo2e / 1000) * 20, 10);
    expect(r.notes.join(' ')).toMatch(/time: give workload.start/);
    expect(r.assumptions[0]).toBe('Preset llm-finetune-lora-8xh100, as published.');
  });

  it('omits the time option where the zone has no hourly data, saying so', async () => {
    const region = [...tables.regions.values()].find(
      (x) => x.gridZone !== null && tables.hourly?.forZone(x.gridZone) === null,
    )!;
    const r = await suggestOk({
      workload: {
        location: region.id,
        durationHours: 6,
        cpu: { threads: 16 },
        start: '2026-06-01T00:00:00Z',
      },
      flexibility: { delayHours: 12 },
    });
    expect(r.time).toEqual([]);
    expect(r.notes).toContain(`time: no hourly data for ${region.gridZone}; annual average only.`);
  });

  it('422 names the fields', async () => {
    const workload = { location: 'US-CAL-CISO', durationHours: 6, cpu: { threads: 4 } };
    const both = await expectProblem(
      await api.postJson('/v1/suggest', {
        workload,
        flexibility: { delayHours: 2, deadline: '2026-06-01T12:00:00Z' },
      }),
      422,
    );
    expect(errorPaths(both)).toEqual(['flexibility']);
    const noStart = await expectProblem(
      await api.postJson('/v1/suggest', {
        workload,
        flexibility: { deadline: '2026-06-01T12:00:00Z' },
      }),
      422,
    );
    expect(errorPaths(noStart)).toEqual(['workload.start']);
    const price = await expectProblem(
      await api.postJson('/v1/suggest', { workload, offsetPricePerTonne: 0, rankBy: 'cheapest' }),
      422,
    );
    expect(errorPaths(price).sort()).toEqual(['offsetPricePerTonne', 'rankBy']);
    const deadline = await expectProblem(
      await api.postJson('/v1/suggest', { workload, flexibility: { deadline: 'tomorrow' } }),
      422,
    );
    expect(errorPaths(deadline)).toEqual(['flexibility.deadline']);
    const start = await expectProblem(
      await api.postJson('/v1/suggest', { workload: { ...workload, start: '2026-06-01 00:00' } }),
      422,
    );
    expect(errorPaths(start)).toEqual(['workload.start']);
  });
});
