// Validation and refusals for every shell: a failed parse or a core refusal becomes a GridshiftError
// worded as the API's problem+json words it.
import type { z } from 'zod';
import { safeParseReporting } from '../core/safe-parse.ts';
import { describeIssues } from './issues.ts';
import { GridshiftError, invalidValues, problemFromError } from './problem.ts';

/** Validates `input` against `schema` or throws a GridshiftError (422) listing every issue. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = safeParseReporting(schema, input);
  if (result.success) return result.data;
  throw new GridshiftError(invalidValues(describeIssues(result.error.issues, schema)));
}

/** Runs `f`, turning every refusal (core's, the catalogue's) into a GridshiftError; anything else passes. */
export function withGridshiftErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    const problem = err instanceof GridshiftError ? null : problemFromError(err);
    throw problem ? new GridshiftError(problem) : err;
  }
}
