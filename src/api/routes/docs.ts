// GET /openapi.json (the OpenAPI 3.1 document) and GET /docs (a page that renders it).
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { docsCsp, DOCS_PAGE } from '../docs-page.ts';
import { jsonAnswer } from '../json-text.ts';
import { defineRoute, type ApiRoute, type AppEnv } from '../route.ts';
import { COMMON_RESPONSES } from '../route-docs.ts';

/** The document for the app answering `c`; createApp supplies it, so this file needs no app of its own. */
export type DocumentOf = (c: Context<AppEnv>) => Promise<Record<string, unknown>>;

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenapiJson',
  summary: "This API's OpenAPI 3.1 document",
  description:
    'This document (OpenAPI 3.1), generated from the zod schemas of the routes; its examples are real answers of this server.',
  tags: ['meta'],
  responses: {
    200: {
      description: 'The document.',
      content: { 'application/json': { schema: { type: 'object' } } },
    },
    ...COMMON_RESPONSES,
  },
}) satisfies RouteConfig;

const pageRoute = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getDocs',
  summary: 'Browsable API documentation',
  description:
    'A page that renders this document: every route, its parameters, body, answers and examples. Served from the app, no outside assets.',
  tags: ['meta'],
  responses: {
    200: { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } },
    ...COMMON_RESPONSES,
  },
});

/** The document and its page; neither is sent to itself for examples. */
export function docsRoutes(documentOf: DocumentOf): ApiRoute[] {
  return [
    defineRoute({
      config: documentRoute,
      examples: {},
      handler: async (c) => jsonAnswer(c, await documentOf(c)),
    }),
    defineRoute({
      config: pageRoute,
      examples: {},
      handler: async (c) =>
        c.html(DOCS_PAGE, 200, {
          'content-security-policy': await docsCsp(),
          'x-content-type-options': 'nosniff',
        }),
    }),
  ];
}
