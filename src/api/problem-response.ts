// RFC 9457 problem details as HTTP responses (`application/problem+json`); the table and the wording
// live in service/problem.ts.
import { PROBLEMS, problemTypeUri, type Problem, type ProblemInit } from '../service/problem.ts';

/** The `application/problem+json` response of a problem; `headers` are HTTP-only extras (allow, connection). */
export function problemResponse(
  init: ProblemInit & { headers?: Record<string, string> },
  instance?: string,
): Response {
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
