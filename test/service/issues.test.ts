// Zod issues -> problem items: one per field, dotted paths, messages saying what was expected.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Workload } from '../../src/core/schemas.ts';
import { describeIssues } from '../../src/service/issues.ts';

function itemsFor(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a failed parse');
  return describeIssues(result.error.issues, schema);
}

describe('describeIssues', () => {
  it('describes each zod issue code in words', () => {
    const items = itemsFor(Workload, {
      location: '',
      durationHours: 'ten',
      year: 2024.5,
      renewableShare: 2,
      gpu: { model: 'H100', count: 1 },
      storage: { ssdTb: 1, hdd: 2 },
    });
    expect(items).toEqual([
      {
        path: 'location',
        code: 'too_small',
        message: 'expected a string of length ≥ 1, got a string of length 0',
      },
      { path: 'durationHours', code: 'invalid_type', message: 'expected a number, got string' },
      {
        path: 'storage.hdd',
        code: 'unrecognized_keys',
        message: "unknown field 'hdd'; did you mean 'hddTb'?",
      },
      { path: 'year', code: 'invalid_type', message: 'expected an integer, got 2024.5' },
      { path: 'renewableShare', code: 'too_big', message: 'expected a number ≤ 1, got 2' },
    ]);
  });

  it('reports a missing required field and a wrong body type at ""', () => {
    expect(itemsFor(Workload, {})).toEqual([
      { path: 'location', code: 'invalid_type', message: 'required: expected a string' },
    ]);
    expect(itemsFor(Workload, [1])).toEqual([
      { path: '', code: 'invalid_type', message: 'expected an object, got array' },
    ]);
  });

  it('lists enum values and never echoes a string value', () => {
    const items = itemsFor(z.object({ kind: z.enum(['gpus', 'cpus']), name: z.string().max(3) }), {
      kind: 'secret-value',
      name: 'secret',
    });
    expect(items).toEqual([
      { path: 'kind', code: 'invalid_value', message: 'expected one of "gpus", "cpus"' },
      {
        path: 'name',
        code: 'too_big',
        message: 'expected a string of length ≤ 3, got a string of length 6',
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('secret');
  });

  it('offers no suggestion for an unknown field far from every known one', () => {
    expect(itemsFor(Workload, { location: 'DE', zzzzzzzz: 1 })).toEqual([
      { path: 'zzzzzzzz', code: 'unrecognized_keys', message: "unknown field 'zzzzzzzz'" },
    ]);
  });

  it('lists the allowed values of a discriminator and the keys of every union option', () => {
    expect(itemsFor(Workload, { location: 'DE', ai: { task: 'tuning' } })).toEqual([
      {
        path: 'ai.task',
        code: 'invalid_union',
        message: 'expected one of "training", "inference"',
      },
    ]);
    expect(
      itemsFor(Workload, { location: 'DE', ai: { task: 'inference', inputToken: 5 } }),
    ).toEqual([
      {
        path: 'ai.inputToken',
        code: 'unrecognized_keys',
        message: "unknown field 'inputToken'; did you mean 'inputTokens'?",
      },
    ]);
  });
});
