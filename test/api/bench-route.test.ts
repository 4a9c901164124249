// The benchmark's floor route: absent unless createApp({ benchMode: true }), then an echo of the
// parsed JSON body through the same body reading as every route. No timings here (bench/ prints them).
import { describe, expect, it } from 'vitest';
import { createEstimator } from '../../src/core/estimator.ts';
import { createApp } from '../../src/api/app.ts';
import { fixtureTables } from '../helpers/fixture-tables.ts';
import { expectProblem } from '../helpers/problem.ts';

const body = { location: 'aws:us-east-1', durationHours: 36, gpu: { model: 'H100 SXM', count: 8 } };
const post = (init: { body: string; type?: string }) => ({
  method: 'POST',
  headers: { 'content-type': init.type ?? 'application/json' },
  body: init.body,
});

describe('POST /bench/echo', () => {
  it('does not exist by default', async () => {
    const res = await createApp({ estimator: createEstimator(fixtureTables) }).request('/bench/echo', post({ body: JSON.stringify(body) }));
    await expectProblem(res, 404);
  });

  it('answers the parsed body unchanged in bench mode', async () => {
    const res = await createApp({ estimator: createEstimator(fixtureTables), benchMode: true }).request('/bench/echo', post({ body: JSON.stringify(body) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
  });

  it('refuses what every JSON route refuses', async () => {
    const app = createApp({ estimator: createEstimator(fixtureTables), benchMode: true });
    await expectProblem(await app.request('/bench/echo', post({ body: '{"a":' })), 400);
    await expectProblem(await app.request('/bench/echo', post({ body: '{}', type: 'text/plain' })), 415);
  });
});

describe('POST /bench/answer', () => {
  it('does not exist by default', async () => {
    await expectProblem(await createApp({ estimator: createEstimator(fixtureTables) }).request('/bench/answer', post({ body: JSON.stringify(body) })), 404);
  });

  it("answers /v1/estimate's very bytes for the same body, the first time and from then on", async () => {
    const app = createApp({ estimator: createEstimator(fixtureTables), benchMode: true });
    const single = await app.request('/v1/estimate', post({ body: JSON.stringify(body) }));
    expect(single.status).toBe(200);
    const expected = await single.text();
    for (const hours of [36, 36]) {
      const res = await app.request('/bench/answer', post({ body: JSON.stringify({ ...body, durationHours: hours }) }));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(single.headers.get('content-type'));
      expect(await res.text()).toBe(expected);
    }
    const other = await app.request('/bench/answer', post({ body: JSON.stringify({ ...body, durationHours: 2 }) }));
    expect((await other.json()).durationHours).toBe(2);
  });

  it('refuses what /v1/estimate refuses', async () => {
    const app = createApp({ estimator: createEstimator(fixtureTables), benchMode: true });
    await expectProblem(await app.request('/bench/answer', post({ body: JSON.stringify({ ...body, gpu: { model: 'H100 SXM', count: 0 } }) })), 422);
  });
});
