// Every golden request answers byte for byte as recorded in answers.json, on Node and in workerd.
// A change that moves a number must regenerate the corpus on purpose (`npm run golden:update`).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { apiTargets } from '../helpers/server.ts';
import { describeApi } from '../helpers/describe-api.ts';
import { goldenRequests } from './requests.ts';
import { exchange, type GoldenAnswer } from './exchange.ts';

const answers = JSON.parse(
  readFileSync(new URL('./answers.json', import.meta.url), 'utf8'),
) as GoldenAnswer[];

it('holds one recorded answer per request, in order', () => {
  expect(answers.map((a) => a.name)).toEqual(goldenRequests.map((r) => r.name));
  expect(answers.length).toBeGreaterThan(100);
});

describeApi('golden corpus', apiTargets(), (api) => {
  it('answers every request exactly as recorded', async () => {
    const mismatched: string[] = [];
    for (const [i, r] of goldenRequests.entries()) {
      const got = await exchange(api.baseUrl, r);
      const want = answers[i]!;
      if (
        got.status !== want.status ||
        got.contentType !== want.contentType ||
        got.body !== want.body
      )
        mismatched.push(r.name);
    }
    expect(mismatched).toEqual([]);
  }, 120_000);
});
