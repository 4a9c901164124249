// The HTTP benchmark's reference routes (bench/http.ts), registered only when
// createApp({ benchMode: true }) (GRIDSHIFT_BENCH=1 in src/node.ts); not part of the API document.
// Both go through the same app, middleware and JSON body reading as every other route.
// - POST /bench/echo, the floor: answers the parsed body unchanged, so `/v1/estimate` against it
//   measures what the estimate itself adds.
// - POST /bench/answer: answers the very text `/v1/estimate` answers for the same body, kept from
//   the first time, so it costs the answer's size without the work of making it: what is left
//   between it and /v1/estimate is validation, estimation and serialisation.
import { z } from 'zod';
import { withPresetAssumptions } from '../../core/presets.ts';
import { jsonText, textAnswer } from '../json-text.ts';
import { defineRoute } from '../route.ts';
import { readWorkload } from '../workload-request.ts';

/** Answers by request body text; bench bodies are a handful, so the map stays small. */
const answers = new Map<string, string>();
const MAX_ANSWERS = 16;

export const benchRoutes = [
  defineRoute({
    method: 'post',
    path: '/bench/echo',
    summary: 'Benchmark floor: parses the JSON body and answers it unchanged (bench mode only)',
    tags: ['bench'],
    request: { body: z.unknown() },
    handler: ({ body }, c) => c.json(body),
  }),
  defineRoute({
    method: 'post',
    path: '/bench/answer',
    summary: "Benchmark reference: parses the JSON body and answers /v1/estimate's text for it, made once (bench mode only)",
    tags: ['bench'],
    request: { body: z.unknown() },
    handler: ({ body }, c) => {
      const key = JSON.stringify(body);
      let text = answers.get(key);
      if (text === undefined) {
        const tables = c.get('tables');
        const { workload, preset } = readWorkload(body, tables);
        text = jsonText(withPresetAssumptions(c.get('estimator').estimate(workload), preset));
        if (answers.size < MAX_ANSWERS) answers.set(key, text);
      }
      return textAnswer(c, text);
    },
  }),
];
