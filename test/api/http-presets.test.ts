// Presets over real HTTP: listed, fetched by id, and usable by id in /v1/estimate with overrides.
import { expect, it } from 'vitest';
import { EstimateResult, Preset } from '../../src/core/schemas.ts';
import { presets } from '../../src/data/index.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const REGIONS = ['aws:us-east-1', 'gcp:europe-west4', 'azure:westeurope', 'FR'];

describeApi('presets', apiTargets(), (api) => {
  async function estimateOk(body: unknown): Promise<EstimateResult> {
    const res = await api.postJson('/v1/estimate', body);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return EstimateResult.parse(JSON.parse(text));
  }

  it('GET /v1/presets lists every preset with its workload, assumptions and references', async () => {
    const res = await api.get('/v1/presets');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { presets: unknown[]; count: number };
    expect(body.count).toBe(presets.length);
    const listed = body.presets.map((p) => Preset.parse(p));
    expect(listed.map((p) => p.id).sort()).toEqual(presets.map((p) => p.id).sort());
    for (const p of listed) {
      expect(p.name).not.toBe('');
      expect(p.assumptions.length).toBeGreaterThan(0);
      expect(p.references.length).toBeGreaterThan(0);
    }
  });

  it('GET /v1/presets/:id returns one preset; an unknown id is a 404 with the closest ids', async () => {
    const res = await api.get('/v1/presets/llm-finetune-lora-8xh100');
    expect(res.status).toBe(200);
    expect(Preset.parse(await res.json()).id).toBe('llm-finetune-lora-8xh100');
    const problem = await expectProblem(await api.get('/v1/presets/llm-finetune-lora'), 404);
    expect(problem.candidates).toContain('llm-finetune-lora-8xh100');
  });

  for (const preset of presets) {
    it(`estimates preset ${preset.id} in ${REGIONS.length} locations`, async () => {
      for (const location of REGIONS) {
        const r = await estimateOk({ preset: preset.id, location });
        expect(r.emissionsKgCo2e.total, location).toBeGreaterThan(0);
        expect(Number.isFinite(r.emissionsKgCo2e.high), location).toBe(true);
        expect(r.assumptions[0]).toBe(`Preset ${preset.id} with overrides: location.`);
        for (const a of preset.assumptions)
          expect(r.assumptions).toContain(`Preset ${preset.id}: ${a}.`);
      }
    });
  }

  it('deep-merges overrides: gpu.count halves the GPU energy, the other gpu fields kept', async () => {
    const base = await estimateOk({ preset: 'llm-finetune-lora-8xh100', location: 'FR' });
    const half = await estimateOk({
      preset: 'llm-finetune-lora-8xh100',
      location: 'FR',
      gpu: { count: 4 },
    });
    expect(half.resolved.gpu).toMatchObject({ count: 4, name: base.resolved.gpu!.name });
    expect(half.resolved.gpu!.averagePowerW).toBe(base.resolved.gpu!.averagePowerW);
    expect(half.energyKwh.byComponent.gpu).toBeCloseTo(base.energyKwh.byComponent.gpu / 2, 9);
    expect(half.emissionsKgCo2e.total).toBeLessThan(base.emissionsKgCo2e.total);
    expect(half.assumptions[0]).toBe(
      'Preset llm-finetune-lora-8xh100 with overrides: location, gpu.count.',
    );
  });

  it('an unmodified preset estimates its own workload', async () => {
    const preset = presets.find((p) => p.id === 'web-api-fleet-year')!;
    const viaPreset = await estimateOk({ preset: preset.id });
    const direct = await estimateOk(preset.workload);
    expect(viaPreset.emissionsKgCo2e).toEqual(direct.emissionsKgCo2e);
    expect(viaPreset.assumptions[0]).toBe('Preset web-api-fleet-year, as published.');
  });

  it('null removes a preset field (JSON merge patch)', async () => {
    const r = await estimateOk({ preset: 'llm-finetune-lora-8xh100', instance: null, cpu: null });
    expect(r.resolved.instance).toBeNull();
    expect(r.resolved.cpu).toBeNull();
  });

  it('422 on an unknown preset, with path `preset` and the closest ids', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { preset: 'llm-finetune-lora-8xh10', location: 'FR' }),
      422,
    );
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-preset');
    expect(problem.errors[0]).toMatchObject({ path: 'preset', code: 'unknown_preset' });
    expect(problem.candidates?.[0]).toBe('llm-finetune-lora-8xh100');
  });

  it('422 naming the field when an override is invalid after merging', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', {
        preset: 'llm-finetune-lora-8xh100',
        gpu: { count: -1 },
        durationHour: 3,
      }),
      422,
    );
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['durationHour', 'gpu.count']);
    const wrongType = await expectProblem(await api.postJson('/v1/estimate', { preset: 42 }), 422);
    expect(wrongType.errors[0]).toMatchObject({ path: 'preset', code: 'invalid_type' });
  });
});
