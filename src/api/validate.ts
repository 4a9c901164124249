// Request validation: the single place where malformed or invalid input becomes a problem.
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { describeIssues } from '../service/issues.ts';
import { checkJsonShape } from './limits.ts';
import { GridshiftError, invalidValues, type ProblemItem } from '../service/problem.ts';
import { safeParseReporting } from '../core/safe-parse.ts';

// The media types @hono/zod-openapi's gate lets through to its JSON validator, so none is refused twice.
const JSON_MEDIA_TYPE = /^application\/(?:[a-z.-]+\+)?json(?:;\s*[a-z0-9-]+=[^;]+)*$/i;

/** Where a route's request schemas are found: by the matched route and the validation target. */
export type RequestSchemaOf = (c: Context, target: string) => z.ZodType | undefined;

/** What a validator hands its hook: the input (`data`) is there on failure too. */
export interface ValidationResult {
  readonly success: boolean;
  readonly target: string;
  readonly data?: unknown;
}

/**
 * The app's `defaultHook`: a failed query, path or body validation becomes the 422 problem listing
 * every refused field. The input is parsed again with `reportInput` (failures only) to say what came.
 */
export function problemHook(
  schemaOf: RequestSchemaOf,
  branchOf: (schema: z.ZodType, value: unknown) => z.ZodType,
) {
  return (result: ValidationResult, c: Context): undefined => {
    if (result.success) return undefined;
    const schema = schemaOf(c, result.target);
    if (!schema)
      throw new Error(
        `no ${result.target} schema registered for ${c.req.method} ${c.req.routePath}`,
      );
    validate(branchOf(schema, result.data), result.data);
    throw new Error(
      `${result.target} of ${c.req.routePath} failed once and passed on the second parse`,
    );
  };
}

/**
 * Before the route's JSON validator: 415 when the body is not declared as JSON, 400 when it is not
 * parseable JSON, 422 when nested too deep or holding `__proto__`; the body text stays cached for it.
 */
export function jsonBody(): MiddlewareHandler {
  return async (c, next) => {
    await readJsonValue(c);
    await next();
  };
}

/**
 * Reads and validates a JSON body: 415 when not declared as JSON, 400 when not parseable JSON,
 * 422 listing every schema issue. Paths of issues are dotted, `""` being the whole body.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.output<S>> {
  return validate(schema, await readJsonValue(c));
}

async function readJsonValue(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (contentType === undefined || !JSON_MEDIA_TYPE.test(contentType)) {
    const message = 'expected content-type application/json';
    throw new GridshiftError({
      code: 'unsupported_media_type',
      detail: `The request body must be JSON: ${message}.`,
      errors: [{ path: '', code: 'unsupported_media_type', message }],
    });
  }
  const data = parseJson(await c.req.text());
  checkJsonShape(data);
  return data;
}

function parseJson(text: string): unknown {
  const empty = text.trim() === '';
  if (!empty) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // The parser's own message quotes the input, so it is not passed on.
    }
  }
  const message = empty
    ? 'expected a JSON document, got an empty body'
    : 'expected a JSON document, got invalid JSON';
  throw new GridshiftError({
    code: 'invalid_json',
    detail: `The request body could not be parsed: ${message}.`,
    errors: [{ path: '', code: 'invalid_json', message }],
  });
}

function validate<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = safeParseReporting(schema, data);
  if (result.success) return result.data;
  throw invalidRequest(describeIssues(result.error.issues, schema));
}

/** The 422 problem listing every refused field. */
export function invalidRequest(errors: readonly ProblemItem[]): GridshiftError {
  return new GridshiftError(invalidValues(errors));
}
