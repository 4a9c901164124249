// Impossible inputs over real HTTP: 422 problem+json `inconsistent_input` naming the field and the limit.
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

describeApi('impossible inputs', apiTargets(), (api) => {
  it('422 on gpu.powerW 5000 W for an H100 SXM (700 W rated: at most 770 W)', async () => {
    const body = {
      location: 'DE',
      durationHours: 10,
      gpu: { model: 'H100 SXM', count: 1, powerW: 5000 },
    };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem)).toEqual(['gpu.powerW']);
    expect(problem.errors[0]?.code).toBe('inconsistent_input');
    expect(problem.detail).toContain('5000 W');
    expect(problem.detail).toContain('770 W');
  });

  it('200 on gpu.powerW 760 W for the same H100 (within 10 %): 7.6 kWh of GPU over 10 h', async () => {
    const res = await api.postJson('/v1/estimate', {
      location: 'DE',
      durationHours: 10,
      gpu: { model: 'H100 SXM', count: 1, powerW: 760 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { energyKwh: { byComponent: { gpu: number } } };
    expect(body.energyKwh.byComponent.gpu).toBeCloseTo(7.6, 10);
  });

  it('422 on gpu.count 64 for one aws:p5.48xlarge (8 GPUs)', async () => {
    const body = {
      location: 'aws:us-east-1',
      durationHours: 10,
      instance: { type: 'aws:p5.48xlarge' },
      gpu: { model: 'H100 SXM', count: 64 },
    };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem)).toEqual(['gpu.count']);
    expect(problem.errors[0]?.code).toBe('inconsistent_input');
    expect(problem.detail).toBe(
      '64 GPUs do not fit in 1 × aws:p5.48xlarge, which has 8 (8 per instance): give at most 8 GPUs (gpu.count), or 8 instances (instance.count) for 64',
    );
  });

  it('200 for an A10G instance (aws:g5.xlarge), whose rating is an estimate', async () => {
    const res = await api.postJson('/v1/estimate', {
      location: 'aws:us-east-1',
      durationHours: 10,
      instance: { type: 'aws:g5.xlarge' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { factors: { id: string; label: string }[] };
    expect(body.factors.find((f) => f.id === 'gpu_max_power')?.label).toContain('(estimated)');
  });
});
