// RFC 9457 problem details: one table from every error code to its HTTP form.
import { z } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, type ErrorCode, type EstimateError } from '../core/errors.ts';

/** Refusals the HTTP layer itself produces (core's refusals are `ERROR_CODES`). */
export const API_PROBLEM_CODES = [
  'invalid_json',
  'unsupported_media_type',
  'validation_failed',
  'payload_too_large',
  'unknown_region',
  'unknown_zone',
  'not_found',
  'method_not_allowed',
  'internal_error',
] as const;
export type ApiProblemCode = (typeof API_PROBLEM_CODES)[number];
export type ProblemCode = ErrorCode | ApiProblemCode;

/** Every code a problem response can carry: core's and the API's. */
export const PROBLEM_CODES: readonly ProblemCode[] = [...ERROR_CODES, ...API_PROBLEM_CODES];

export interface ProblemKind {
  status: ContentfulStatusCode;
  title: string;
}

/**
 * Status policy: 400 = the body is not JSON; 415 = the body is not declared as JSON; 413 = over the
 * size limit; 422 = well-formed JSON whose values are refused (schema or core); 404 = no such
 * resource or route; 405 = route exists, method does not.
 */
export const PROBLEMS: { readonly [K in ProblemCode]: ProblemKind } = {
  unknown_location: { status: 422, title: 'Unknown location' },
  unknown_instance: { status: 422, title: 'Unknown instance type' },
  unknown_gpu: { status: 422, title: 'Unknown GPU or accelerator' },
  unknown_cpu: { status: 422, title: 'Unknown CPU' },
  no_grid_data: { status: 422, title: 'No grid data for this location' },
  missing_power: { status: 422, title: 'Missing power figure' },
  missing_duration: { status: 422, title: 'Missing duration' },
  missing_throughput: { status: 422, title: 'Missing throughput figure' },
  unknown_model: { status: 422, title: 'Unknown AI model' },
  empty_workload: { status: 422, title: 'Empty workload' },
  inconsistent_input: { status: 422, title: 'Inconsistent input' },
  unknown_preset: { status: 422, title: 'Unknown preset' },
  invalid_json: { status: 400, title: 'Malformed JSON body' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  validation_failed: { status: 422, title: 'Invalid request' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unknown_region: { status: 404, title: 'Unknown region' },
  unknown_zone: { status: 404, title: 'Unknown grid zone' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  internal_error: { status: 500, title: 'Internal server error' },
};

const TYPE_BASE = 'https://gridshift.dev/problems/';

/** `unknown_location` -> `https://gridshift.dev/problems/unknown-location`. */
export function problemTypeUri(code: ProblemCode): string {
  return TYPE_BASE + code.replace(/_/g, '-');
}

/** One refused field. `path` is dotted (`gpu.model`, `storage.ssdTb`); `""` is the whole body. */
export const ProblemItem = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type ProblemItem = z.infer<typeof ProblemItem>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(ProblemItem),
  /** Closest known ids, for unknown-id problems. */
  candidates: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof Problem>;

export interface ProblemInit {
  code: ProblemCode;
  detail: string;
  errors?: readonly ProblemItem[];
  candidates?: readonly string[];
  headers?: Record<string, string>;
}

/** Thrown inside the app to answer with a problem; `app.onError` serialises it. */
export class ProblemException extends Error {
  readonly init: ProblemInit;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = 'ProblemException';
    this.init = init;
  }
}

/** Dotted path of a zod or core path: `['gpu', 'model']` -> `gpu.model`; `[]` -> `""`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The `application/problem+json` response of a problem. */
export function problemResponse(init: ProblemInit, instance?: string): Response {
  const kind = PROBLEMS[init.code];
  const body: Problem = {
    type: problemTypeUri(init.code),
    title: kind.title,
    status: kind.status,
    detail: init.detail,
    ...(instance === undefined ? {} : { instance }),
    errors: init.errors ? [...init.errors] : [],
    ...(init.candidates ? { candidates: [...init.candidates] } : {}),
  };
  return problemJson(body, init.headers);
}

/** Serialises a ready problem body (also used for `about:blank` problems from HTTP exceptions). */
export function problemJson(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, 'content-type': 'application/problem+json' },
  });
}

/** Core's refusal as a problem; the closest ids go in the detail and in `candidates`. */
export function problemFromEstimateError(err: EstimateError): ProblemInit {
  const hint = err.candidates.length > 0 ? `; closest known ids: ${err.candidates.join(', ')}` : '';
  const message = err.message.replace(/[.\s]+$/, '') + hint;
  return {
    code: err.code,
    detail: message,
    errors: [{ path: formatPath(err.path), code: err.code, message }],
    ...(err.candidates.length > 0 ? { candidates: err.candidates } : {}),
  };
}
