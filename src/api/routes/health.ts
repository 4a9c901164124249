// GET /health: liveness plus the size of every table loaded.
import { METHODOLOGY_VERSION } from '../../core/estimate.ts';
import { countTables } from '../../service/catalog.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    summary: 'Liveness and table sizes',
    tags: ['meta'],
    request: {},
    handler: (_input, c) => jsonAnswer(c, { status: 'ok', methodologyVersion: METHODOLOGY_VERSION, tables: countTables(c.get('tables')) }),
  }),
];
