// AI shapes over real HTTP: training by model size answers with its derivation; bad `ai` input is a
// 422 problem+json naming the field.
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const training = { location: 'US', gpu: { model: 'A100 SXM4 80GB', count: 1024 }, ai: { task: 'training', parameters: 7e9, tokens: 2e12 } };

describeApi('ai workloads', apiTargets(), (api) => {
  it('derives hours for training by model size and states the MFU assumed', async () => {
    const res = await api.postJson('/v1/estimate', training);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ai.task).toBe('training');
    expect(body.ai.flops).toBe(6 * 7e9 * 2e12);
    expect(body.ai.mfu).toBe(0.4);
    expect(body.durationHours).toBeCloseTo(body.ai.deviceHours / 1024, 6);
    expect(body.assumptions.join(' ')).toMatch(/MFU/);
  });

  it('422 on negative tokens, naming ai.tokens', async () => {
    const problem = await expectProblem(await api.postJson('/v1/estimate', { ...training, ai: { ...training.ai, tokens: -1 } }), 422);
    expect(errorPaths(problem)).toContain('ai.tokens');
  });

  it('422 on MoE active parameters above the total, naming ai.activeParameters', async () => {
    const problem = await expectProblem(await api.postJson('/v1/estimate', { ...training, ai: { ...training.ai, activeParameters: 8e9 } }), 422);
    expect(errorPaths(problem)).toContain('ai.activeParameters');
  });

  it('422 on an unknown model with no parameters, naming ai.model', async () => {
    const body = { location: 'US', gpu: { model: 'H100' }, ai: { task: 'inference', model: 'no-such-llm-9000', outputTokens: 1000 } };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem)).toContain('ai.model');
  });

  it('422 on an unknown task, naming ai.task', async () => {
    const problem = await expectProblem(await api.postJson('/v1/estimate', { ...training, ai: { task: 'dreaming' } }), 422);
    expect(errorPaths(problem)).toContain('ai.task');
  });
});
