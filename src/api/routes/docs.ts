// GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (a page that renders it).
import type { Tables } from '../../core/tables.ts';
import { createApp, ROUTES } from '../app.ts';
import { DOCS_CSP, DOCS_PAGE } from '../docs-page.ts';
import { buildOpenApiDocument, type SendExample } from '../openapi.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

// One document per table set, built at its first request (examples are real answers, so it takes a moment).
const documents = new WeakMap<Tables, Promise<Record<string, unknown>>>();

function documentFor(tables: Tables): Promise<Record<string, unknown>> {
  let document = documents.get(tables);
  if (!document) {
    // A plain app over the same tables answers the examples (no live grid data, no outside calls).
    const app = createApp({ tables });
    const send: SendExample = (method, { path, body, raw, headers }) =>
      Promise.resolve(
        app.request(path, {
          method: method.toUpperCase(),
          headers: { ...(body !== undefined || raw ? { 'content-type': raw?.contentType ?? 'application/json' } : {}), ...headers },
          ...(body !== undefined ? { body: JSON.stringify(body) } : raw ? { body: raw.text } : {}),
        }),
      );
    document = buildOpenApiDocument(ROUTES, send);
    documents.set(tables, document);
    document.catch(() => documents.delete(tables));
  }
  return document;
}

export const docsRoutes = [
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
