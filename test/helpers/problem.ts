// Assertions on RFC 9457 problem responses.
import { expect } from 'vitest';
import { Problem } from '../../src/service/problem.ts';

/** Checks status, `application/problem+json` and the body's shape; returns the parsed problem. */
export async function expectProblem(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = Problem.parse(JSON.parse(text));
  expect(problem.status).toBe(status);
  expect(problem.errors.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return problem;
}

/** The `errors[].path` values of a problem. */
export function errorPaths(problem: Problem): string[] {
  return problem.errors.map((e) => e.path);
}
