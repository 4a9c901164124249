// What route files share in their OpenAPI declarations: named component schemas, problem answers,
// and the example workload.
import { extendZodWithOpenApi } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  MAX_BATCH_ITEMS,
  PresetRequest,
  WorkloadRequest,
  WorkloadRequestField,
  workloadRequestBranch,
} from '../core/decision-schemas.ts';
import { Workload } from '../core/schemas.ts';
import { Problem } from '../service/problem.ts';
import type { ExampleRequest } from './route.ts';

// The zod our schemas come from gets `.openapi()`; under a bundler it may be another copy than the library's.
extendZodWithOpenApi(z);
type Describe = (this: z.ZodType, refIdOrMetadata: string | Record<string, unknown>) => z.ZodType;
const { openapi } = z.ZodType.prototype as unknown as { openapi: Describe };

/** `schema.openapi(...)` for schemas made before zod was extended: zod copies prototype members at construction. */
function withOpenApi<T extends z.ZodType>(
  schema: T,
  refIdOrMetadata: string | Record<string, unknown>,
): T {
  return openapi.call(schema, refIdOrMetadata) as T;
}

export const WorkloadSchema = withOpenApi(Workload, 'Workload');

/** The body of /v1/estimate, validated by its route: a `$ref` wherever a workload request goes. */
export const WorkloadRequestBody = z
  .union([WorkloadSchema, PresetRequest])
  .meta(WorkloadRequest.meta() ?? {})
  .openapi('WorkloadRequest');

/** A workload request inside compare or suggest: read by the route (refusals say `workload.…`), documented as the body type. */
export const WorkloadRequestInside = withOpenApi(WorkloadRequestField, {
  allOf: [{ $ref: '#/components/schemas/WorkloadRequest' }],
});

/** The batch body as documented: each item is read on its own, so one bad workload fails only its row. */
export const BatchRequestBody = z
  .object({ workloads: z.array(WorkloadRequestBody).max(MAX_BATCH_ITEMS) })
  .strict()
  .openapi('BatchRequest');

const ProblemSchema = withOpenApi(Problem, 'Problem');

/** The schema a refused value is described against: a workload request's branch, as the route reads it. */
export function describedBranch(schema: z.ZodType, value: unknown): z.ZodType {
  return schema === WorkloadRequestBody ? workloadRequestBranch(value) : schema;
}

const TITLES: Record<number, string> = {
  400: 'Malformed request body',
  404: 'Not found',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Invalid request',
};

/** Problem answers by status, each with its own example (route examples keyed by the status). */
export function problemResponses<S extends 400 | 404 | 413 | 415 | 422>(...statuses: S[]) {
  const problem = (status: S) => ({
    description: TITLES[status],
    content: { 'application/problem+json': { schema: ProblemSchema } },
  });
  return Object.fromEntries(statuses.map((status) => [status, problem(status)])) as Record<
    S,
    ReturnType<typeof problem>
  >;
}

/** Answers any route may give: another method on its path, an unexpected failure. */
export const COMMON_RESPONSES = {
  405: { $ref: '#/components/responses/MethodNotAllowed' },
  500: { $ref: '#/components/responses/InternalError' },
} as const;

/** A body over the limit, answered before the route runs. */
export const TOO_LARGE = { 413: { $ref: '#/components/responses/PayloadTooLarge' } } as const;

export const JOB = {
  location: 'aws:us-east-1',
  durationHours: 36,
  gpu: { model: 'H100 SXM', count: 8, utilization: 0.9 },
  cpu: { model: 'AMD EPYC 9654', threads: 96, utilization: 0.5 },
  memoryGb: 2048,
};

/** Examples of what every JSON-body route refuses: malformed JSON, a body not declared as JSON. */
export function bodyErrorExamples(path: string): Record<'400' | '415', ExampleRequest> {
  return {
    400: { path, raw: { contentType: 'application/json', text: '{"location": "aws:us-east-1",' } },
    415: { path, raw: { contentType: 'text/plain', text: 'location=aws:us-east-1' } },
  };
}
