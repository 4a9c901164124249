// createApp in-process (app.request): isolation between apps and the 5xx / HTTPException paths.
import { HTTPException } from 'hono/http-exception';
import { createEstimator } from '../../src/core/estimator.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import type { Region, Tables } from '../../src/core/tables.ts';
import { fixtureTables } from '../helpers/fixture-tables.ts';
import { expectProblem } from '../helpers/problem.ts';

/** Tables whose region table fails on read, as a corrupt build might. */
function tablesWithBrokenRegions(): Tables {
  const regions = new Map<string, Region>();
  regions.values = () => {
    throw new Error('secret internal detail at /srv/tables.ts');
  };
  return { ...fixtureTables, regions };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createApp', () => {
  it('serves the tables it is given, sharing nothing between apps', async () => {
    const full = createApp({ estimator: createEstimator(fixtureTables) });
    const empty = createApp({
      estimator: createEstimator({ ...fixtureTables, regions: new Map() }),
    });
    expect(await (await full.request('/v1/regions')).json()).toMatchObject({ count: 4 });
    expect(await (await empty.request('/v1/regions')).json()).toMatchObject({ count: 0 });
  });

  it('answers an unexpected error with a generic 500 that echoes nothing, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createApp({ estimator: createEstimator(tablesWithBrokenRegions()) }).request(
      '/v1/regions?q=my-query',
    );
    const problem = await expectProblem(res, 500);
    expect(problem.type).toBe('https://gridshift.dev/problems/internal-error');
    expect(JSON.stringify(problem)).not.toMatch(/secret|srv|my-query/);
    expect(log).toHaveBeenCalledOnce();
  });

  it('keeps the status of an HTTPException as a problem', async () => {
    const app = createApp({ estimator: createEstimator(fixtureTables) });
    app.get('/test/forbidden', () => {
      throw new HTTPException(403, { message: 'no access' });
    });
    const problem = await expectProblem(await app.request('/test/forbidden'), 403);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Forbidden', detail: 'no access' });
  });
});
