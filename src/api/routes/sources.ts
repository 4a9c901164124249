// GET /v1/sources: every dataset the tables come from, with licence and attribution.
import { listSources } from '../../service/catalog.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const sourceRoutes = [
  defineRoute({
    method: 'get',
    path: '/v1/sources',
    summary: 'Datasets behind the estimates: title, licence, year, url, attribution',
    tags: ['catalog'],
    request: {},
    handler: (_input, c) => {
      const sources = listSources(c.get('tables'));
      return jsonAnswer(c, { sources, count: sources.length });
    },
  }),
];
