// The OpenAPI 3.1 document: @hono/zod-openapi generates it from the routes' createRoute configs;
// here it gets its info, `security: []`, the shared answers, and examples that are the app's own answers.
import type { Tables } from '../core/tables.ts';
import { METHODOLOGY_VERSION } from '../core/estimate.ts';
import { BOAMPS_MEDIA_TYPE } from '../service/estimate-format.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import { PROBLEMS, problemTypeUri, type ProblemCode } from '../service/problem.ts';
import { routingPath, type ApiApp, type ApiRoute, type ExampleRequest } from './route.ts';

type Json = Record<string, unknown>;

const INFO = {
  title: 'gridshift API',
  version: METHODOLOGY_VERSION,
  summary: 'Energy, CO2e, sources and greener options for a compute workload.',
  description:
    'Every figure names its factors, sources and assumptions; every error is an RFC 9457 `application/problem+json` answer with `errors: [{path, code, message}]`. `info.version` is the methodology version. No key is needed: the API is open (`security: []`).',
  license: {
    name: 'Apache-2.0 (code); tables derived from Electricity Maps data under ODbL-1.0',
    identifier: 'Apache-2.0',
  },
};

const TAGS = [
  { name: 'estimate', description: 'One workload' },
  { name: 'decide', description: 'Compare, suggest, batch' },
  { name: 'catalog', description: 'Regions, zones, hardware, models, presets, sources' },
  { name: 'meta', description: 'Health and this documentation' },
];

// One document per table set, built at its first request (examples are real answers, so it takes a moment).
const documents = new WeakMap<Tables, Promise<Json>>();

/** The document for these tables, made once by `build` (its examples are answers of a plain app over them). */
export function cachedDocument(tables: Tables, build: () => Promise<Json>): Promise<Json> {
  let document = documents.get(tables);
  if (!document) {
    document = build();
    documents.set(tables, document);
    document.catch(() => documents.delete(tables));
  }
  return document;
}

/** The whole document; `app` answers the example requests and holds the routes' registry. */
export async function buildOpenApiDocument(
  app: ApiApp,
  routes: readonly ApiRoute[],
): Promise<Json> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: '/' }],
    tags: TAGS,
    security: [],
  });
  const paths = document.paths as Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, Json> }> }>
  >;
  await Promise.all(
    routes.flatMap((route) =>
      Object.entries(route.examples).map(async ([key, example]) => {
        const [status = '', type] = key.split(' ');
        const media = type ?? (status === '200' ? 'application/json' : 'application/problem+json');
        const content =
          paths[route.config.path]?.[route.config.method]?.responses[status]?.content?.[media];
        if (!content)
          throw new Error(
            `${route.config.method.toUpperCase()} ${route.config.path}: example ${key} has no documented answer`,
          );
        const answer = await exampleAnswer(app, route.config.method, example, Number(status));
        content.example = media === BOAMPS_MEDIA_TYPE ? fixReportMeta(answer) : answer;
      }),
    ),
  );
  return { ...document, components: { ...document.components, responses: sharedResponses() } };
}

/** The app's answer to an example: JSON parsed, anything else as text; a wrong status is a doc bug. */
async function exampleAnswer(
  app: ApiApp,
  method: string,
  example: ExampleRequest,
  status: number,
): Promise<unknown> {
  const { path, body, raw, headers } = example;
  const contentType = body !== undefined ? 'application/json' : raw?.contentType;
  const res = await app.request(path, {
    method: method.toUpperCase(),
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : raw ? { body: raw.text } : {}),
  });
  const text = await res.text();
  if (res.status !== status)
    throw new Error(
      `example ${method.toUpperCase()} ${routingPath(path)} answered ${res.status}, documented ${status}: ${text.slice(0, 300)}`,
    );
  return /json/.test(res.headers.get('content-type') ?? '') ? (JSON.parse(text) as unknown) : text;
}

/** A BoAmps example's id and time are fixed, so the document is the same on every server and run. */
function fixReportMeta(report: unknown): unknown {
  const r = report as { header?: Json };
  return r.header
    ? {
        ...r,
        header: {
          ...r.header,
          reportId: '00000000-0000-4000-8000-000000000000',
          reportDatetime: '2026-01-01 00:00:00',
        },
      }
    : r;
}

function problemExample(code: ProblemCode, detail: string, message: string): Json {
  const kind = PROBLEMS[code];
  return {
    type: problemTypeUri(code),
    title: kind.title,
    status: kind.status,
    detail,
    instance: '/v1/estimate',
    errors: [{ path: '', code, message }],
  };
}

function sharedResponses(): Json {
  const problem = (description: string, example: Json) => ({
    description,
    content: {
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example },
    },
  });
  return {
    PayloadTooLarge: problem(
      'The body is over the limit (1 MiB; 16 MiB for /v1/batch; 100 MiB, or 1 GiB inflated from gzip, for /v1/focus).',
      problemExample(
        'payload_too_large',
        `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
        `expected at most ${MAX_BODY_BYTES} bytes`,
      ),
    ),
    MethodNotAllowed: problem(
      'The path exists, the method does not; `Allow` lists the methods.',
      problemExample(
        'method_not_allowed',
        'DELETE is not allowed here; allowed: POST',
        'expected one of POST',
      ),
    ),
    InternalError: problem(
      'Unexpected failure; nothing of the request is echoed.',
      problemExample(
        'internal_error',
        'An unexpected error occurred; it has been logged.',
        'the server could not complete the request',
      ),
    ),
  };
}
