// The library's and the CLI's refusal: the same code, detail and `errors[]` as the API's problem+json.
import type { z } from 'zod';
import { EstimateError } from '../core/errors.ts';
import { describeIssues } from '../api/issues.ts';
import { PROBLEMS, ProblemException, problemFromEstimateError, type ProblemCode, type ProblemInit, type ProblemItem } from '../api/problem.ts';
import { safeParseReporting } from '../core/safe-parse.ts';

/** Bad input, told the way the API tells it: `code`, `detail` (the message) and one item per field. */
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

/** The problem of a failed parse, worded as `src/api/validate.ts` words it. */
export function validationProblem(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): ProblemInit {
  const errors = describeIssues(issues, schema);
  const paths = [...new Set(errors.map((e) => (e.path === '' ? '(body)' : e.path)))];
  return { code: 'validation_failed', detail: `The request has ${errors.length} invalid value(s): ${paths.join(', ')}.`, errors };
}

/** Validates `input` against `schema` or throws a GridshiftError listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = safeParseReporting(schema, input);
  if (result.success) return result.data;
  throw new GridshiftError(validationProblem(result.error.issues, schema));
}

/** Runs `f`, turning core's and the catalogue's refusals into GridshiftErrors; anything else passes. */
export function withGridshiftErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof EstimateError) throw new GridshiftError(problemFromEstimateError(err));
    if (err instanceof ProblemException) throw new GridshiftError(err.init);
    throw err;
  }
}
