// Decision routes over real HTTP: /v1/compare, /v1/suggest, /v1/batch.
import { expect, it } from 'vitest';
import { CompareResult } from '../../src/core/decision-schemas.ts';
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
    const r = await compareOk({ workload: { preset: 'llm-finetune-lora-8xh100', gpu: { count: 4 } }, regions: { provider: 'gcp', continent: ['Europe'] }, top: 3 });
    expect(r.top.length).toBe(3);
    expect(r.table.every((row) => row.provider === 'gcp' && row.continent === 'Europe')).toBe(true);
    expect(r.assumptions[0]).toBe('Preset llm-finetune-lora-8xh100 with overrides: gpu.count.');
  });

  it('ranks by market-based emissions on request, showing both', async () => {
    const r = await compareOk({ workload: H100_NODE, rankBy: 'market', regions: { provider: 'gcp' } });
    expect(r.rankBy).toBe('market');
    const kg = r.table.map((row) => row.emissionsKgCo2e.market + row.emissionsKgCo2e.embodied);
    expect(kg).toEqual([...kg].sort((a, b) => a - b));
    expect(r.table.some((row) => row.emissionsKgCo2e.market < row.emissionsKgCo2e.location)).toBe(true);
  });

  it('422 names nested workload fields and request fields', async () => {
    const bad = await expectProblem(await api.postJson('/v1/compare', { workload: { ...H100_NODE, gpu: { model: 'H100', count: 0 } }, top: 0 }), 422);
    expect(errorPaths(bad)).toEqual(['top']);
    const nested = await expectProblem(await api.postJson('/v1/compare', { workload: { ...H100_NODE, gpu: { model: 'H100', count: 0 } } }), 422);
    expect(errorPaths(nested)).toEqual(['workload.gpu.count']);
    const provider = await expectProblem(await api.postJson('/v1/compare', { workload: H100_NODE, regions: { provider: 'ibm' } }), 422);
    expect(errorPaths(provider)).toEqual(['regions.provider.0']);
    const gpu = await expectProblem(await api.postJson('/v1/compare', { workload: { ...H100_NODE, gpu: { model: 'H100 SXX', count: 1 } } }), 422);
    expect(gpu.errors[0]).toMatchObject({ path: 'workload.gpu.model', code: 'unknown_gpu' });
    const preset = await expectProblem(await api.postJson('/v1/compare', { workload: { preset: 'nope' } }), 422);
    expect(errorPaths(preset)).toEqual(['workload.preset']);
    const ids = await expectProblem(await api.postJson('/v1/compare', { workload: H100_NODE, regions: { ids: Array.from({ length: 501 }, () => 'aws:eu-west-1') } }), 422);
    expect(errorPaths(ids)).toEqual(['regions.ids']);
    const hw = await expectProblem(await api.postJson('/v1/compare', { workload: H100_NODE, hardware: Array.from({ length: 21 }, () => 'A100') }), 422);
    expect(errorPaths(hw)).toEqual(['hardware']);
  });
});
