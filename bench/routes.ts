// The HTTP benchmark's reference routes (bench/http.ts), registered by bench/server.ts on the app it
// starts; never part of the product or its API document.
// Both go through the same app, middleware and JSON body reading as every other route.
// - POST /bench/echo, the floor: answers the parsed body unchanged, so `/v1/estimate` against it
//   measures what the estimate itself adds.
// - POST /bench/answer: answers the very text `/v1/estimate` answers for the same body, kept from
//   the first time, so it costs the answer's size without the work of making it: what is left
//   between it and /v1/estimate is validation, estimation and serialisation.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { withPresetAssumptions } from '../src/core/presets.ts';
import { jsonText, textAnswer } from '../src/api/json-text.ts';
import { defineRoute } from '../src/api/route.ts';
import { readWorkload } from '../src/service/workload-request.ts';
import { jsonBody } from '../src/api/validate.ts';

const anyJson = {
  body: { required: true, content: { 'application/json': { schema: z.unknown() } } },
};
const answer = { 200: { description: 'The body, or the estimate text.' } };

/** Answers by request body text; bench bodies are a handful, so the map stays small. */
const answers = new Map<string, string>();
const MAX_ANSWERS = 16;

export const benchRoutes = [
  defineRoute({
    config: createRoute({
      method: 'post',
      path: '/bench/echo',
      hide: true,
      middleware: [jsonBody()],
      request: anyJson,
      responses: answer,
    }),
    examples: {},
    handler: (c) => c.json(c.req.valid('json')),
  }),
  defineRoute({
    config: createRoute({
      method: 'post',
      path: '/bench/answer',
      hide: true,
      middleware: [jsonBody()],
      request: anyJson,
      responses: answer,
    }),
    examples: {},
    handler: (c) => {
      const body = c.req.valid('json');
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
