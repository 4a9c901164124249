// Request limits, all in one place: body sizes, the shape of a JSON body (nesting depth, prototype
// keys) and the time budget of one request.
import type { MiddlewareHandler } from 'hono';
import { formatPath, GridshiftError, invalidValues } from '../service/problem.ts';
import { problemJson } from './problem-response.ts';

export interface Limits {
  /** Largest request body in bytes; default 1 MiB. */
  bodyBytes: number;
  /** Largest body of `POST /v1/batch` in bytes; default 16 MiB. */
  batchBodyBytes: number;
  /** Largest body of `POST /v1/focus` in bytes (read as a stream, never held whole); default 100 MiB. */
  focusBodyBytes: number;
  /** Most bytes a gzip body of `POST /v1/focus` may inflate to; default 1 GiB. */
  focusInflatedBytes: number;
  /** Time budget of one request in milliseconds; past it the answer is a 503 problem. Default 10 s. */
  timeoutMs: number;
}

/** Largest request body accepted (1 MiB); `/v1/batch` has its own, larger limit. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The batch route's own body limit: 10,000 workloads do not fit in the default 1 MiB. */
export const MAX_BATCH_BODY_BYTES = 16 * 1024 * 1024;

/** The FOCUS route's own limit: a month of a large bill; the body streams through, so memory stays bounded. */
export const MAX_FOCUS_BODY_BYTES = 100 * 1024 * 1024;

/** What a gzip FOCUS body may inflate to: a bound on work (gzip bombs), not on memory. */
export const MAX_FOCUS_INFLATED_BYTES = 1024 * 1024 * 1024;

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Deepest nesting of objects and arrays accepted in a JSON body; requests need 4 or 5. */
export const MAX_JSON_DEPTH = 32;

interface Node {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string;
  readonly parent: Node | undefined;
}

/**
 * Refuses (422) a parsed JSON body nested deeper than `maxDepth`, or holding a `__proto__` key
 * anywhere, which schemas with passthrough would silently drop or, merged, turn into a prototype.
 * Walks with its own stack, so a deep body cannot exhaust the call stack.
 */
export function checkJsonShape(root: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Node[] = [{ value: root, depth: 0, key: '', parent: undefined }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) {
      throw shapeProblem(
        pathOf(node),
        'too_deep',
        `expected JSON nested at most ${maxDepth} levels deep`,
      );
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], depth: depth + 1, key: String(i), parent: node });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = {
        value: (value as Record<string, unknown>)[key],
        depth: depth + 1,
        key,
        parent: node,
      };
      if (key === '__proto__')
        throw shapeProblem(
          pathOf(child),
          'forbidden_key',
          "unknown field '__proto__': prototype keys are not accepted",
        );
      stack.push(child);
    }
  }
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.parent !== undefined; at = at.parent) keys.push(at.key);
  return formatPath(keys.reverse());
}

function shapeProblem(path: string, code: string, message: string): GridshiftError {
  return new GridshiftError(invalidValues([{ path, code, message }]));
}

/**
 * Answers 503 (problem+json) when the rest of the chain has not answered within `ms`. It bounds
 * waiting (a slow upload, an awaited call), not a synchronous computation, which input limits bound.
 */
export function timeBudget(ms: number): MiddlewareHandler {
  return async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<true>((resolve) => {
      timer = setTimeout(resolve, ms, true);
    });
    try {
      const late = await Promise.race([next().then(() => false), expired]);
      if (late) c.res = timeoutProblem(ms, c.req.path);
    } finally {
      clearTimeout(timer);
    }
  };
}

function timeoutProblem(ms: number, instance: string): Response {
  const message = `expected an answer within ${ms} ms`;
  return problemJson(
    {
      type: 'https://gridshift.dev/problems/timeout',
      title: 'Request took too long',
      status: 503,
      detail: `The request was not answered within its time budget of ${ms} ms; retry, or send less work per request.`,
      instance,
      errors: [{ path: '', code: 'timeout', message }],
    },
    // The body may still be arriving: the connection cannot carry another request.
    { connection: 'close', 'retry-after': '1' },
  );
}
