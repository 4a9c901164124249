// RFC 9457 problem details without HTTP: one table from every error code to its status and title,
// the wording of refusals, and the one error class that carries a problem (api/problem-response.ts
// turns it into a response).
import { z } from 'zod';
import { ERROR_CODES, EstimateError, type ErrorCode } from '../core/errors.ts';
import { HourlyError } from '../core/hourly.ts';

/** Refusals the shells themselves produce (core's refusals are `ERROR_CODES`). */
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
  'not_focus',
] as const;
export type ApiProblemCode = (typeof API_PROBLEM_CODES)[number];
export type ProblemCode = ErrorCode | ApiProblemCode;

/** Every code a problem can carry: core's and the shells'. */
export const PROBLEM_CODES: readonly ProblemCode[] = [...ERROR_CODES, ...API_PROBLEM_CODES];

export interface ProblemKind {
  status: 400 | 404 | 405 | 413 | 415 | 422 | 500;
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
  not_focus: { status: 422, title: 'Not a FOCUS billing file' },
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
}

/**
 * A refusal told as a problem: thrown by the service layer, answered as problem+json by the API,
 * and the library's and the CLI's error (the same code, detail and `errors[]` as the API's).
 */
export class GridshiftError extends Error {
  readonly code: ProblemCode;
  /** The HTTP status the API answers for the same input (422, 404, …). */
  readonly status: number;
  /** The problem's title, e.g. `Unknown GPU or accelerator`. */
  readonly title: string;
  readonly errors: readonly ProblemItem[];
  readonly candidates: readonly string[];

  constructor(init: ProblemInit) {
    super(init.detail);
    this.name = 'GridshiftError';
    this.code = init.code;
    this.status = PROBLEMS[init.code].status;
    this.title = PROBLEMS[init.code].title;
    this.errors = init.errors ? [...init.errors] : [];
    this.candidates = init.candidates ? [...init.candidates] : [];
  }
}

/** Dotted path of a zod or core path: `['gpu', 'model']` -> `gpu.model`; `[]` -> `""`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The one "N invalid value(s)" problem: every refused field listed; `subject` names what was
 * refused (`request`, `workload`) and `whole` how a refusal of all of it is listed.
 */
export function invalidValues(
  errors: readonly ProblemItem[],
  subject = 'request',
  whole = '(body)',
): ProblemInit {
  const paths = [...new Set(errors.map((e) => (e.path === '' ? whole : e.path)))];
  return {
    code: 'validation_failed',
    detail: `The ${subject} has ${errors.length} invalid value(s): ${paths.join(', ')}.`,
    errors,
  };
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

/**
 * The problem of any error our code throws, or null for a fault that is not a refusal. Every error
 * class is here: a time core cannot read is the request's fault; a bad argument or packed series is ours.
 */
export function problemFromError(err: unknown): ProblemInit | null {
  if (err instanceof GridshiftError) {
    const { code, message: detail, errors, candidates } = err;
    return { code, detail, errors, ...(candidates.length > 0 ? { candidates } : {}) };
  }
  if (err instanceof EstimateError) return problemFromEstimateError(err);
  if (err instanceof HourlyError) {
    if (err.code !== 'invalid_time') return null;
    return invalidValues([
      { path: '', code: err.code, message: 'expected an ISO 8601 date-time with an offset' },
    ]);
  }
  return null;
}
