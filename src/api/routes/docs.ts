// GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (a page that renders it).
import { DOCS_CSP, DOCS_PAGE } from '../docs-page.ts';
import type { DocumentFor } from '../openapi-document.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

/** The docs routes over `documentFor` (api/openapi-document.ts), which app.ts makes from itself. */
export function docsRoutes(documentFor: DocumentFor) {
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: "This API's OpenAPI 3.1 document",
      tags: ['meta'],
      request: {},
      handler: async (_input, c) => jsonAnswer(c, await documentFor(c.get('tables'))),
    }),
    defineRoute({
      method: 'get',
      path: '/docs',
      summary: 'Browsable API documentation',
      tags: ['meta'],
      request: {},
      handler: (_input, c) => c.html(DOCS_PAGE, 200, { 'content-security-policy': DOCS_CSP, 'x-content-type-options': 'nosniff' }),
    }),
  ];
}
