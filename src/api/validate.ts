// Request validation: the single place where malformed or invalid input becomes a problem.
import type { Context } from 'hono';
import type { z } from 'zod';
import { parseOrThrow } from '../service/gridshift-error.ts';
import { GridshiftError } from '../service/problem.ts';
import { checkJsonShape } from './limits.ts';

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and validates a JSON body: 415 when not declared as JSON, 400 when not parseable JSON,
 * 422 listing every schema issue. Paths of issues are dotted, `""` being the whole body.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
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
  return parseOrThrow(schema, data);
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
  const message = empty ? 'expected a JSON document, got an empty body' : 'expected a JSON document, got invalid JSON';
  throw new GridshiftError({
    code: 'invalid_json',
    detail: `The request body could not be parsed: ${message}.`,
    errors: [{ path: '', code: 'invalid_json', message }],
  });
}

/** Validates query parameters; an issue's path is the parameter's name. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseOrThrow(schema, c.req.query());
}

/** Validates path parameters (already percent-decoded by Hono). */
export function parseParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseOrThrow(schema, c.req.param());
}
