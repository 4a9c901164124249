// A malformed GRIDSHIFT_* variable on the Worker: every request gets a 503 problem naming the
// variable (never its value, never a bare 500), and the reason is logged once, not per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/problem.ts';
import { startWranglerDev, type RunningWorker } from './wrangler-dev.ts';

describe.skipIf(process.env.GRIDSHIFT_TEST_WORKER === '0')(
  'Worker with a malformed setting',
  () => {
    let worker: RunningWorker;
    beforeAll(async () => {
      worker = await startWranglerDev({
        vars: { GRIDSHIFT_RATE_LIMIT: 'banana-per-fortnight' },
        readyStatus: 503,
      });
    });
    afterAll(() => worker?.close());

    it('refuses every request with a 503 naming the variable, and logs why once', async () => {
      for (const init of [
        undefined,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      ]) {
        const path = init ? '/v1/estimate' : '/health';
        const problem = await expectProblem(await fetch(worker.url + path, init), 503);
        expect(problem.type).toBe('https://gridshift.dev/problems/misconfigured');
        expect(problem.detail).toContain('GRIDSHIFT_RATE_LIMIT');
        expect(JSON.stringify(problem)).not.toContain('banana');
      }
      const logged = /invalid configuration: GRIDSHIFT_RATE_LIMIT: expected e\.g\. 60\/min/g;
      for (let i = 0; i < 100 && !logged.test(worker.output()); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(worker.output().match(logged)).toHaveLength(1);
    });
  },
);
