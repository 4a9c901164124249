// GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (a page that renders it).
import type { Estimator } from '../../core/estimator.ts';
import { createApp, ROUTES } from '../app.ts';
import { DOCS_CSP, DOCS_PAGE } from '../docs-page.ts';
import { buildOpenApiDocument, type SendExample } from '../openapi.ts';
import { defineRoute } from '../route.ts';
import { jsonAnswer } from '../json-text.ts';

// One document per estimator, built at its first request (examples are real answers, so it takes a moment).
const documents = new WeakMap<Estimator, Promise<Record<string, unknown>>>();

function documentFor(estimator: Estimator): Promise<Record<string, unknown>> {
  let document = documents.get(estimator);
  if (!document) {
    // A plain app over the same estimator answers the examples (no live grid data, no outside calls).
    const app = createApp({ estimator });
    const send: SendExample = (method, { path, body, raw, headers }) =>
      Promise.resolve(
        app.request(path, {
          method: method.toUpperCase(),
          headers: { ...(body !== undefined || raw ? { 'content-type': raw?.contentType ?? 'application/json' } : {}), ...headers },
          ...(body !== undefined ? { body: JSON.stringify(body) } : raw ? { body: raw.text } : {}),
        }),
      );
    document = buildOpenApiDocument(ROUTES, send);
    documents.set(estimator, document);
    document.catch(() => documents.delete(estimator));
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
    handler: async (_input, c) => jsonAnswer(c, await documentFor(c.get('estimator'))),
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
