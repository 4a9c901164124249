// The OpenAPI 3.1 document, generated from the routes' zod schemas (JSON Schema 2020-12, as 3.1 uses)
// and ROUTE_DOCS; examples are answers of the app itself to the example requests.
import { z } from 'zod';
import { METHODOLOGY_VERSION } from '../core/estimate.ts';
import { Workload } from '../core/schemas.ts';
import { WorkloadRequest } from '../core/decision-schemas.ts';
import { BOAMPS_MEDIA_TYPE } from '../service/estimate-format.ts';
import { PROBLEMS, Problem, problemTypeUri, type ProblemCode } from '../service/problem.ts';
import { MAX_BODY_BYTES } from './limits.ts';
import type { Route } from './route.ts';
import { ROUTE_DOCS, type ExampleRequest, type RouteDoc } from './openapi-routes.ts';

type Json = Record<string, unknown>;
/** Sends an example request to the app and returns its answer. */
export type SendExample = (method: string, example: ExampleRequest) => Promise<Response>;

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A zod schema as a JSON Schema 2020-12 object; the workload-or-preset body is a reference. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema !== WorkloadRequest || schema === WorkloadRequest) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[key];
      Object.assign(ctx.jsonSchema, REF('WorkloadRequest'));
    },
  }) as Json;
  delete json.$schema;
  return json;
}

/** `/v1/regions/:id` -> `/v1/regions/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The whole document. Every route needs a ROUTE_DOCS entry; a missing one is a programming error. */
export async function buildOpenApiDocument(routes: readonly Route[], send: SendExample): Promise<Json> {
  const paths: Record<string, Json> = {};
  const operations = await Promise.all(routes.map(async (route) => [route, await describeOperation(route, docOf(route), send)] as const));
  for (const [route, operation] of operations) (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  return {
    openapi: '3.1.0',
    info: {
      title: 'gridshift API',
      version: METHODOLOGY_VERSION,
      summary: 'Energy, CO2e, sources and greener options for a compute workload.',
      description: 'Every figure names its factors, sources and assumptions; every error is an RFC 9457 `application/problem+json` answer with `errors: [{path, code, message}]`. `info.version` is the methodology version.',
      license: { name: 'Apache-2.0 (code); tables derived from Electricity Maps data under ODbL-1.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'estimate', description: 'One workload' },
      { name: 'decide', description: 'Compare, suggest, batch' },
      { name: 'catalog', description: 'Regions, zones, hardware, models, presets, sources' },
      { name: 'meta', description: 'Health and this documentation' },
    ],
    paths,
    components: { schemas: componentSchemas(), responses: sharedResponses() },
  };
}

function docOf(route: Route): RouteDoc {
  const doc = ROUTE_DOCS[`${route.method} ${route.path}`];
  if (!doc) throw new Error(`ROUTE_DOCS has no entry for ${route.method.toUpperCase()} ${route.path}`);
  return doc;
}

async function describeOperation(route: Route, doc: RouteDoc, send: SendExample): Promise<Json> {
  const hasBody = route.request.body !== undefined || doc.body !== undefined;
  const [ok, errors] = await Promise.all([describeOk(route, doc, send), describeErrors(route, doc, send)]);
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: doc.description,
    tags: [...route.tags],
    ...(parameters(route).length > 0 ? { parameters: parameters(route) } : {}),
    ...(hasBody ? { requestBody: requestBody(route, doc) } : {}),
    responses: {
      '200': ok,
      ...errors,
      ...(hasBody ? { '413': { $ref: '#/components/responses/PayloadTooLarge' } } : {}),
      '405': { $ref: '#/components/responses/MethodNotAllowed' },
      '500': { $ref: '#/components/responses/InternalError' },
    },
  };
}

/** `post /v1/regions/:id` -> `postV1RegionsId`. */
function operationId(route: Route): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return route.method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function parameters(route: Route): Json[] {
  const of = (schema: z.ZodType | undefined, where: 'query' | 'path') => {
    if (!schema) return [];
    const json = toJsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, { description, ...rest }]) => ({
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    }));
  };
  return [...of(route.request.params, 'path'), ...of(route.request.query, 'query')];
}

function requestBody(route: Route, doc: RouteDoc): Json {
  const schema = route.request.body ?? doc.body?.schema;
  const body = doc.example.body;
  const json = schema === WorkloadRequest ? REF('WorkloadRequest') : toJsonSchema(schema!, 'input');
  const also = Object.entries(doc.body?.also ?? {}).map(([type, { description, example }]) => [type, { schema: { type: 'string', description }, example }]);
  return { required: true, content: { 'application/json': { schema: json, ...(body === undefined ? {} : { example: body }) }, ...Object.fromEntries(also) } };
}

async function describeOk(route: Route, doc: RouteDoc, send: SendExample): Promise<Json> {
  const { ok } = doc;
  // The document and its page are not sent to themselves.
  if (ok.schema === null) return { description: ok.description, content: { [ok.mediaType ?? 'application/json']: { schema: ok.mediaType === 'text/html' ? { type: 'string' } : { type: 'object' } } } };
  const content: Json = { 'application/json': { schema: toJsonSchema(ok.schema, 'output'), example: await exampleAnswer(route.method, doc.example, send, 200) } };
  for (const [type, alt] of Object.entries(ok.also ?? {})) {
    const example = await exampleAnswer(route.method, alt.example, send, 200);
    content[type] = { schema: type === 'text/csv' ? { type: 'string', description: alt.description } : { type: 'object', description: alt.description }, example: type === BOAMPS_MEDIA_TYPE ? fixReportMeta(example) : example };
  }
  return { description: ok.description, content };
}

async function describeErrors(route: Route, doc: RouteDoc, send: SendExample): Promise<Json> {
  const entries = await Promise.all(
    Object.entries(doc.errors).map(async ([status, request]) => {
      const example = await exampleAnswer(route.method, request, send, Number(status));
      return [status, { description: (example as { title?: string }).title ?? 'Refused', content: { 'application/problem+json': { schema: REF('Problem'), example } } }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The app's answer to an example: JSON parsed, anything else as text; a wrong status is a doc bug. */
async function exampleAnswer(method: string, example: ExampleRequest, send: SendExample, status: number): Promise<unknown> {
  const res = await send(method, example);
  const text = await res.text();
  if (res.status !== status) throw new Error(`example ${method.toUpperCase()} ${example.path} answered ${res.status}, documented ${status}: ${text.slice(0, 300)}`);
  return /json/.test(res.headers.get('content-type') ?? '') ? (JSON.parse(text) as unknown) : text;
}

/** A BoAmps example's id and time are fixed, so the document is the same on every server and run. */
function fixReportMeta(report: unknown): unknown {
  const r = report as { header?: Json };
  return r.header ? { ...r, header: { ...r.header, reportId: '00000000-0000-4000-8000-000000000000', reportDatetime: '2026-01-01 00:00:00' } } : r;
}

function componentSchemas(): Json {
  return {
    Problem: toJsonSchema(Problem, 'output'),
    Workload: toJsonSchema(Workload, 'input'),
    WorkloadRequest: {
      description: WorkloadRequest.meta()?.description ?? '',
      anyOf: [
        REF('Workload'),
        { type: 'object', required: ['preset'], properties: { preset: { type: 'string', description: 'A preset id from /v1/presets' } }, additionalProperties: true },
      ],
    },
  };
}

function problemExample(code: ProblemCode, detail: string, message: string): Json {
  const kind = PROBLEMS[code];
  return { type: problemTypeUri(code), title: kind.title, status: kind.status, detail, instance: '/v1/estimate', errors: [{ path: '', code, message }] };
}

function sharedResponses(): Json {
  const problem = (description: string, example: Json) => ({ description, content: { 'application/problem+json': { schema: REF('Problem'), example } } });
  return {
    PayloadTooLarge: problem('The body is over the limit (1 MiB; 16 MiB for /v1/batch).', problemExample('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, `expected at most ${MAX_BODY_BYTES} bytes`)),
    MethodNotAllowed: problem('The path exists, the method does not; `Allow` lists the methods.', { ...problemExample('method_not_allowed', 'DELETE is not allowed here; allowed: POST', 'expected one of POST'), instance: '/v1/estimate' }),
    InternalError: problem('Unexpected failure; nothing of the request is echoed.', problemExample('internal_error', 'An unexpected error occurred; it has been logged.', 'the server could not complete the request')),
  };
}
