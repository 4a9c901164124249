// The problem table: total over every code, and the shape of what it produces.
import { expect, it, describe } from 'vitest';
import { ERROR_CODES, EstimateError } from '../../src/core/errors.ts';
import { HourlyError } from '../../src/core/hourly.ts';
import {
  API_PROBLEM_CODES,
  PROBLEMS,
  PROBLEM_CODES,
  GridshiftError,
  invalidValues,
  Problem,
  problemFromError,
  problemFromEstimateError,
  problemTypeUri,
} from '../../src/service/problem.ts';
import { problemResponse } from '../../src/api/problem-response.ts';

describe('PROBLEMS', () => {
  it.each(ERROR_CODES)('maps core code %s to a 422 with a title and a type URI', (code) => {
    const kind = PROBLEMS[code];
    expect(kind).toBeDefined();
    expect(kind.status).toBe(422);
    expect(kind.title).not.toBe('');
    expect(problemTypeUri(code)).toMatch(/^https:\/\/gridshift\.dev\/problems\/[a-z]+(-[a-z]+)*$/);
  });

  it('has exactly one entry per code, core and API, and nothing else', () => {
    expect(Object.keys(PROBLEMS).sort()).toEqual([...ERROR_CODES, ...API_PROBLEM_CODES].sort());
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
  });

  it('gives every code its own type URI and a 4xx status (5xx only for internal_error)', () => {
    const uris = PROBLEM_CODES.map(problemTypeUri);
    expect(new Set(uris).size).toBe(uris.length);
    for (const code of PROBLEM_CODES) {
      const { status } = PROBLEMS[code];
      if (code === 'internal_error') expect(status).toBe(500);
      else expect(status >= 400 && status < 500, code).toBe(true);
    }
  });
});

describe('problemFromEstimateError', () => {
  it("puts the path, the code and the closest ids in the problem; the words are core's", async () => {
    const err = new EstimateError(
      'unknown_gpu',
      ['gpu', 'model'],
      "unknown GPU 'H900'; did you mean H100 or H200?",
      ['nvidia-h100-sxm', 'nvidia-h200'],
    );
    const res = problemResponse(problemFromEstimateError(err), '/v1/estimate');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = Problem.parse(await res.json());
    expect(body).toEqual({
      type: 'https://gridshift.dev/problems/unknown-gpu',
      title: 'Unknown GPU or accelerator',
      status: 422,
      detail: "unknown GPU 'H900'; did you mean H100 or H200?",
      instance: '/v1/estimate',
      errors: [{ path: 'gpu.model', code: 'unknown_gpu', message: body.detail }],
      candidates: ['nvidia-h100-sxm', 'nvidia-h200'],
    });
  });

  it('uses "" for a refusal of the whole workload and omits empty candidates', () => {
    const init = problemFromEstimateError(
      new EstimateError('empty_workload', [], 'nothing to estimate'),
    );
    expect(init.errors).toEqual([
      { path: '', code: 'empty_workload', message: 'nothing to estimate' },
    ]);
    expect(init.candidates).toBeUndefined();
  });
});

describe('problemFromError: every error class of ours has a status', () => {
  it('maps GridshiftError, EstimateError and a time core cannot read to their problems', () => {
    const refusal = new GridshiftError({
      code: 'unknown_zone',
      detail: 'no grid zone with this id',
      errors: [],
      candidates: ['DE'],
    });
    expect(problemFromError(refusal)).toEqual({
      code: 'unknown_zone',
      detail: 'no grid zone with this id',
      errors: [],
      candidates: ['DE'],
    });
    expect(
      problemFromError(new EstimateError('unknown_cpu', ['cpu', 'model'], 'unknown CPU'))?.code,
    ).toBe('unknown_cpu');
    const time = problemFromError(
      new HourlyError('invalid_time', '"2025-13-01" is not an ISO 8601 date-time'),
    );
    expect(time && PROBLEMS[time.code].status).toBe(422);
    // The message names no input: the bad time is not echoed.
    expect(JSON.stringify(time)).not.toContain('2025-13-01');
  });

  it('leaves faults that are ours (a bad argument, a corrupt packed series, anything else) to the 500 path', () => {
    expect(problemFromError(new HourlyError('invalid_argument', 'empty series'))).toBeNull();
    expect(problemFromError(new HourlyError('invalid_packed', 'bad base64'))).toBeNull();
    expect(problemFromError(new TypeError('x is undefined'))).toBeNull();
  });

  it('gives the library the status and title of the table', () => {
    const err = new GridshiftError(
      invalidValues([{ path: '', code: 'too_deep', message: 'expected less nesting' }]),
    );
    expect([err.status, err.title, err.message]).toEqual([
      422,
      'Invalid request',
      'The request has 1 invalid value, (body): expected less nesting.',
    ]);
  });
});
