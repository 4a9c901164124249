// AI shapes over real HTTP: training by model size answers with its derivation; bad `ai` input is a
// 422 problem+json naming the field.
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';
import { aiCoefficients } from '../../data/built/ai-coefficients.ts';

const training = {
  location: 'US',
  gpu: { model: 'A100 SXM4 80GB', count: 1024 },
  ai: { task: 'training', parameters: 7e9, tokens: 2e12 },
};

describeApi('ai workloads', apiTargets(), (api) => {
  it('derives hours for training by model size and states the MFU assumed', async () => {
    const res = await api.postJson('/v1/estimate', training);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ai.task).toBe('training');
    expect(body.ai.flops).toBe(6 * 7e9 * 2e12);
    expect(body.ai.mfu).toBe(aiCoefficients.trainingMfu.value);
    expect(body.durationHours).toBeCloseTo(body.ai.deviceHours / 1024, 6);
    expect(body.assumptions.join(' ')).toMatch(/MFU/);
    expect(body.assumptions.join(' ')).toMatch(/Whole-run overhead/);
  });

  it('422 on a duration shorter than the work at 100 % of peak, naming durationHours and both hours', async () => {
    // 6 × 7e9 × 2e12 = 8.4e22 FLOPs on 8 × 312 TFLOP/s = 33,653,846 s = 9,348.3 h; 1 h given
    const body = { ...training, durationHours: 1, gpu: { model: 'A100 SXM4 80GB', count: 8 } };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem)).toContain('durationHours');
    expect(JSON.stringify(problem)).toMatch(
      /a run of 1 h is shorter than the 9348\.3 h this training needs even at 100 % of peak/,
    );
  });

  it('422 on negative tokens, naming ai.tokens', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...training, ai: { ...training.ai, tokens: -1 } }),
      422,
    );
    expect(errorPaths(problem)).toContain('ai.tokens');
  });

  it('422 on MoE active parameters above the total, naming ai.activeParameters', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', {
        ...training,
        ai: { ...training.ai, activeParameters: 8e9 },
      }),
      422,
    );
    expect(errorPaths(problem)).toContain('ai.activeParameters');
  });

  it('422 on an unknown model with no parameters, naming ai.model', async () => {
    const body = {
      location: 'US',
      gpu: { model: 'H100' },
      ai: { task: 'inference', model: 'no-such-llm-9000', outputTokens: 1000 },
    };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem)).toContain('ai.model');
  });

  it('422 on an unknown task, naming ai.task', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...training, ai: { task: 'dreaming' } }),
      422,
    );
    expect(errorPaths(problem)).toContain('ai.task');
  });
});
