// Refusals over real HTTP: every one is a 4xx application/problem+json naming the field.
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/describe-api.ts';
import { errorPaths, expectProblem } from '../helpers/problem.ts';
import { apiTargets } from '../helpers/server.ts';

const valid = { location: 'DE', durationHours: 10, gpu: { model: 'H100 SXM', count: 1 } };

describeApi('errors', apiTargets(), (api) => {
  it('422 names a missing location', async () => {
    const { location: _, ...rest } = valid;
    const problem = await expectProblem(await api.postJson('/v1/estimate', rest), 422);
    expect(problem.type).toBe('https://gridshift.dev/problems/validation-failed');
    expect(problem.errors).toContainEqual({
      path: 'location',
      code: 'invalid_type',
      message: 'missing: give the location (a cloud region, country code or grid zone)',
    });
  });

  it('422 says what type was expected', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, durationHours: 'ten' }),
      422,
    );
    expect(problem.errors).toContainEqual({
      path: 'durationHours',
      code: 'invalid_type',
      message: "'ten' is not a number: the hours the workload runs must be a number",
    });
  });

  it('422 on negative hours, with the bound and the value', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, durationHours: -5 }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        path: 'durationHours',
        code: 'too_small',
        message: '-5 is too small: the hours the workload runs must be at least 0',
      },
    ]);
  });

  it('422 lists every invalid field at once, nested ones by dotted path', async () => {
    const body = {
      ...valid,
      gpu: { model: 'H100 SXM', count: 0, utilization: 1.5 },
      storage: { ssdTb: -1 },
    };
    const problem = await expectProblem(await api.postJson('/v1/estimate', body), 422);
    expect(errorPaths(problem).sort()).toEqual(['gpu.count', 'gpu.utilization', 'storage.ssdTb']);
  });

  it('422 on an unknown field, suggesting the known one', async () => {
    const { durationHours, ...rest } = valid;
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...rest, durationHour: durationHours }),
      422,
    );
    expect(problem.errors).toEqual([
      {
        path: 'durationHour',
        code: 'unrecognized_keys',
        message: "unknown field 'durationHour'; did you mean 'durationHours'?",
      },
    ]);
  });

  it('422 on an unknown region, with the closest ids', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, location: 'aws:mars-1' }),
      422,
    );
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-location');
    expect(errorPaths(problem)).toEqual(['location']);
    expect(problem.candidates?.length).toBeGreaterThan(0);
    for (const id of problem.candidates ?? []) expect(problem.detail).toContain(id);
  });

  it('422 on an unknown GPU at gpu.model', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { ...valid, gpu: { model: 'H900', count: 1 } }),
      422,
    );
    expect(problem.type).toBe('https://gridshift.dev/problems/unknown-gpu');
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'gpu.model', code: 'unknown_gpu' }),
    ]);
    expect(problem.candidates?.length).toBeGreaterThan(0);
  });

  it('422 from core when nothing is given to estimate', async () => {
    const problem = await expectProblem(
      await api.postJson('/v1/estimate', { location: 'DE', durationHours: 1 }),
      422,
    );
    expect(problem.errors[0]?.code).toBe('empty_workload');
  });

  it('400 on a body that is not JSON', async () => {
    const res = await api.fetch('/v1/estimate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"location":',
    });
    const problem = await expectProblem(res, 400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: '', code: 'invalid_json' })]);
  });

  it('415 on a body not declared as JSON', async () => {
    const res = await api.fetch('/v1/estimate', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(valid),
    });
    const problem = await expectProblem(res, 415);
    expect(problem.errors[0]?.code).toBe('unsupported_media_type');
  });

  it('413 on a body over 1 MiB', async () => {
    const body = JSON.stringify({ ...valid, padding: 'x'.repeat(2 * 1024 * 1024) });
    const res = await api.fetch('/v1/estimate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const problem = await expectProblem(res, 413);
    expect(problem.type).toBe('https://gridshift.dev/problems/payload-too-large');
  });

  it('404 on an unknown route', async () => {
    const problem = await expectProblem(await api.get('/v1/nope'), 404);
    expect(problem.type).toBe('https://gridshift.dev/problems/not-found');
    expect(problem.instance).toBe('/v1/nope');
  });

  it('405 with Allow on a known route and the wrong method', async () => {
    const res = await api.get('/v1/estimate');
    expect(res.headers.get('allow')).toBe('POST');
    await expectProblem(res, 405);
    const del = await api.fetch('/v1/regions', { method: 'DELETE' });
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    await expectProblem(del, 405);
  });

  it('422 on invalid query parameters, by parameter name', async () => {
    const problem = await expectProblem(await api.get('/v1/hardware?kind=tpus&limit=501'), 422);
    expect(errorPaths(problem).sort()).toEqual(['kind', 'limit']);
  });

  test.prop([fc.jsonValue()], { numRuns: 40 })(
    'never answers 5xx to arbitrary JSON',
    async (value) => {
      const res = await api.postJson('/v1/estimate', value);
      expect([200, 422]).toContain(res.status);
      if (res.status !== 200) await expectProblem(res, 422);
    },
  );
});
