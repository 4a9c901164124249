// Refusals worded for people, over real HTTP: what was given, what is expected, the closest
// catalogue names, and no API paths in the words.
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';
import type { Problem } from '../../src/service/problem.ts';

const valid = { location: 'DE', durationHours: 10, gpu: { model: 'H100 SXM', count: 1 } };

/** The words of a problem never point at routes: those are for machines (`candidates`). */
function expectNoApiPaths(problem: Problem): void {
  expect(problem.detail).not.toMatch(/\/v1\//);
  for (const e of problem.errors) expect(e.message).not.toMatch(/\/v1\//);
}

describeApi('errors for people', apiTargets(), (api) => {
  it("says '8e' is not a number, naming the number of GPUs", async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, gpu: { model: 'H100 SXM', count: '8e' } }),
      422,
    );
    const message = "'8e' is not a number: the number of GPUs must be a number";
    expect(problem.errors).toEqual([{ path: 'gpu.count', code: 'invalid_type', message }]);
    expect(problem.detail).toBe(`The request has 1 invalid value, gpu.count: ${message}.`);
  });

  it('refuses 2.5 GPUs: devices are whole', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, gpu: { model: 'H100 SXM', count: 2.5 } }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        path: 'gpu.count',
        code: 'invalid_type',
        message: '2.5 is not a whole number: the number of GPUs counts whole GPUs',
      },
    ]);
  });

  it('takes 2.5 instances: an autoscaled fleet averages part of one', async () => {
    const res = await api.postJson('/v1/estimate', {
      location: 'DE',
      durationHours: 10,
      instance: { type: 'aws:m5.large', count: 2.5 },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { resolved: { instance: { count: number } } };
    expect(body.resolved.instance.count).toBe(2.5);
  });

  it('names the closest GPU by its display name for "H10 SXM"', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, gpu: { model: 'H10 SXM', count: 1 } }),
      422,
    );
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-gpu');
    expect(problem.detail).toMatch(
      /^'H10 SXM' is not a GPU or accelerator in the catalogue; did you mean NVIDIA H100 SXM5 80GB, /,
    );
    expect(problem.candidates?.[0]).toBe('nvidia-h100-sxm');
    expectNoApiPaths(problem);
  });

  it('suggests the p5 family, not *.metal types, for a half-typed aws:p5.48xl', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', {
        location: 'DE',
        durationHours: 1,
        instance: { type: 'aws:p5.48xl' },
      }),
      422,
    );
    expect(problem.errors[0]?.path).toBe('instance.type');
    expect(problem.candidates?.[0]).toBe('aws:p5.48xlarge');
    expect(problem.candidates?.some((id) => id.endsWith('.metal'))).toBe(false);
    expect(problem.detail).toContain('did you mean aws:p5.48xlarge, ');
    expectNoApiPaths(problem);
  });

  it('finds places by their names: "Paris" suggests the Paris regions', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, location: 'Paris' }),
      422,
    );
    expect(problem.candidates).toEqual(
      expect.arrayContaining(['aws:eu-west-3', 'gcp:europe-west9', 'azure:francecentral']),
    );
    expect(problem.detail).toContain('aws:eu-west-3 (Europe (Paris))');
    expectNoApiPaths(problem);
  });

  it('names the closest AI models by name, and the way round an unknown one', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', {
        location: 'DE',
        gpu: { model: 'H100 SXM' },
        ai: { task: 'inference', model: 'lama 3 8b', requests: 100 },
      }),
      422,
    );
    expect(problem.detail).toMatch(
      /^'lama 3 8b' is not an AI model in the catalogue; did you mean Meta-Llama-3-8B, .*; or give the model's size in parameters \(ai\.parameters\) instead$/,
    );
    expectNoApiPaths(problem);
  });

  it('says how long it runs is missing in words, not "an ai shape"', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { location: 'DE', gpu: { model: 'H100 SXM', count: 1 } }),
      422,
    );
    expect(problem.errors[0]?.path).toBe('durationHours');
    expect(problem.detail).toMatch(
      /^how long the workload runs is missing: give the hours it runs/,
    );
    expect(problem.detail).not.toContain('ai shape');
  });

  it('says the number of GPUs is missing, naming the GPU', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', {
        location: 'DE',
        durationHours: 1,
        gpu: { model: 'H100 SXM' },
      }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        path: 'gpu.count',
        code: 'inconsistent_input',
        message:
          'the number of GPUs is missing: say how many NVIDIA H100 SXM5 80GB the workload uses (gpu.count)',
      },
    ]);
  });

  it('says a chat service on one H100 needs more GPU-hours than its day gives', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { preset: 'llm-chat-inference', gpu: { count: 1 } }),
      422,
    );
    expect(problem.errors[0]?.path).toBe('durationHours');
    expect(problem.detail).toBe(
      'serving 1,000,000 requests keeps NVIDIA H100 SXM5 80GB busy about 33.0 GPU-hours (28.7 at the fastest the model allows), but the service runs 24 hours on 1 GPU: give about 2 GPUs (gpu.count) or at least 29 hours (durationHours)',
    );
  });

  it('answers an unknown region id with the closest regions by name', async () => {
    const problem = await expectProblem(await api.get('/v1/regions/aws:eu-west-9'), 404);
    expect(problem.candidates?.[0]).toBe('aws:eu-west-1');
    expect(problem.detail).toMatch(
      /^there is no region with this id; did you mean aws:eu-west-1 \(/,
    );
  });
});
