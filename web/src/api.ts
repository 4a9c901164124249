// Talks to the gridshift API on the page's own origin; every refusal comes back as data, never thrown.

export interface ProblemItem {
  path: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: ProblemItem[];
  candidates?: string[];
}

export type Outcome<T> =
  | { ok: true; value: T }
  /** `unavailable`: this server has no such route (an older or smaller deployment). */
  | { ok: false; unavailable: boolean; problem: Problem };

const NOT_FOUND_TYPE = /\/not-found$/;

/** GET or POST JSON under the page's base URL (`v1/estimate` -> `/v1/estimate`). */
export async function callApi<T>(
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<Outcome<T>> {
  const url = new URL(path, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    return {
      ok: false,
      unavailable: false,
      problem: localProblem(0, 'The server could not be reached.'),
    };
  }
  const text = await response.text();
  const json = parseJson(text);
  if (response.ok && json !== undefined) return { ok: true, value: json as T };
  const problem = isProblem(json)
    ? json
    : localProblem(
        response.status,
        `The server answered ${response.status} ${response.statusText}.`,
      );
  const unavailable =
    response.status === 405 ||
    (response.status === 404 &&
      NOT_FOUND_TYPE.test(problem.type) &&
      problem.errors.every((e) => e.path === ''));
  return { ok: false, unavailable, problem };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.status === 'number' && typeof v.detail === 'string' && Array.isArray(v.errors);
}

function localProblem(status: number, detail: string): Problem {
  return {
    type: 'about:blank',
    title: 'Request failed',
    status,
    detail,
    errors: [{ path: '', code: 'network', message: detail }],
  };
}
